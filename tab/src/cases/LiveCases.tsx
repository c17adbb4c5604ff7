import { Caption1, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/client.ts';
import type { LiveCasesResponse } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { Surface } from '../app/Surface.tsx';
import { useLoad } from '../app/useLoad.ts';
import { useNarrow } from '../app/useNarrow.ts';
import { formatDate } from '../format/date.ts';
import { caseCounts } from './case-counts.ts';
import { LiveCasesList } from './LiveCasesList.tsx';
import { LiveCasesTable } from './LiveCasesTable.tsx';

const TITLE = 'My live cases';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '90ch', marginBlockEnd: tokens.spacingVerticalM },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingInline: tokens.spacingHorizontalS,
    paddingBlockEnd: tokens.spacingVerticalS,
  },
  empty: { display: 'block', padding: tokens.spacingHorizontalL },
});

/**
 * "My live cases": every case the user holds with a review due or under way (seed: the EHC Hub's
 * "My Live Cases" tray), with its stage, deadline, next action and what is overdue: a table, or on a
 * narrow screen a list with the badges and the next action first.
 */
export function LiveCases({ client }: { readonly client: ApiClient }) {
  const styles = useStyles();
  const { state, retry } = useLoad(() => client.liveCases(), client);
  return (
    <>
      <PageHeading>{TITLE}</PageHeading>
      <Text as="p" className={styles.intro}>
        Cases with an EHC plan that are due an annual review or have one under way, most urgent first.
      </Text>
      {state.status === 'loading' ? <Spinner label="Loading your cases" labelPosition="below" /> : null}
      {state.status === 'failed' ? (
        <ErrorMessage title="Your cases could not be loaded" error={state.error} onRetry={retry} />
      ) : null}
      {state.status === 'loaded' ? <Loaded response={state.value} /> : null}
    </>
  );
}

function Loaded({ response }: { readonly response: LiveCasesResponse }) {
  const styles = useStyles();
  const narrow = useNarrow();
  const counts = caseCounts(response.cases);
  return (
    <Surface aria-label="Live cases">
      <div className={styles.summary}>
        <Text weight="semibold">{counts}</Text>
        <Caption1>Dates as of {formatDate(response.today)}</Caption1>
      </div>
      {response.cases.length === 0 ? (
        <Text as="p" className={styles.empty}>
          You have no live cases. Cases are assigned to you or your setting by the local authority's SEND
          team; if one is missing, ask them.
        </Text>
      ) : narrow ? (
        <LiveCasesList cases={response.cases} today={response.today} label={TITLE} />
      ) : (
        <LiveCasesTable cases={response.cases} today={response.today} label={TITLE} />
      )}
    </Surface>
  );
}
