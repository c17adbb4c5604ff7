import {
  Caption1,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ClockRow } from './clock-rows.ts';
import { DueDateStatus } from './DueDateStatus.tsx';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '960px' },
  what: { width: '17%' },
  date: { width: '15%' },
  rule: { width: '22%' },
  why: { width: '34%' },
  status: { width: '12%' },
  header: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  cell: { paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top' },
  rowHeader: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  // A mark at the row's start besides the badge's words, so an overdue row is found at a glance.
  overdue: { boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorStatusDangerBorder2}` },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  note: { color: tokens.colorNeutralForeground2 },
  ruleId: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
});

export interface ClockTableProps {
  readonly rows: readonly ClockRow[];
  /** The id of the heading that names the table. */
  readonly labelledBy: string;
}

/**
 * The statutory clock of one case: each date, the rule that sets it (its id, title and source in law
 * or guidance, from the domain's catalogue), why, and how it stands.
 */
export function ClockTable({ rows, labelledBy }: ClockTableProps) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={mergeClasses(styles.header, styles.what)}>Date for</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.header, styles.date)}>Date</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.header, styles.rule)}>Rule</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.header, styles.why)}>
              Why this date
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.header, styles.status)}>Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableHeaderCell
                scope="row"
                className={mergeClasses(
                  styles.cell,
                  styles.rowHeader,
                  row.status === 'overdue' && styles.overdue,
                )}
              >
                {row.label}
              </TableHeaderCell>
              <TableCell className={styles.cell}>
                <span className={styles.stack}>
                  <Text>{row.formatted}</Text>
                  <Caption1 className={styles.note}>{row.relative}</Caption1>
                </span>
              </TableCell>
              <TableCell className={styles.cell}>
                <span className={styles.stack}>
                  <Text className={styles.ruleId}>{row.rule.id}</Text>
                  <Text>{row.rule.title}</Text>
                  <Caption1 className={styles.note}>{row.rule.source}</Caption1>
                </span>
              </TableCell>
              <TableCell className={styles.cell}>
                <Text>{row.explanation}</Text>
              </TableCell>
              <TableCell className={styles.cell}>
                <DueDateStatus status={row.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
