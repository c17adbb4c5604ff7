import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  tokens,
  useId,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { type ApiClient, ApiError } from '../api/client.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { NotFound } from '../app/NotFound.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { hrefFor } from '../app/route.ts';
import { useLoad } from '../app/useLoad.ts';
import { MuteWarnings } from '../warnings/MuteWarnings.tsx';
import { CaseFacts } from './CaseFacts.tsx';
import { PFA_NOTE, pfaWords } from './case-words.ts';
import { type CasePage, loadCasePage } from './load-case.ts';
import { NextActionCard } from './NextActionCard.tsx';
import { StatutoryDates } from './StatutoryDates.tsx';

const useStyles = makeStyles({
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  nav: { marginBlockEnd: tokens.spacingVerticalM },
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pfa: { maxWidth: '100ch' },
});

/** The stages in which the meeting and invitees can be arranged or changed (arrange/decide-arrange.ts). */
const ARRANGEABLE: readonly string[] = ['pending', 'arranging', 'contributing'];

export interface CaseHomeProps {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
}

/**
 * "Case home" (seed: "This will take you to the 'Case home' screen"): who the case is, where it stands,
 * what to do next, and the statutory clock: every due date with the rule that sets it, so that
 * everyone sees the clock (DESIGN.md section 3).
 */
export function CaseHome({ client, laCode, caseId }: CaseHomeProps) {
  const styles = useStyles();
  const { state, retry } = useLoad(() => loadCasePage(client, laCode, caseId), `${laCode}/${caseId}`);
  return (
    <>
      <nav className={styles.nav} aria-label="Back">
        <Link href={hrefFor({ page: 'live-cases' })} className={styles.back}>
          <ArrowLeftRegular aria-hidden /> My live cases
        </Link>
      </nav>
      {state.status === 'loading' ? <Spinner label="Loading the case" labelPosition="below" /> : null}
      {state.status === 'failed' && isNotFound(state.error) ? (
        <NotFound title="Case not found">
          This case was not found, or you don't have access to it. If you think you should, ask the local
          authority's SEND team.
        </NotFound>
      ) : null}
      {state.status === 'failed' && !isNotFound(state.error) ? (
        <>
          <PageHeading>Case home</PageHeading>
          <ErrorMessage title="This case could not be loaded" error={state.error} onRetry={retry} />
        </>
      ) : null}
      {state.status === 'loaded' ? <Loaded page={state.value} client={client} /> : null}
    </>
  );
}

/** The API answers 404 both for a case that does not exist and for one the user may not see. */
function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

function Loaded({ page, client }: { readonly page: CasePage; readonly client: ApiClient }) {
  const styles = useStyles();
  const { summary, clock } = page.detail;
  const nextActionId = useId('next-action');
  const datesId = useId('statutory-dates');
  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <PageHeading>{summary.childName}</PageHeading>
        <CaseFacts summary={summary} />
        {clock.pfaRequired ? (
          <MessageBar intent="info" className={styles.pfa}>
            <MessageBarBody>
              <MessageBarTitle>{pfaWords(clock.ncYear)}</MessageBarTitle>
              {PFA_NOTE}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <NextActionCard summary={summary} today={page.today} headingId={nextActionId} />
      {ARRANGEABLE.includes(summary.stage) ? (
        <Link href={hrefFor({ page: 'arrange', laCode: summary.laCode, caseId: summary.caseId })}>
          {summary.stage === 'pending' ? 'Start review' : 'Arrange the meeting and invitees'}
        </Link>
      ) : null}
      {summary.stage === 'contributing' || summary.stage === 'meeting' ? (
        <Link href={hrefFor({ page: 'contribute', laCode: summary.laCode, caseId: summary.caseId })}>
          {summary.stage === 'contributing'
            ? 'Advice, views and the move to the meeting'
            : 'Advice and documents'}
        </Link>
      ) : null}
      <StatutoryDates clock={clock} today={page.today} headingId={datesId} />
      <MuteWarnings client={client} laCode={summary.laCode} caseId={summary.caseId} />
    </div>
  );
}
