import { describe, expect, it } from 'vitest';
import { commandOf, withoutMentions } from '../../bot/src/teams/answer.ts';

describe('what a message asks for', () => {
  it.each([
    'reviews',
    'Reviews',
    'REVIEWS',
    '  reviews  ',
    'reviews.',
    'review',
    '<at>EHC Review Hub</at> reviews',
  ])('"%s" asks for the reviews', (text) => {
    expect(commandOf(text)).toBe('reviews');
  });

  it.each(['', 'hello', 'help', 'show my reviews', 'reviews please', 'previews'])(
    '"%s" gets help',
    (text) => {
      expect(commandOf(text)).toBe('help');
    },
  );

  it('removes every @mention from the text', () => {
    expect(withoutMentions('<at>Bot</at> reviews <at>Someone Else</at>').trim().replace(/\s+/g, ' ')).toBe(
      'reviews',
    );
  });
});
