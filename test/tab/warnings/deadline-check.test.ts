import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../bot/src/review/plain-date.ts';
import { reportWords } from '../../../tab/src/warnings/DeadlineCheck.tsx';

describe('what "Run the deadline check now" says it did', () => {
  it('counts the cases checked, the new warnings and the repeats, with the day', () => {
    expect(
      reportWords({ swept: true, day: plainDate('2026-11-23'), cases: 12, recorded: 1, repeats: 3 }),
    ).toEqual({
      title: 'Deadline check done for 23 November 2026',
      text: 'Checked 12 cases with something due. 1 new warning recorded to send; 3 warnings were sent before and will not be sent again.',
    });
  });

  it('says another check is running when this instance could not take the lease', () => {
    expect(reportWords({ swept: false, reason: 'lease-held' }).title).toBe('Another check is running');
  });
});
