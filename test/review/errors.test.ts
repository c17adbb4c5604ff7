import { describe, expect, it } from 'vitest';
import {
  describeProblems,
  ERROR_CATALOGUE,
  isReviewError,
  ReviewError,
} from '../../bot/src/review/errors.ts';

describe('a review error', () => {
  it('carries its code, the kind adapters map, the catalogue message and no problems unless given', () => {
    const error = new ReviewError('CASE_NOT_FOUND');
    expect(error).toMatchObject({
      name: 'ReviewError',
      code: 'CASE_NOT_FOUND',
      kind: 'not-found',
      message: ERROR_CATALOGUE.CASE_NOT_FOUND.message,
      problems: [],
    });
    expect(isReviewError(error)).toBe(true);
    expect(isReviewError(new Error('other'))).toBe(false);
  });

  it('a message given replaces the catalogue one', () => {
    expect(new ReviewError('INVALID_INPUT', [], 'the body is not JSON').message).toBe('the body is not JSON');
  });

  it('lists problems one a line, each where then what', () => {
    const problems = [
      { where: 'meeting.on', message: 'choose a later date' },
      { where: 'invitees', message: 'invite a health care professional (INVITEES)' },
    ];
    expect(describeProblems(problems)).toBe(
      'meeting.on: choose a later date\ninvitees: invite a health care professional (INVITEES)',
    );
    expect(describeProblems([])).toBe('');
  });
});
