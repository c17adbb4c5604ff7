import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import type { CaseSummary } from '../api/types.ts';
import { Surface } from '../app/Surface.tsx';
import { CaseStatus } from './CaseStatus.tsx';
import { actionWords, dueLine } from './case-words.ts';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    paddingInline: tokens.spacingHorizontalS,
  },
  heading: { display: 'block', margin: 0, marginBlockEnd: tokens.spacingVerticalXS },
  action: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  note: { color: tokens.colorNeutralForeground2 },
});

export interface NextActionCardProps {
  readonly summary: CaseSummary;
  readonly today: PlainDate;
  readonly headingId: string;
}

/** What to do next and when, as the live cases list says it, with what is overdue. */
export function NextActionCard({ summary, today, headingId }: NextActionCardProps) {
  const styles = useStyles();
  const note = dueLine(summary.nextAction, today);
  return (
    <Surface aria-labelledby={headingId}>
      <div className={styles.row}>
        <div className={styles.action}>
          <Text as="h2" id={headingId} size={400} weight="semibold" className={styles.heading}>
            Next action
          </Text>
          <Text size={400}>{actionWords(summary.nextAction)}</Text>
          {note ? <Caption1 className={styles.note}>{note}</Caption1> : null}
        </div>
        <CaseStatus summary={summary} />
      </div>
    </Surface>
  );
}
