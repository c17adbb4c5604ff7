import { describe, expect, it } from 'vitest';
import { DATE_KEYS } from '../../bot/src/review/clock.ts';
import { STAGES } from '../../bot/src/review/review.ts';
import { DATE_KEY_WORDS, overdueWords, STAGE_WORDS } from '../../bot/src/review/words.ts';

describe('the words people see', () => {
  it('every stage and every statutory date has its own words', () => {
    const stageWords = STAGES.map((stage) => STAGE_WORDS[stage]);
    const dateWords = DATE_KEYS.map((key) => DATE_KEY_WORDS[key]);
    for (const words of [stageWords, dateWords]) {
      for (const text of words) expect(text?.trim()).toBeTruthy();
      expect(new Set(words).size).toBe(words.length);
    }
  });

  it('what is overdue names one date, two with "and", more with commas and a last "and", capitalised', () => {
    expect(overdueWords([])).toBe('');
    expect(overdueWords(['review_by'])).toBe('Review decision');
    expect(overdueWords(['review_by', 'latest_meeting'])).toBe('Review decision and review meeting');
    expect(overdueWords(['invite_by', 'advice_by', 'report_by'])).toBe(
      'Invitations, advice to invitees and report of the meeting',
    );
  });
});
