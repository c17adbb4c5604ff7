import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { ABANDON_REASONS, type AbandonReason } from '../../../bot/src/review/case-file.ts';
import { formatLong } from '../../../bot/src/review/plain-date.ts';
import { RULES } from '../../../bot/src/review/rules.ts';
import type { ApiClient } from '../api/client.ts';
import type { ArrangementResponse, InvitationsResponse } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { hrefFor } from '../app/route.ts';
import { Surface } from '../app/Surface.tsx';
import { useLoad } from '../app/useLoad.ts';
import { InviteeList } from './InviteeList.tsx';
import { problemAt, useCommand } from './use-command.ts';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '110ch' },
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  fields: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
  },
});

export interface ArrangePageProps {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
}

const REASON_WORDS: Readonly<Record<AbandonReason, string>> = {
  'arranged-in-error': 'Arranged in error',
  duplicate: 'A duplicate of another review',
  rearranging: 'To be rearranged',
  'child-left-setting': 'The child has left the setting',
  'plan-ceased': 'The plan has ceased',
};

/**
 * The arrange page (seed: "Arrange the Annual Review"): start the review, the meeting's date, times,
 * venue and Teams meeting, the invitees, "Save in draft" and "Confirm and send invitations", the
 * invitations sent, and abandon. Every warning names its rule and never blocks; what blocks sending is
 * the server's gate, shown before the button is pressed.
 */
export function ArrangePage({ client, laCode, caseId }: ArrangePageProps) {
  const { state, retry } = useLoad(() => client.arrangement(laCode, caseId), `${laCode}/${caseId}`);
  return (
    <>
      <nav aria-label="Back">
        <Link href={hrefFor({ page: 'case', laCode, caseId })}>
          <ArrowLeftRegular aria-hidden /> Case home
        </Link>
      </nav>
      {state.status === 'loading' ? <Spinner label="Loading the review" labelPosition="below" /> : null}
      {state.status === 'failed' ? (
        <ErrorMessage title="The review could not be loaded" error={state.error} onRetry={retry} />
      ) : null}
      {state.status === 'loaded' ? (
        <Arrange client={client} laCode={laCode} caseId={caseId} loaded={state.value} />
      ) : null}
    </>
  );
}

function Arrange({
  client,
  laCode,
  caseId,
  loaded,
}: ArrangePageProps & { readonly loaded: ArrangementResponse }) {
  const styles = useStyles();
  const [arrangement, setArrangement] = useState(loaded);
  const [invitations, setInvitations] = useState<InvitationsResponse['invitations']>([]);
  const [meeting, setMeeting] = useState(formOf(loaded.meeting));
  // The meeting as last loaded or saved: what this user's edit is based on (the server merges by field).
  const [seen, setSeen] = useState(loaded.meeting);
  const onArrangement = useCallback((next: ArrangementResponse) => {
    setArrangement(next);
    setSeen(next.meeting);
    if (next.meeting) setMeeting(formOf(next.meeting));
  }, []);
  const command = useCommand(onArrangement);
  const [confirmStart, setConfirmStart] = useState(false);
  const [reason, setReason] = useState<AbandonReason | ''>('');
  const send = (action: string, body: object) => (commandId: string) =>
    client.command(laCode, caseId, action, { commandId, ...body });
  const refreshInvitations = useCallback(
    () =>
      client.invitations(laCode, caseId).then(
        (answer) => setInvitations(answer.invitations),
        () => undefined,
      ),
    [client, laCode, caseId],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the list whenever the review changes.
  useEffect(() => {
    void refreshInvitations();
  }, [arrangement]);

  const saveMeeting = () =>
    command.run(
      send('meeting', {
        meeting: { ...meeting, venue: meeting.venue.trim() },
        ...(seen ? { seen: formOf(seen) } : {}),
      }),
    );
  const where = (field: string) => problemAt(command.problems, `meeting.${field}`);

  if (arrangement.stage === 'pending') {
    return (
      <div className={styles.page}>
        <PageHeading>Arrange the annual review</PageHeading>
        {confirmStart ? (
          <MessageBar intent="info">
            <MessageBarBody>
              Start the review now? The invitees are filled in from the last review; check they are still
              right.{' '}
              <Button
                appearance="primary"
                disabled={command.busy}
                onClick={async () => {
                  await command.run(send('start', {}));
                  setConfirmStart(false);
                }}
              >
                Yes, start the review
              </Button>{' '}
              <Button onClick={() => setConfirmStart(false)}>No</Button>
            </MessageBarBody>
          </MessageBar>
        ) : (
          <div>
            <Button appearance="primary" onClick={() => setConfirmStart(true)}>
              Start review
            </Button>
          </div>
        )}
        {command.error ? <ErrorMessage title="The review was not started" error={command.error} /> : null}
      </div>
    );
  }

  const sent = arrangement.stage !== 'arranging';
  return (
    <div className={styles.page}>
      <PageHeading>Arrange the annual review</PageHeading>
      <Surface aria-label="Dates">
        <div className={styles.section}>
          {arrangement.dates.latestMeeting ? (
            <Text>Latest sensible meeting date: {formatLong(arrangement.dates.latestMeeting.date)}</Text>
          ) : null}
          {arrangement.dates.inviteBy ? (
            <Text>
              Last day to invite with 2 weeks’ notice: {formatLong(arrangement.dates.inviteBy.date)}
            </Text>
          ) : null}
          {arrangement.dates.adviceBy && arrangement.dates.reportBy && arrangement.dates.decisionBy ? (
            <Text>
              From this meeting ({RULES.SUGGESTED_TIMELINE.title}): advice to everyone by{' '}
              {formatLong(arrangement.dates.adviceBy.date)}, the report by{' '}
              {formatLong(arrangement.dates.reportBy.date)}, the LA’s decision by{' '}
              {formatLong(arrangement.dates.decisionBy.date)}.
            </Text>
          ) : null}
          {arrangement.invitation ? (
            <Text>Invitations sent on {formatLong(arrangement.invitation.sentOn)}</Text>
          ) : null}
          {arrangement.invitation?.teamsMeetingMissing ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                The calendar made no Teams meeting for this event: send a join link another way.
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      </Surface>
      <form
        aria-label="The meeting"
        className={styles.section}
        onSubmit={(event) => {
          event.preventDefault();
          void saveMeeting();
        }}
      >
        <div className={styles.fields}>
          <Field label="Date" required validationMessage={where('on')}>
            <Input
              type="date"
              value={meeting.on}
              onChange={(_e, d) => setMeeting({ ...meeting, on: d.value })}
            />
          </Field>
          <Field label="Start time" required validationMessage={where('startTime')}>
            <Input
              type="time"
              value={meeting.startTime}
              onChange={(_e, d) => setMeeting({ ...meeting, startTime: d.value })}
            />
          </Field>
          <Field label="End time" required validationMessage={where('endTime')}>
            <Input
              type="time"
              value={meeting.endTime}
              onChange={(_e, d) => setMeeting({ ...meeting, endTime: d.value })}
            />
          </Field>
          <Field label="Venue" validationMessage={where('venue')}>
            <Input value={meeting.venue} onChange={(_e, d) => setMeeting({ ...meeting, venue: d.value })} />
          </Field>
          <Switch
            label="Teams meeting"
            checked={meeting.online}
            onChange={(_e, d) => setMeeting({ ...meeting, online: d.checked })}
          />
        </div>
        {arrangement.warnings.map((warning) => (
          <MessageBar key={`${warning.where}:${warning.message}`} intent="warning">
            <MessageBarBody>
              {warning.message}
              {warning.rule ? ` (${RULES[warning.rule].title}, ${warning.rule})` : ''}
            </MessageBarBody>
          </MessageBar>
        ))}
        <div className={styles.buttons}>
          <Button type="submit" disabled={command.busy}>
            {sent ? 'Save and update everyone invited' : 'Save in draft'}
          </Button>
          {sent ? null : (
            <Button
              appearance="primary"
              disabled={command.busy}
              onClick={async () => {
                if (await saveMeeting()) await command.run(send('invitations', {}));
              }}
            >
              Confirm and send invitations
            </Button>
          )}
        </div>
        {!sent && arrangement.sendProblems.length > 0 ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              Before the invitations can go out:
              <ul>
                {arrangement.sendProblems.map((p) => (
                  <li key={`${p.where}:${p.message}`}>{p.message}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {command.error &&
        command.problems.every((p) => !p.where.startsWith('meeting.') && !p.where.startsWith('person.')) ? (
          <ErrorMessage title="That was not done" error={command.error} />
        ) : null}
      </form>
      <Surface aria-label="Invitees">
        <div className={styles.section}>
          <Text as="h2" size={400} weight="semibold">
            Invitees
          </Text>
          <InviteeList
            invitees={arrangement.invitees}
            command={command}
            onRemove={(inviteeId, why) =>
              void command.run(send(`invitees/${inviteeId}/remove`, why ? { reason: why } : {}))
            }
            onRequestInformation={(inviteeId, requestInformation) =>
              void command.run(send(`invitees/${inviteeId}/request-information`, { requestInformation }))
            }
            onAdd={(person) => command.run(send('invitees', { person }))}
          />
        </div>
      </Surface>
      <Surface aria-label="Sent invitations">
        <div className={styles.section}>
          <Text as="h2" size={400} weight="semibold">
            Sent invitations
          </Text>
          {invitations.length === 0 ? <Text>None yet.</Text> : null}
          <ul>
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.kind === 'invite'
                  ? 'Invitation'
                  : invitation.kind === 'update'
                    ? 'Update'
                    : 'Cancellation'}{' '}
                {invitation.sequence}:{' '}
                {invitation.state === 'done'
                  ? 'sent'
                  : invitation.state === 'failed'
                    ? 'failed'
                    : 'waiting to be sent'}
                {invitation.download ? (
                  <>
                    {' '}
                    <Link href={invitation.download} download>
                      Download (.ics)
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <Button onClick={() => void refreshInvitations()}>Refresh</Button>
        </div>
      </Surface>
      <Surface aria-label="Abandon the review">
        <div className={styles.section}>
          <Field label="Abandon the review: why?" validationMessage={problemAt(command.problems, 'reason')}>
            <Select value={reason} onChange={(_e, d) => setReason(d.value as AbandonReason)}>
              <option value="">Choose a reason</option>
              {ABANDON_REASONS.map((r) => (
                <option key={r} value={r}>
                  {REASON_WORDS[r]}
                </option>
              ))}
            </Select>
          </Field>
          <Text>Everything of this review is deleted permanently and the invitation is cancelled.</Text>
          <div>
            <Button
              disabled={command.busy || !reason}
              onClick={() => void command.run(send('abandon', { reason }))}
            >
              Abandon the review
            </Button>
          </div>
        </div>
      </Surface>
    </div>
  );
}

/** The form's fields from a stored meeting; a new meeting is a Teams meeting by default. */
function formOf(meeting: ArrangementResponse['meeting']) {
  return {
    on: meeting?.on ?? '',
    startTime: meeting?.startTime ?? '',
    endTime: meeting?.endTime ?? '',
    venue: meeting?.venue ?? '',
    online: meeting?.online ?? true,
  };
}
