import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import {
  describeRoles,
  MEMBER_ROLE_KINDS,
  type MemberRoleKind,
  ROLE_WORDS,
} from '../../../bot/src/review/membership.ts';
import type { ApiClient } from '../api/client.ts';
import type { Directory, Member } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { Surface } from '../app/Surface.tsx';
import { useLoad } from '../app/useLoad.ts';
import { EMPTY_FORM, type MemberForm, memberChangeFrom } from './member-form.ts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '90ch', marginBlockEnd: tokens.spacingVerticalM },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    padding: tokens.spacingHorizontalL,
  },
  section: { marginBlockStart: tokens.spacingVerticalXL },
});

/**
 * The LA's directory, for its admins: who the LA has added and their roles here, and adding,
 * changing and removing people (DESIGN.md section 5). The server decides who may see it and checks
 * every field; the page shows its answers.
 */
export function DirectoryPage({ client, laCode }: { readonly client: ApiClient; readonly laCode: string }) {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const { state, retry } = useLoad(() => client.directory(laCode), `${laCode}:${version}`);
  const reload = () => setVersion((n) => n + 1);
  return (
    <>
      <PageHeading>{`Directory of LA ${laCode}`}</PageHeading>
      <Text as="p" className={styles.intro}>
        The people this local authority has given access, and their roles here. A person added by email gets
        access the first time they sign in with that address; after that only their account does.
      </Text>
      {state.status === 'loading' ? <Spinner label="Loading the directory" labelPosition="below" /> : null}
      {state.status === 'failed' ? (
        <ErrorMessage title="The directory could not be loaded" error={state.error} onRetry={retry} />
      ) : null}
      {state.status === 'loaded' ? (
        <>
          <MembersTable directory={state.value} client={client} onChanged={reload} />
          <AddMember client={client} laCode={laCode} members={state.value.members} onAdded={reload} />
        </>
      ) : null}
    </>
  );
}

function MembersTable({
  directory,
  client,
  onChanged,
}: {
  readonly directory: Directory;
  readonly client: ApiClient;
  readonly onChanged: () => void;
}) {
  const [error, setError] = useState<unknown>();
  const remove = async (member: Member) => {
    setError(undefined);
    try {
      await client.removeMember(directory.laCode, member.memberId);
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Surface aria-label="People in the directory">
      {error ? <ErrorMessage title="The person could not be removed" error={error} /> : null}
      <Table aria-label={`People in the directory of LA ${directory.laCode}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Email</TableHeaderCell>
            <TableHeaderCell>Roles here</TableHeaderCell>
            <TableHeaderCell>Signed in</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {directory.members.map((member) => (
            <TableRow key={member.memberId}>
              <TableCell>{member.name}</TableCell>
              <TableCell>{member.email}</TableCell>
              <TableCell>{describeRoles(member.roles)}</TableCell>
              <TableCell>{member.signedIn ? 'Yes' : 'Not yet'}</TableCell>
              <TableCell>
                <Button
                  appearance="subtle"
                  onClick={() => remove(member)}
                  aria-label={`Remove ${member.name}`}
                >
                  Remove
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Surface>
  );
}

function AddMember({
  client,
  laCode,
  members,
  onAdded,
}: {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly members: readonly Member[];
  readonly onAdded: () => void;
}) {
  const styles = useStyles();
  const [form, setForm] = useState<MemberForm>(EMPTY_FORM);
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const set = (field: keyof MemberForm) => (value: string) =>
    setForm((before) => ({ ...before, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      const email = form.email.trim().toLowerCase();
      const current = members.find((member) => member.email === email)?.roles ?? [];
      await client.putMember(laCode, memberChangeFrom(form, current));
      setForm(EMPTY_FORM);
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="add-member">
      <Text as="h2" id="add-member" size={500} weight="semibold">
        Add a person, or give someone another role
      </Text>
      {error ? <ErrorMessage title="The person could not be added" error={error} /> : null}
      <form className={styles.form} onSubmit={submit}>
        <Field label="Email" required>
          <Input type="email" value={form.email} onChange={(_e, data) => set('email')(data.value)} />
        </Field>
        <Field label="Name" required>
          <Input value={form.name} onChange={(_e, data) => set('name')(data.value)} />
        </Field>
        <Field label="Role">
          <Select value={form.role} onChange={(_e, data) => set('role')(data.value as MemberRoleKind)}>
            {MEMBER_ROLE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ROLE_WORDS[kind]}
              </option>
            ))}
          </Select>
        </Field>
        {form.role === 'senco' ? (
          <Field label="Setting URN" required hint="The school's 6-digit unique reference number">
            <Input value={form.settingUrn} onChange={(_e, data) => set('settingUrn')(data.value)} />
          </Field>
        ) : null}
        {form.role === 'allocator' ? (
          <Field label="Team mailbox" required hint="A team mailbox already in this directory">
            <Input
              type="email"
              value={form.teamEmail}
              onChange={(_e, data) => set('teamEmail')(data.value)}
            />
          </Field>
        ) : null}
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? 'Saving' : 'Add'}
        </Button>
      </form>
    </section>
  );
}
