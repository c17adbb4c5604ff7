import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Clock } from '../../../bot/src/review/clock.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import { Surface } from '../app/Surface.tsx';
import { formatDate } from '../format/date.ts';
import { ClockTable } from './ClockTable.tsx';
import { clockRows } from './clock-rows.ts';

const useStyles = makeStyles({
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingInline: tokens.spacingHorizontalS,
  },
  heading: { margin: 0 },
  intro: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    paddingInline: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
  },
});

export interface StatutoryDatesProps {
  readonly clock: Clock;
  readonly today: PlainDate;
  readonly headingId: string;
}

/** "Statutory dates": the case's clock, every date with the rule behind it (DESIGN.md section 3). */
export function StatutoryDates({ clock, today, headingId }: StatutoryDatesProps) {
  const styles = useStyles();
  return (
    <Surface aria-labelledby={headingId}>
      <div className={styles.top}>
        <Text as="h2" id={headingId} size={400} weight="semibold" className={styles.heading}>
          Statutory dates
        </Text>
        <Caption1>Dates as of {formatDate(today)}</Caption1>
      </div>
      <Caption1 as="p" className={styles.intro}>
        Each date comes from the rule named beside it (Children and Families Act 2014, SEND Regulations 2014,
        SEND Code of Practice). A step is on time when it is done on or before its date.
      </Caption1>
      <ClockTable rows={clockRows(clock, today)} labelledBy={headingId} />
    </Surface>
  );
}
