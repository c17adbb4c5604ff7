import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatLong } from '../../../bot/src/review/plain-date.ts';
import type { RequestState } from '../../../bot/src/review/review.ts';
import type { ApiClient } from '../api/client.ts';
import type { ContributionResponse } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { problemAt } from '../arrange/use-command.ts';
import { AllocateRequest } from './AllocateRequest.tsx';
import { useContribute } from './use-contribute.ts';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

export const REQUEST_WORDS: Readonly<Record<RequestState, string>> = {
  requested: 'Requested',
  accepted: 'Accepted',
  declined: 'Declined',
  submitted: 'Advice submitted',
  closed: 'Closed',
};

/**
 * Who was asked for information and where each request stands; the SENCo closes one that will not be
 * answered (with a reason) or sends one again, and a team's allocator accepts, declines or allocates
 * the request made to the team.
 */
export function RequestList({
  client,
  laCode,
  caseId,
  contribution,
  onContribution,
}: {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
  readonly contribution: ContributionResponse;
  readonly onContribution: (next: ContributionResponse) => void;
}) {
  const styles = useStyles();
  const command = useContribute(onContribution);
  const [closing, setClosing] = useState<string>();
  const [reason, setReason] = useState('');
  const manage = contribution.canRequest && contribution.stage === 'contributing';
  if (contribution.requests.length === 0) return <Text>No information has been requested.</Text>;
  return (
    <>
      <ul aria-label="Requests for information">
        {contribution.requests.map((request) => (
          <li key={request.id}>
            <Text weight="semibold">{request.to}</Text>
            {request.allocatedTo ? ` (allocated to ${request.allocatedTo})` : ''}:{' '}
            {REQUEST_WORDS[request.state]}, asked on {formatLong(request.requestedOn)}
            {request.reason ? `. Reason: ${request.reason}` : ''}
            {manage ? (
              <div className={styles.row}>
                {request.state !== 'submitted' && request.state !== 'closed' ? (
                  <Button size="small" onClick={() => setClosing(request.id)}>
                    Close request to {request.to}
                  </Button>
                ) : null}
                {request.state !== 'submitted' ? (
                  <Button
                    size="small"
                    disabled={command.busy}
                    onClick={() =>
                      void command.run((commandId) =>
                        client.contribute(laCode, caseId, `invitees/${request.inviteeId}/request-advice`, {
                          commandId,
                        }),
                      )
                    }
                  >
                    Send the request to {request.to} again
                  </Button>
                ) : null}
              </div>
            ) : null}
            {request.yours === 'allocate' &&
            contribution.stage === 'contributing' &&
            (request.state === 'requested' || request.state === 'accepted') ? (
              <AllocateRequest
                client={client}
                laCode={laCode}
                caseId={caseId}
                request={request}
                onContribution={onContribution}
              />
            ) : null}
            {closing === request.id ? (
              <div className={styles.row}>
                <Field
                  label={`Why is the request to ${request.to} closed?`}
                  required
                  validationMessage={problemAt(command.problems, 'reason')}
                >
                  <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
                </Field>
                <Button
                  appearance="primary"
                  disabled={command.busy}
                  onClick={async () => {
                    const ok = await command.run((commandId) =>
                      client.contribute(laCode, caseId, `requests/${request.id}/close`, {
                        commandId,
                        reason,
                      }),
                    );
                    if (ok) {
                      setClosing(undefined);
                      setReason('');
                    }
                  }}
                >
                  Close the request
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {command.error && !problemAt(command.problems, 'reason') ? (
        <ErrorMessage title="That was not done" error={command.error} />
      ) : null}
    </>
  );
}
