import { describe, expect, it } from 'vitest';
import { COMMAND_ACTIONS, decide, isAdviceCommand, type ReviewCommand } from '../../bot/src/review/decide.ts';
import type { Actor } from '../../bot/src/review/permissions.ts';
import { apply, pendingFile, policy, senco, TODAY } from './arrange/factories.ts';
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

describe('what a file remembers of its commands', () => {
  it('a file’s first command is the one command it remembers, and its repeat answers as it did', () => {
    const file = pendingFile();
    expect(file.recentCommands).toBeUndefined();
    const first = apply(file, { id: 'first-0001', type: 'startReview' });
    expect(first.file.recentCommands?.map((c) => [c.id, c.type])).toEqual([['first-0001', 'startReview']]);
    const again = decide(first.file, { id: 'first-0001', type: 'startReview' }, senco, TODAY, policy);
    expect(again).toMatchObject({ ok: true, repeated: true, result: first.result });
  });
});

describe('a command refused for who is asking', () => {
  it('names no problem to fix: the case is not found, or the step is not theirs', () => {
    const parent: Actor = { email: 'pat@home.example', roles: [] };
    const stranger: Actor = {
      email: 'who@else.example',
      roles: [{ kind: 'senco', settingUrn: '999999', laCode: '860' }],
    };
    const ask = (actor: Actor) =>
      decide(pendingFile(), { id: 'refused-0001', type: 'startReview' }, actor, TODAY, policy);
    expect(ask(parent)).toEqual({ ok: false, code: 'NOT_ALLOWED', problems: [] });
    expect(ask(stranger)).toEqual({ ok: false, code: 'CASE_NOT_FOUND', problems: [] });
  });
});
