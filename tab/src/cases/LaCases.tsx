import { Button, Caption1, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { CaseSummary, LaCasesPage } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { Surface } from '../app/Surface.tsx';
import { formatDate } from '../format/date.ts';
import { LiveCasesTable } from './LiveCasesTable.tsx';

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
  more: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalM },
});

type Pages =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | {
      readonly status: 'loaded';
      readonly today: LaCasesPage['today'];
      readonly cases: readonly CaseSummary[];
      readonly continuation?: string;
      /** A next page is being fetched, or failed. */
      readonly more?: 'loading' | { readonly error: unknown };
    };

/**
 * Every live case of an LA, for its officers: 50 at a time, earliest next due date first, with
 * "Show more" for the next 50.
 *
 * @remarks An LA holds up to 20,000 plans (DESIGN.md section 5): the server reads and sends one page of
 * stored summaries at a time (docs/store.md, "An LA's list"), never the whole LA.
 */
export function LaCases({ client, laCode }: { readonly client: ApiClient; readonly laCode: string }) {
  const styles = useStyles();
  const [pages, setPages] = useState<Pages>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again.
  useEffect(() => {
    let current = true;
    setPages({ status: 'loading' });
    client.laCasesPage(laCode).then(
      (page) => current && setPages({ status: 'loaded', ...page }),
      (error: unknown) => current && setPages({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [client, laCode, attempt]);

  const showMore = useCallback(() => {
    if (pages.status !== 'loaded' || !pages.continuation || pages.more === 'loading') return;
    const loaded = pages;
    setPages({ ...loaded, more: 'loading' });
    client.laCasesPage(laCode, loaded.continuation).then(
      (page) => {
        const { continuation: _used, more: _more, ...rest } = loaded;
        setPages({
          ...rest,
          cases: [...loaded.cases, ...page.cases],
          ...(page.continuation ? { continuation: page.continuation } : {}),
        });
      },
      (error: unknown) => setPages({ ...loaded, more: { error } }),
    );
  }, [client, laCode, pages]);

  const title = `All live cases of LA ${laCode}`;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Text as="p" className={styles.intro}>
        Every case of the local authority with a review due or under way, the earliest next due date first, 50
        at a time.
      </Text>
      {pages.status === 'loading' ? <Spinner label="Loading the LA's cases" labelPosition="below" /> : null}
      {pages.status === 'failed' ? (
        <ErrorMessage
          title="The LA's cases could not be loaded"
          error={pages.error}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      ) : null}
      {pages.status === 'loaded' ? (
        <Surface aria-label={title}>
          <div className={styles.summary}>
            <Text weight="semibold">
              {pages.cases.length} {pages.cases.length === 1 ? 'case' : 'cases'} shown
              {pages.continuation ? ', more to come' : ''}
            </Text>
            <Caption1>Dates as of {formatDate(pages.today)}</Caption1>
          </div>
          <LiveCasesTable cases={pages.cases} today={pages.today} label={title} />
          {pages.more && pages.more !== 'loading' ? (
            <ErrorMessage
              title="The next cases could not be loaded"
              error={pages.more.error}
              onRetry={showMore}
            />
          ) : null}
          {pages.continuation ? (
            <div className={styles.more}>
              <Button onClick={showMore} disabled={pages.more === 'loading'}>
                {pages.more === 'loading' ? 'Loading…' : 'Show 50 more'}
              </Button>
            </div>
          ) : null}
        </Surface>
      ) : null}
    </>
  );
}
