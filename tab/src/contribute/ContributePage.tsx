import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { formatLong } from '../../../bot/src/review/plain-date.ts';
import { RULES } from '../../../bot/src/review/rules.ts';
import type { ApiClient } from '../api/client.ts';
import type { ContributionResponse, SignedInUser } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { hrefFor } from '../app/route.ts';
import { Surface } from '../app/Surface.tsx';
import { useLoad } from '../app/useLoad.ts';
import { AdviceForm } from './AdviceForm.tsx';
import { AdviceReceived } from './AdviceReceived.tsx';
import { RequestList } from './RequestList.tsx';
import { useContribute } from './use-contribute.ts';
import { ViewsSection } from './ViewsSection.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '110ch' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
  },
});

export interface ContributePageProps {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
  readonly me: SignedInUser;
}

/**
 * The contribute stage (seeds: "Contribute Views"): the reader's own advice to write, advice to
 * record on someone's behalf, the requests, the advice received, the views, and the gate to the
 * meeting.
 */
export function ContributePage({ client, laCode, caseId, me }: ContributePageProps) {
  const { state, retry } = useLoad(() => client.contribution(laCode, caseId), `${laCode}/${caseId}/${me.id}`);
  return (
    <>
      <nav aria-label="Back">
        <Link href={hrefFor({ page: 'case', laCode, caseId })}>
          <ArrowLeftRegular aria-hidden /> Case home
        </Link>
      </nav>
      {state.status === 'loading' ? <Spinner label="Loading the advice" labelPosition="below" /> : null}
      {state.status === 'failed' ? (
        <ErrorMessage title="The advice could not be loaded" error={state.error} onRetry={retry} />
      ) : null}
      {state.status === 'loaded' ? (
        <Contribute client={client} laCode={laCode} caseId={caseId} loaded={state.value} />
      ) : null}
    </>
  );
}

function Contribute({
  client,
  laCode,
  caseId,
  loaded,
}: Omit<ContributePageProps, 'me'> & { readonly loaded: ContributionResponse }) {
  const styles = useStyles();
  const [contribution, setContribution] = useState(loaded);
  const onContribution = useCallback((next: ContributionResponse) => setContribution(next), []);
  const gate = useContribute(onContribution);
  const own = contribution.requests.filter(
    (r) => r.yours === 'answer' || (r.asked && contribution.advice.some((a) => a.key === r.id)),
  );
  const onBehalf = contribution.requests.filter((r) => r.yours === 'record');
  const [behalfOf, setBehalfOf] = useState('');
  const chosen = onBehalf.find((r) => r.id === behalfOf);
  const common = { client, laCode, caseId, contribution, onContribution };
  const open = contribution.stage === 'contributing';
  return (
    <div className={styles.page}>
      <PageHeading>Contribute views</PageHeading>
      {contribution.stage === 'meeting' ? (
        <MessageBar intent="info">
          <MessageBarBody>
            The review has moved to the meeting: no more advice is accepted, but documents can still be
            attached.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {own.map((request) => (
        <AdviceForm key={request.id} {...common} requestId={request.id} title="Your advice" />
      ))}
      {open && contribution.canRequest ? <AdviceForm {...common} title="The setting’s advice" /> : null}
      {onBehalf.length > 0 && open ? (
        <Surface aria-label="Submit on behalf of">
          <div className={styles.section}>
            <Text as="h2" size={400} weight="semibold">
              Submit on behalf of someone
            </Text>
            <Select
              aria-label="Whose advice are you recording?"
              value={behalfOf}
              onChange={(_e, d) => setBehalfOf(d.value)}
            >
              <option value="">Choose whose advice you are recording</option>
              {onBehalf.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.allocatedTo ?? r.to}
                </option>
              ))}
            </Select>
          </div>
        </Surface>
      ) : null}
      {chosen ? (
        <AdviceForm
          key={chosen.id}
          {...common}
          requestId={chosen.id}
          title={`Advice of ${chosen.allocatedTo ?? chosen.to}`}
          onBehalfOf={chosen.allocatedTo ?? chosen.to}
        />
      ) : null}
      <Surface aria-label="Requests for information">
        <div className={styles.section}>
          <Text as="h2" size={400} weight="semibold">
            Requests for information
          </Text>
          <RequestList {...common} />
        </div>
      </Surface>
      <Surface aria-label="Advice received">
        <div className={styles.section}>
          <Text as="h2" size={400} weight="semibold">
            Advice received
          </Text>
          <AdviceReceived client={client} laCode={laCode} caseId={caseId} contribution={contribution} />
        </div>
      </Surface>
      <Surface aria-label="Views">
        <div className={styles.section}>
          <Text as="h2" size={400} weight="semibold">
            Views
          </Text>
          <ViewsSection {...common} />
        </div>
      </Surface>
      {contribution.canRequest && open ? (
        <Surface aria-label="Progress to meeting">
          <div className={styles.section}>
            {contribution.adviceCirculatedBy ? (
              <Text>
                Advice to be circulated by {formatLong(contribution.adviceCirculatedBy)} (
                {RULES.ADVICE_CIRCULATED.title}, ADVICE_CIRCULATED)
              </Text>
            ) : null}
            {contribution.warnings.map((w) => (
              <MessageBar key={w.message} intent="warning">
                <MessageBarBody>{w.message}</MessageBarBody>
              </MessageBar>
            ))}
            {contribution.gate.length > 0 ? (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  Before the review can move to the meeting:
                  <ul>
                    {contribution.gate.map((p) => (
                      <li key={`${p.where}:${p.message}`}>{p.message}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <div>
              <Button
                appearance="primary"
                disabled={!contribution.canProgress || gate.busy}
                onClick={() =>
                  void gate.run((commandId) =>
                    client.contribute(laCode, caseId, 'progress-to-meeting', { commandId }),
                  )
                }
              >
                Progress to meeting
              </Button>
            </div>
            {gate.error ? <ErrorMessage title="The review did not move on" error={gate.error} /> : null}
          </div>
        </Surface>
      ) : null}
    </div>
  );
}
