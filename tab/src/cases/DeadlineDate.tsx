import type { CaseDeadline } from '../../../bot/src/review/deadlines.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import { deadlineNote, deadlineWhat } from './case-words.ts';
import { DateWithReason } from './DateWithReason.tsx';

/** The case's deadline, how far it is, its rule, and why it is that date. */
export function DeadlineDate({
  deadline,
  today,
}: {
  readonly deadline: CaseDeadline;
  readonly today: PlainDate;
}) {
  return (
    <DateWithReason
      date={deadline.date}
      note={deadlineNote(deadline, today)}
      reason={deadline.explanation}
      what={deadlineWhat(deadline)}
    />
  );
}
