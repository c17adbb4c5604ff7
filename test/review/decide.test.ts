import { describe, expect, it } from 'vitest';
import { COMMAND_ACTIONS, isAdviceCommand, type ReviewCommand } from '../../bot/src/review/decide.ts';
import { accept, contributing, fullAdvice, health, people, requestTo } from './contribute/factories.ts';
import { d } from './factories.ts';

describe('which commands are about one advice document', () => {
  it('saving, submitting and attaching to advice are; every other command is not', () => {
    const advice = Object.keys(COMMAND_ACTIONS).filter((type) =>
      isAdviceCommand({ id: 'x', type } as ReviewCommand),
    );
    expect(advice).toEqual(['saveAdvice', 'submitAdvice', 'attachDocument']);
  });
});

describe('a command answered for the first time', () => {
  it('a later arranging command names the review already started, and is no repeat', () => {
    const file = contributing();
    const saved = accept(file, {
      type: 'saveMeeting',
      meeting: { on: d('2025-03-04'), startTime: '10:00', endTime: '11:00', venue: 'Library', online: true },
    });
    expect(saved.repeated).toBe(false);
    expect(saved.result).toMatchObject({ command: 'saveMeeting', reviewId: file.review?.id });
  });

  it('a contributing command names its review, and is no repeat', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const submitted = accept(
      file,
      { type: 'submitAdvice', requestId: request.id, content: fullAdvice() },
      health,
    );
    expect(submitted.repeated).toBe(false);
    expect(submitted.result).toEqual({
      command: 'submitAdvice',
      reviewId: file.review?.id,
      effectIds: [],
    });
  });
});
