import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ClockRegular, WarningFilled } from '@fluentui/react-icons';
import type { CaseSummary } from '../api/types.ts';
import { overdueWords } from './case-words.ts';

const useStyles = makeStyles({
  status: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
  },
});

/**
 * "Overdue" (with what is overdue, in words) or "Due soon": in text as well as colour, so that it
 * reads the same to a screen reader, in high contrast and to someone who does not see red.
 *
 * @remarks The clock decides what is overdue (DESIGN.md section 3); the tab only shows it.
 */
export function CaseStatus({ summary }: { readonly summary: Pick<CaseSummary, 'overdue' | 'dueSoon'> }) {
  const styles = useStyles();
  if (summary.overdue.length > 0) {
    return (
      <div className={styles.status}>
        <Badge appearance="filled" color="danger" shape="rounded" icon={<WarningFilled />}>
          Overdue
        </Badge>
        <Caption1>{overdueWords(summary.overdue)}</Caption1>
      </div>
    );
  }
  if (summary.dueSoon) {
    return (
      <div className={styles.status}>
        <Badge appearance="tint" color="warning" shape="rounded" icon={<ClockRegular />}>
          Due soon
        </Badge>
      </div>
    );
  }
  return null;
}
