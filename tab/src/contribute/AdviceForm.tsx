import { Button, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { formatLong } from '../../../bot/src/review/plain-date.ts';
import type { ApiClient } from '../api/client.ts';
import type { ContributionResponse, PublicAdvice } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { Surface } from '../app/Surface.tsx';
import { AttachmentList, AttachmentUpload, saveFile } from './Attachments.tsx';
import { contentOf, draftText, type AdviceForm as Form, formOf, otherProblems } from './advice-form.ts';
import { NeedRows, NewOutcomeRows, ProvisionRows } from './ExtraRows.tsx';
import { OutcomeRows } from './OutcomeRows.tsx';
import { useContribute } from './use-contribute.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export interface AdviceFormProps {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
  readonly contribution: ContributionResponse;
  /** The request answered; none for the setting's own advice. */
  readonly requestId?: string;
  /** Whose advice it is, as the heading says. */
  readonly title: string;
  /** Set when the reader records it on the author's behalf: the author's name. */
  readonly onBehalfOf?: string;
  readonly onContribution: (next: ContributionResponse) => void;
}

/**
 * The advice form for long writing: the same fields as the advice card. "Save draft" is explicit and
 * says when it is saved; leaving with unsaved changes asks first; the author may download their draft;
 * "Submit" checks every outcome. Each problem the server names is shown under its field.
 */
export function AdviceForm(props: AdviceFormProps) {
  const { client, laCode, caseId, contribution, requestId, title, onBehalfOf } = props;
  const styles = useStyles();
  const key = requestId ?? 'setting';
  const stored: PublicAdvice | undefined = contribution.advice.find((a) => a.key === key);
  const [form, setForm] = useState<Form>(() => formOf(contribution.outcomes, stored?.content));
  const [saved, setSaved] = useState(() => JSON.stringify(formOf(contribution.outcomes, stored?.content)));
  const [savedNote, setSavedNote] = useState<string>();
  const command = useContribute(props.onContribution);
  const dirty = JSON.stringify(form) !== saved;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (stored?.state === 'submitted') {
    return (
      <Surface aria-label={title}>
        <Text as="h2" size={400} weight="semibold">
          {title}
        </Text>
        <Text as="p">
          Submitted on {stored.submittedOn ? formatLong(stored.submittedOn) : ''}
          {stored.recordedBy ? `, recorded by ${stored.recordedBy.name}` : ''}.
        </Text>
        <AttachmentList client={client} laCode={laCode} caseId={caseId} attachments={stored.attachments} />
        {contribution.stage === 'contributing' || contribution.stage === 'meeting' ? (
          <AttachmentUpload
            client={client}
            laCode={laCode}
            caseId={caseId}
            {...(requestId ? { requestId } : {})}
            command={command}
          />
        ) : null}
      </Surface>
    );
  }

  const send = (action: 'advice/draft' | 'advice/submit') => async () => {
    const content = contentOf(form);
    const ok = await command.run((commandId) =>
      client.contribute(laCode, caseId, action, { commandId, ...(requestId ? { requestId } : {}), content }),
    );
    if (ok) {
      setSaved(JSON.stringify(form));
      setSavedNote(
        action === 'advice/draft'
          ? `Draft saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}: only you can see it until you submit.`
          : undefined,
      );
    } else setSavedNote(undefined);
  };
  const rest = otherProblems(command.problems);
  return (
    <Surface aria-label={title}>
      <form
        noValidate
        className={styles.form}
        aria-label={`${title}: the form`}
        onSubmit={(event) => {
          event.preventDefault();
          void send('advice/draft')();
        }}
      >
        <Text as="h2" size={400} weight="semibold">
          {title}
        </Text>
        {onBehalfOf ? (
          <MessageBar intent="info">
            <MessageBarBody>
              You are submitting this on behalf of {onBehalfOf}: both of you are recorded with it.
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <OutcomeRows
          outcomes={contribution.outcomes}
          form={form}
          problems={command.problems}
          onChange={(row, change) =>
            setForm({ ...form, outcomes: form.outcomes.map((o, i) => (i === row ? { ...o, ...change } : o)) })
          }
        />
        <Text as="h3" weight="semibold">
          New outcomes
        </Text>
        <NewOutcomeRows form={form} problems={command.problems} onForm={setForm} />
        <Text as="h3" weight="semibold">
          New or changed areas of need
        </Text>
        <NeedRows form={form} problems={command.problems} onForm={setForm} />
        <Text as="h3" weight="semibold">
          Provision
        </Text>
        <ProvisionRows form={form} problems={command.problems} onForm={setForm} />
        {dirty ? <Text role="status">You have changes that are not saved yet.</Text> : null}
        {savedNote && !dirty ? <Text role="status">{savedNote}</Text> : null}
        {rest.length > 0 || (command.error && command.problems.length === 0) ? (
          <ErrorMessage title="That was not done" error={command.error} />
        ) : null}
        <div className={styles.buttons}>
          <Button type="submit" disabled={command.busy}>
            Save draft
          </Button>
          <Button
            disabled={command.busy}
            onClick={() =>
              saveFile(
                new Blob([draftText(form, contribution.outcomes, title)], { type: 'text/plain' }),
                'advice-draft.txt',
              )
            }
          >
            Download my draft
          </Button>
          <Button appearance="primary" disabled={command.busy} onClick={() => void send('advice/submit')()}>
            Submit advice
          </Button>
        </div>
        {stored ? (
          <AttachmentList client={client} laCode={laCode} caseId={caseId} attachments={stored.attachments} />
        ) : null}
        <AttachmentUpload
          client={client}
          laCode={laCode}
          caseId={caseId}
          {...(requestId ? { requestId } : {})}
          command={command}
        />
      </form>
    </Surface>
  );
}
