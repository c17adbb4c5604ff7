import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { ContributionResponse } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { problemAt } from '../arrange/use-command.ts';
import { useContribute } from './use-contribute.ts';

const useStyles = makeStyles({
  group: { border: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

type Request = ContributionResponse['requests'][number];

/**
 * A team's allocator answers the request made to the team's mailbox (seed: the team "will allocate a
 * named professional"): accept it, decline it with a reason, or name the professional who will give
 * the advice, whose name then shows on the review and who gets the request.
 */
export function AllocateRequest({
  client,
  laCode,
  caseId,
  request,
  onContribution,
}: {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
  readonly request: Request;
  readonly onContribution: (next: ContributionResponse) => void;
}) {
  const styles = useStyles();
  const command = useContribute(onContribution);
  const [doing, setDoing] = useState<'allocate' | 'decline'>();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [reason, setReason] = useState('');
  const path = (action: string) => `requests/${encodeURIComponent(request.id)}/${action}`;
  const shown = (where: string) => problemAt(command.problems, where);
  return (
    <fieldset className={styles.group} aria-label={`The request to ${request.to}`}>
      <div className={styles.row}>
        {request.state === 'requested' ? (
          <Button
            size="small"
            disabled={command.busy}
            onClick={() =>
              void command.run((commandId) =>
                client.contribute(laCode, caseId, path('accept'), { commandId }),
              )
            }
          >
            Accept for the team
          </Button>
        ) : null}
        <Button size="small" onClick={() => setDoing('allocate')}>
          Allocate to a professional
        </Button>
        <Button size="small" onClick={() => setDoing('decline')}>
          Decline
        </Button>
      </div>
      {doing === 'allocate' ? (
        <div className={styles.row}>
          <Field label="The professional’s name" required validationMessage={shown('professional.name')}>
            <Input value={name} onChange={(_e, d) => setName(d.value)} />
          </Field>
          <Field label="Their email address" required validationMessage={shown('professional.email')}>
            <Input type="email" value={email} onChange={(_e, d) => setEmail(d.value)} />
          </Field>
          <Button
            appearance="primary"
            disabled={command.busy}
            onClick={async () => {
              const ok = await command.run((commandId) =>
                client.contribute(laCode, caseId, path('allocate'), {
                  commandId,
                  professional: { name: name.trim(), email: email.trim() },
                }),
              );
              if (ok) setDoing(undefined);
            }}
          >
            Allocate the request
          </Button>
        </div>
      ) : null}
      {doing === 'decline' ? (
        <div className={styles.row}>
          <Field label={`Why does ${request.to} decline?`} required validationMessage={shown('reason')}>
            <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
          </Field>
          <Button
            appearance="primary"
            disabled={command.busy}
            onClick={async () => {
              const ok = await command.run((commandId) =>
                client.contribute(laCode, caseId, path('decline'), { commandId, reason }),
              );
              if (ok) setDoing(undefined);
            }}
          >
            Decline the request
          </Button>
        </div>
      ) : null}
      {command.error && !shown('reason') && !shown('professional.name') && !shown('professional.email') ? (
        <ErrorMessage title="That was not done" error={command.error} />
      ) : null}
    </fieldset>
  );
}
