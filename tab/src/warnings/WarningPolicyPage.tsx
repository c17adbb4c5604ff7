import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useEffect, useState } from 'react';
import type { Problem } from '../../../bot/src/review/errors.ts';
import { londonDate } from '../../../bot/src/review/plain-date.ts';
import type { WarningPolicy } from '../../../bot/src/review/warning-policy.ts';
import { type ApiClient, ApiError } from '../api/client.ts';
import type { WarningPolicyView } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { Surface } from '../app/Surface.tsx';
import { useLoad } from '../app/useLoad.ts';
import { formatDate } from '../format/date.ts';
import { formOf, messageFor, policyFrom, type WarningPolicyForm } from './warning-policy-form.ts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '90ch', marginBlockEnd: tokens.spacingVerticalM },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
    padding: tokens.spacingHorizontalL,
  },
  button: { alignSelf: 'flex-start' },
});

/**
 * When an LA warns of its dates (issue 13), for its officers and admins: the policy in words, and a
 * form to change it. The server judges every rule (review/warning-policy.ts) and names the field that
 * is wrong; the page shows its answer beside that field and changes nothing until it is accepted.
 */
export function WarningPolicyPage({
  client,
  laCode,
}: {
  readonly client: ApiClient;
  readonly laCode: string;
}) {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const { state, retry } = useLoad(() => client.warningPolicy(laCode), `${laCode}:${version}`);
  return (
    <>
      <PageHeading>{`When LA ${laCode} warns of its dates`}</PageHeading>
      <Text as="p" className={styles.intro}>
        Before each statutory date, the person who must act gets a message in Teams, and the linked channels’
        daily digests list the date. Choose how many days before each date the warnings go, and how often they
        repeat while a date is overdue. A change applies from the next deadline check.
      </Text>
      {state.status === 'loading' ? <Spinner label="Loading the warnings" labelPosition="below" /> : null}
      {state.status === 'failed' ? (
        <ErrorMessage title="The warnings could not be loaded" error={state.error} onRetry={retry} />
      ) : null}
      {state.status === 'loaded' ? (
        <PolicyForm client={client} view={state.value} onSaved={() => setVersion((n) => n + 1)} />
      ) : null}
    </>
  );
}

function PolicyForm({
  client,
  view,
  onSaved,
}: {
  readonly client: ApiClient;
  readonly view: WarningPolicyView;
  readonly onSaved: () => void;
}) {
  const styles = useStyles();
  const [form, setForm] = useState<WarningPolicyForm>(() => formOf(view.policy));
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [asked, setAsked] = useState<WarningPolicy>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  useEffect(() => setForm(formOf(view.policy)), [view]);
  const set = (field: keyof WarningPolicyForm) => (value: string) =>
    setForm((before) => ({ ...before, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const read = policyFrom(form);
    if ('problems' in read) {
      setProblems(read.problems);
      return;
    }
    setProblems([]);
    setAsked(read.policy);
    setSaving(true);
    try {
      await client.setWarningPolicy(view.laCode, read.policy);
      onSaved();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'INVALID_INPUT') setProblems(caught.problems);
      else setError(caught);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Surface aria-label="Deadline warnings">
      <MessageBar intent="info">
        <MessageBarBody>
          {`Now: ${view.words}. `}
          {view.chosen && view.setAt
            ? `Chosen by the local authority on ${formatDate(londonDate(new Date(view.setAt)))}.`
            : 'These are the defaults: the local authority has not chosen yet.'}
        </MessageBarBody>
      </MessageBar>
      {error ? <ErrorMessage title="The warnings could not be saved" error={error} /> : null}
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field
          label="Days before each date"
          required
          hint="Each number is a warning, up to 6, at most 84 days (12 weeks) ahead; 0 is the day itself. For example: 28, 7, 0"
          validationMessage={messageFor(problems, 'daysBefore', asked)}
        >
          <Input value={form.daysBefore} onChange={(_e, data) => set('daysBefore')(data.value)} />
        </Field>
        <Field
          label="While overdue, warn again every (days)"
          required
          hint="From 1 (every day) to 28"
          validationMessage={messageFor(problems, 'overdueEveryDays')}
        >
          <Input
            inputMode="numeric"
            value={form.overdueEveryDays}
            onChange={(_e, data) => set('overdueEveryDays')(data.value)}
          />
        </Field>
        <Button className={styles.button} type="submit" appearance="primary" disabled={saving}>
          {saving ? 'Saving' : 'Save'}
        </Button>
      </form>
    </Surface>
  );
}
