import { Button, Checkbox, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { InviteeView } from '../../../bot/src/review/arrange/arrangement.ts';
import type { PersonRole } from '../../../bot/src/review/case.ts';
import { type CommandState, problemAt } from './use-command.ts';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  who: { minWidth: '18rem', flexGrow: 1 },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

/** Who can be added, in the seed's words: parent, carer or guardian; a professional; named staff. */
const ADDABLE: readonly { readonly role: PersonRole; readonly label: string }[] = [
  { role: 'parent', label: 'Parent, carer or guardian' },
  { role: 'young-person', label: 'Young person' },
  { role: 'educational-psychologist', label: 'Educational psychologist' },
  { role: 'health', label: 'Health professional' },
  { role: 'social-care', label: 'Social care' },
  { role: 'specialist-teacher', label: 'Specialist teacher' },
  { role: 'other-professional', label: 'Other professional' },
  { role: 'named-staff', label: 'Named member of staff' },
  { role: 'head-of-setting', label: 'Head of the setting' },
  { role: 'case-coordinator', label: 'LA case coordinator' },
];

export interface InviteeListProps {
  readonly invitees: readonly InviteeView[];
  readonly command: CommandState;
  onRemove(inviteeId: string, reason: string | undefined): void;
  onRequestInformation(inviteeId: string, requestInformation: boolean): void;
  onAdd(person: { name: string; email: string; role: PersonRole; isTeam: boolean }): Promise<boolean>;
}

/** The invitees: remove (X), request information per professional, and add someone. */
export function InviteeList({ invitees, command, onRemove, onRequestInformation, onAdd }: InviteeListProps) {
  const styles = useStyles();
  const [removing, setRemoving] = useState<string>();
  const [reason, setReason] = useState('');
  const [person, setPerson] = useState({ name: '', email: '', role: 'parent' as PersonRole, isTeam: false });
  return (
    <>
      <ul className={styles.list} aria-label="Invitees">
        {invitees.map((invitee) => (
          <li key={invitee.id} className={styles.row}>
            <Text className={styles.who}>
              {invitee.name} ({invitee.email}){invitee.alwaysInvited ? ' (always invited by the LA)' : ''}
            </Text>
            <Checkbox
              label="Request information"
              checked={invitee.requestInformation}
              disabled={command.busy}
              onChange={(_event, data) => onRequestInformation(invitee.id, data.checked === true)}
            />
            {removing === invitee.id ? (
              <>
                <Field
                  label="Why is this team not invited?"
                  validationMessage={problemAt(command.problems, 'reason')}
                >
                  <Input value={reason} onChange={(_event, data) => setReason(data.value)} />
                </Field>
                <Button disabled={command.busy} onClick={() => onRemove(invitee.id, reason)}>
                  Remove with this reason
                </Button>
              </>
            ) : (
              <Button
                icon={<DismissRegular />}
                aria-label={`Remove ${invitee.name}`}
                disabled={command.busy}
                onClick={() =>
                  invitee.alwaysInvited ? setRemoving(invitee.id) : onRemove(invitee.id, undefined)
                }
              />
            )}
          </li>
        ))}
      </ul>
      <form
        className={styles.add}
        aria-label="Add an invitee"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          if (await onAdd(person)) setPerson({ name: '', email: '', role: person.role, isTeam: false });
        }}
      >
        <Field label="Name" required validationMessage={problemAt(command.problems, 'person.name')}>
          <Input
            value={person.name}
            onChange={(_event, data) => setPerson({ ...person, name: data.value })}
          />
        </Field>
        <Field label="Email" required validationMessage={problemAt(command.problems, 'person.email')}>
          <Input
            type="email"
            value={person.email}
            onChange={(_event, data) => setPerson({ ...person, email: data.value })}
          />
        </Field>
        <Field label="Who they are">
          <Select
            value={person.role}
            onChange={(_event, data) => setPerson({ ...person, role: data.value as PersonRole })}
          >
            {ADDABLE.map((option) => (
              <option key={option.role} value={option.role}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label="A team’s generic mailbox"
          checked={person.isTeam}
          onChange={(_event, data) => setPerson({ ...person, isTeam: data.checked === true })}
        />
        <Button type="submit" disabled={command.busy}>
          Add invitee
        </Button>
      </form>
    </>
  );
}
