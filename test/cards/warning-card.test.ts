import { describe, expect, it } from 'vitest';
import { cardBytes, TEAMS_CARD_LIMIT_BYTES } from '../../bot/src/cards/adaptive-card.ts';
import { warningCard, warningSummary } from '../../bot/src/cards/warning-card.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { makeWarning } from '../jobs/notice-bench.ts';
import { cardSchemaErrors } from './card-schema.ts';

const tabUrl = 'http://localhost:3978/';

describe('the personal warning card', () => {
  it('is a valid Adaptive Card 1.5 under Teams’ size limit, naming the child by first name and case id only', () => {
    const warning = makeWarning({ caseId: 'EHC/2026/017', childFirstName: 'Leo' });
    const card = warningCard({
      warning,
      today: plainDate('2026-02-23'),
      tabUrl,
      howToChange: 'You can mute this.',
    });
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
    const text = JSON.stringify(card);
    expect(text).toContain('Leo · case EHC/2026/017');
    expect(text).toContain('Invitations by 2 March 2026');
    expect(text).toContain('due in 7 days');
    expect(text).toContain('You can mute this.');
    expect(card.actions?.[0]).toMatchObject({
      type: 'Action.OpenUrl',
      url: 'http://localhost:3978/#/cases/999/EHC%2F2026%2F017',
    });
  });

  it('says when the date is today or overdue', () => {
    const warning = makeWarning({ date: plainDate('2026-02-20'), overdue: true, threshold: 'overdue-0' });
    expect(warningSummary(warning, plainDate('2026-02-23'))).toContain('overdue by 3 days');
    expect(warningSummary(makeWarning(), plainDate('2026-03-02'))).toContain('due today');
  });
});
