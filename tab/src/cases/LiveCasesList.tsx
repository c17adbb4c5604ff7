import { Caption1, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { hrefFor } from '../app/route.ts';
import { CaseStatus } from './CaseStatus.tsx';
import { actionWords, caseReference, dueLine, settingWords, stageWords } from './case-words.ts';
import { DeadlineDate } from './DeadlineDate.tsx';
import type { LiveCasesTableProps } from './LiveCasesTable.tsx';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  childName: { fontWeight: tokens.fontWeightSemibold },
  action: { display: 'flex', flexDirection: 'column' },
  deadline: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalXS },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * The live cases on a narrow screen (Teams mobile, the side panel): one entry per case, what is
 * overdue or due soon and the next action first, then the deadline, the stage and the setting.
 *
 * @remarks A table there would put the badges and the next action off-screen to the right, with no
 * hint that more columns exist; a list keeps every fact of the row in view.
 */
export function LiveCasesList({ cases, today, label }: LiveCasesTableProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {cases.map((summary) => {
        const due = dueLine(summary.nextAction, today);
        return (
          <li key={`${summary.laCode}/${summary.caseId}`} className={styles.item}>
            <div className={styles.top}>
              <Link
                className={styles.childName}
                href={hrefFor({ page: 'case', laCode: summary.laCode, caseId: summary.caseId })}
              >
                {summary.childName}
              </Link>
              <CaseStatus summary={summary} />
            </div>
            <div className={styles.action}>
              <Text>Next: {actionWords(summary.nextAction)}</Text>
              {due ? <Caption1 className={styles.note}>{due}</Caption1> : null}
            </div>
            <div className={styles.deadline}>
              <Caption1>Deadline</Caption1>
              <DeadlineDate deadline={summary.deadline} today={today} />
            </div>
            <Caption1 className={styles.note}>
              {[
                stageWords(summary.stage),
                summary.pfaRequired ? 'Preparing for adulthood' : undefined,
                settingWords(summary),
                caseReference(summary),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Caption1>
          </li>
        );
      })}
    </ul>
  );
}
