import { Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { ApiClient } from '../api/client.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { hrefFor } from '../app/route.ts';
import { useLoad } from '../app/useLoad.ts';
import { formatDate } from '../format/date.ts';
import { stageWords } from './case-words.ts';

const useStyles = makeStyles({
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  nav: { marginBlockEnd: tokens.spacingVerticalM },
  facts: { display: 'grid', gap: tokens.spacingVerticalXS },
});

export interface CaseHomeProps {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
}

/**
 * "Case home" (seed: "This will take you to the 'Case home' screen"): for now the child's name, the
 * stage and the review-by date, as the target of a row in My live cases.
 */
export function CaseHome({ client, laCode, caseId }: CaseHomeProps) {
  const styles = useStyles();
  const { state, retry } = useLoad(() => client.caseDetail(laCode, caseId), `${laCode}/${caseId}`);
  return (
    <>
      <nav className={styles.nav} aria-label="Back">
        <Link href={hrefFor({ page: 'live-cases' })} className={styles.back}>
          <ArrowLeftRegular aria-hidden /> My live cases
        </Link>
      </nav>
      {state.status === 'loading' ? <Spinner label="Loading the case" labelPosition="below" /> : null}
      {state.status === 'failed' ? (
        <>
          <PageHeading>Case home</PageHeading>
          <ErrorMessage title="This case could not be loaded" error={state.error} onRetry={retry} />
        </>
      ) : null}
      {state.status === 'loaded' ? (
        <>
          <PageHeading>{state.value.summary.childName}</PageHeading>
          <div className={styles.facts}>
            <Text>Stage: {stageWords(state.value.summary.stage)}</Text>
            <Text>Review by: {formatDate(state.value.summary.reviewBy.date)}</Text>
            <Text>Next action: {state.value.summary.nextAction.label}</Text>
          </div>
        </>
      ) : null}
    </>
  );
}
