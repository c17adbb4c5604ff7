import { describe, expect, it } from 'vitest';
import { DATE_KEYS } from '../../../bot/src/review/clock.ts';
import { DATE_KEY_LABELS, dateKeyLabel } from '../../../tab/src/cases/date-key-words.ts';

describe('what each statutory date is, in words', () => {
  it('gives each date the clock derives its own words', () => {
    expect(new Set(Object.values(DATE_KEY_LABELS)).size).toBe(DATE_KEYS.length);
  });

  it('says what the review-by date is for: the LA review decision (REVIEW_DUE)', () => {
    expect(dateKeyLabel('review_by')).toBe('Review decision due (review by)');
  });

  it('names the steps around the meeting as a SENCo does them', () => {
    expect(
      (['latest_meeting', 'invite_by', 'advice_by', 'report_by', 'decision_by'] as const).map(dateKeyLabel),
    ).toEqual([
      'Latest meeting date',
      'Invitations sent by',
      'Advice circulated by',
      'Report sent by',
      'LA decision by',
    ]);
  });

  it('names the dates of an amendment, a phase transfer and a child under 5', () => {
    expect(
      (['representations_end', 'final_plan_by', 'phase_transfer_by', 'recommended_review'] as const).map(
        dateKeyLabel,
      ),
    ).toEqual([
      'Representations end',
      'Final amended plan by',
      'Phase transfer plan by',
      'Recommended review (under 5)',
    ]);
  });
});
