import {
  Link,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import type { CaseSummary } from '../api/types.ts';
import { hrefFor } from '../app/route.ts';
import { CaseStatus } from './CaseStatus.tsx';
import { actionWords, caseReference, dueLine, settingWords, stageWords } from './case-words.ts';
import { DeadlineDate } from './DeadlineDate.tsx';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '880px' },
  child: { width: '20%' },
  setting: { width: '16%' },
  stage: { width: '14%' },
  deadline: { width: '16%' },
  nextAction: { width: '22%' },
  status: { width: '14%' },
  header: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  cell: { paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top' },
  childName: { fontWeight: tokens.fontWeightSemibold },
});

export interface LiveCasesTableProps {
  readonly cases: readonly CaseSummary[];
  /** The server's date: "in 3 weeks" is counted from it, not from the browser's clock. */
  readonly today: PlainDate;
  readonly label: string;
}

/** One row per live case, most urgent first as the server sorted them. */
export function LiveCasesTable({ cases, today, label }: LiveCasesTableProps) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={mergeClasses(styles.header, styles.child)}>
              Child or young person
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.header, styles.setting)}>Setting</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.header, styles.stage)}>Stage</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.header, styles.deadline)}>
              Deadline
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.header, styles.nextAction)}>
              Next action
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.header, styles.status)}>Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {cases.map((summary) => (
            <TableRow key={`${summary.laCode}/${summary.caseId}`}>
              <TableCell className={styles.cell}>
                <TableCellLayout description={caseReference(summary)}>
                  <Link
                    className={styles.childName}
                    href={hrefFor({ page: 'case', laCode: summary.laCode, caseId: summary.caseId })}
                  >
                    {summary.childName}
                  </Link>
                </TableCellLayout>
              </TableCell>
              <TableCell className={styles.cell}>
                <TableCellLayout description={summary.settingName ? `URN ${summary.settingUrn}` : undefined}>
                  {settingWords(summary)}
                </TableCellLayout>
              </TableCell>
              <TableCell className={styles.cell}>
                <TableCellLayout description={summary.pfaRequired ? 'Preparing for adulthood' : undefined}>
                  {stageWords(summary.stage)}
                </TableCellLayout>
              </TableCell>
              <TableCell className={styles.cell}>
                <DeadlineDate deadline={summary.deadline} today={today} />
              </TableCell>
              <TableCell className={styles.cell}>
                <TableCellLayout description={dueLine(summary.nextAction, today)}>
                  {actionWords(summary.nextAction)}
                </TableCellLayout>
              </TableCell>
              <TableCell className={styles.cell}>
                <CaseStatus summary={summary} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
