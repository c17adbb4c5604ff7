import { Button, Caption1, makeStyles, mergeClasses, Text, tokens, useId } from '@fluentui/react-components';
import { InfoRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import { formatDate } from '../format/date.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  line: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  note: { color: tokens.colorNeutralForeground2 },
  reason: {
    marginBlockStart: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  // Fluent's text classes set `display`, which would beat the `hidden` attribute's own `display: none`.
  hidden: { display: 'none' },
});

export interface DateWithReasonProps {
  readonly date: PlainDate;
  /** A short note under the date, e.g. "in 3 weeks". */
  readonly note?: string;
  /** Why the date is what it is, from the statutory clock (every date carries its rule). */
  readonly reason: string;
  /** What the date is for, to name the button: "review-by date". */
  readonly what: string;
}

/**
 * A date with a button that shows why it is that date, in the page's own flow (a disclosure).
 *
 * @remarks Not a hover tooltip: Teams mobile has no hover, and the reason is worth reading. Not a
 * Fluent Popover either: Popover brings Tabster's modalizer, whose focus-trap "dummy" elements are
 * `aria-hidden` yet focusable and fail axe's aria-hidden-focus rule (microsoft/tabster#288).
 */
export function DateWithReason({ date, note, reason, what }: DateWithReasonProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const reasonId = useId('reason');
  const formatted = formatDate(date);
  return (
    <div className={styles.root}>
      <span className={styles.line}>
        <Text>{formatted}</Text>
        <Button
          appearance="transparent"
          size="small"
          icon={<InfoRegular />}
          aria-label={`Why the ${what} is ${formatted}`}
          aria-expanded={open}
          aria-controls={reasonId}
          onClick={() => setOpen((was) => !was)}
        />
      </span>
      {note ? <Caption1 className={styles.note}>{note}</Caption1> : null}
      <Caption1 id={reasonId} className={mergeClasses(styles.reason, !open && styles.hidden)} hidden={!open}>
        {reason}
      </Caption1>
    </div>
  );
}
