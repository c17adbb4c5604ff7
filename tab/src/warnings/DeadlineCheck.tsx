import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { DeadlineCheckReport } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { formatDate } from '../format/date.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBlockStart: tokens.spacingVerticalL,
  },
  button: { alignSelf: 'flex-start' },
});

/** What the check did, in words: the counts it recorded (never a case). */
export function reportWords(report: DeadlineCheckReport): { title: string; text: string } {
  if (!report.swept) {
    return {
      title: 'Another check is running',
      text: 'The deadline check is running elsewhere just now. Try again in a minute.',
    };
  }
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return {
    title: `Deadline check done for ${formatDate(report.day)}`,
    text:
      `Checked ${plural(report.cases, 'case', 'cases')} with something due. ` +
      `${plural(report.recorded, 'new warning', 'new warnings')} recorded to send; ` +
      `${plural(report.repeats, 'warning was', 'warnings were')} sent before and will not be sent again.`,
  };
}

/**
 * "Run the deadline check now" (issue 13): the daily check, on demand, and what it recorded.
 *
 * @remarks Offered to whoever the domain lets run it (permissions.ts `mayRunDeadlineCheck`); the server
 * checks again.
 */
export function DeadlineCheck({ client }: { readonly client: ApiClient }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ report: DeadlineCheckReport } | { error: unknown }>();
  const run = async () => {
    setBusy(true);
    try {
      setResult({ report: await client.runDeadlineCheck() });
    } catch (error) {
      setResult({ error });
    } finally {
      setBusy(false);
    }
  };
  const words = result && 'report' in result ? reportWords(result.report) : undefined;
  return (
    <section className={styles.root} aria-label="Deadline check">
      <Button className={styles.button} onClick={() => void run()} disabled={busy}>
        {busy ? 'Checking deadlines…' : 'Run the deadline check now'}
      </Button>
      {words ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{words.title}</MessageBarTitle>
            {words.text}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {result && 'error' in result ? (
        <ErrorMessage title="The deadline check did not run" error={result.error} />
      ) : null}
    </section>
  );
}
