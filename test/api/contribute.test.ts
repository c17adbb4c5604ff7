import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_MORE_ADVICE } from '../../bot/src/review/contribute/decide-contribute.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { SOCIAL_WORKER } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ extraUsers: [SOCIAL_WORKER] });
});
afterAll(async () => {
  await t?.teardown();
});

/** NS-1016: Harbour Primary, contributing; the nursing team's request accepted, the Disability Service's open (r4). */
const REVIEW = '/api/cases/999/NS-1016/review';
let n = 0;
const id = () => {
  n += 1;
  return `contribute-${String(n).padStart(4, '0')}`;
};

interface Contribution {
  stage: string;
  requests: { id: string; state: string; allocatedTo?: string; yours?: string; reason?: string }[];
  index: { id: string; state: string; author: { name: string } }[];
  advice: { key: string; state: string; content: unknown; recordedBy?: unknown }[];
  gate: { where: string; message: string }[];
  canProgress: boolean;
  adviceCirculatedBy?: string;
  warnings: { where: string; message: string }[];
}
interface Answer {
  result: { command: string; requestId?: string };
  repeated: boolean;
  contribution: Contribution;
}
interface ErrorBody {
  error: { code: string; problems: { where: string; message: string }[] };
}

async function post(path: string, body: object, user: string, status = 200) {
  const answer = await t.post(`${REVIEW}${path}`, body, user);
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body as Answer & ErrorBody;
}
async function page(user: string): Promise<Contribution> {
  const answer = await t.get(`${REVIEW}/contribution`, user);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as Contribution;
}

const content = {
  outcomes: [
    { outcomeId: 'o1', progress: 'on-track', commentary: 'Settles with a visual timetable.' },
    { outcomeId: 'o2', progress: 'not-on-track', commentary: 'Needs adult support at transitions.' },
    { outcomeId: 'o3', progress: 'complete', commentary: 'Met at the end of term.' },
  ],
  newOutcomes: [],
  needs: [],
  provision: [
    {
      intervention: 'Short breaks',
      providedBy: 'Disability Service',
      frequency: 'monthly',
      duration: '1 day',
      groupSize: '1:1',
    },
  ],
};

describe('the contribute stage through the API', () => {
  it('allocate, draft, submit, close, progress to the meeting; then no more advice', async () => {
    const before = await page('senco-harbour');
    expect(before.adviceCirculatedBy).toBe('2026-12-09');
    expect(before.canProgress).toBe(false);
    expect(before.requests.find((r) => r.id === 'r4')).toMatchObject({ state: 'requested' });
    expect((await page('ds-allocator')).requests.find((r) => r.id === 'r4')?.yours).toBe('allocate');

    const bad = await post(
      '/requests/r4/allocate',
      { commandId: id(), professional: { name: 'Tomi', email: 'tomi' } },
      'ds-allocator',
      400,
    );
    expect(bad.error.problems).toEqual([{ where: 'professional.email', message: 'not an email address' }]);
    const allocated = await post(
      '/requests/r4/allocate',
      { commandId: id(), professional: { name: SOCIAL_WORKER.name, email: SOCIAL_WORKER.email } },
      'ds-allocator',
    );
    expect(allocated.contribution.requests.find((r) => r.id === 'r4')).toMatchObject({
      state: 'accepted',
      allocatedTo: 'Tomi Okafor',
    });

    await post('/advice/draft', { commandId: id(), requestId: 'r4', content }, SOCIAL_WORKER.id);
    expect((await page(SOCIAL_WORKER.id)).advice).toMatchObject([{ key: 'r4', state: 'draft' }]);
    for (const other of ['senco-harbour', 'la-coordinator', 'ds-allocator']) {
      const seen = await page(other);
      expect(
        seen.advice.filter((a) => a.key === 'r4'),
        other,
      ).toEqual([]);
      expect(JSON.stringify(seen), other).not.toContain('Short breaks');
    }

    const zodBad = await post(
      '/advice/submit',
      {
        commandId: id(),
        requestId: 'r4',
        content: { ...content, outcomes: [{ outcomeId: 'o1', progress: 'fine' }] },
      },
      SOCIAL_WORKER.id,
      400,
    );
    expect(zodBad.error.problems.map((p) => p.where)).toEqual([
      'content.outcomes.0.progress',
      'content.outcomes.0.commentary',
    ]);
    const ruleBad = await post(
      '/advice/submit',
      {
        commandId: id(),
        requestId: 'r4',
        content: {
          ...content,
          outcomes: [{ ...content.outcomes[0], progress: 'not-able-to-comment', commentary: '' }],
        },
      },
      SOCIAL_WORKER.id,
      400,
    );
    expect(ruleBad.error.problems).toContainEqual({
      where: 'outcomes.o1.commentary',
      message: 'say why you are not able to comment',
    });

    const submitId = id();
    await post('/advice/submit', { commandId: submitId, requestId: 'r4', content }, SOCIAL_WORKER.id);
    const again = await post(
      '/advice/submit',
      { commandId: submitId, requestId: 'r4', content },
      SOCIAL_WORKER.id,
    );
    expect(again.repeated).toBe(true);
    const sencoView = await page('senco-harbour');
    expect(sencoView.advice.filter((a) => a.key === 'r4')).toMatchObject([{ state: 'submitted' }]);
    expect(sencoView.index.filter((a) => a.id === 'r4')).toHaveLength(1);

    const gated = await post('/progress-to-meeting', { commandId: id() }, 'senco-harbour', 422);
    expect(gated.error).toMatchObject({ code: 'STAGE_GATE', problems: [{ where: 'adviceRequests.r2' }] });
    await post(
      '/requests/r2/close',
      { commandId: id(), reason: 'Seen by the nurse at the clinic' },
      'senco-harbour',
    );
    const moved = await post('/progress-to-meeting', { commandId: id() }, 'senco-harbour');
    expect(moved.contribution.stage).toBe('meeting');

    const late = await post('/advice/submit', { commandId: id(), content }, 'senco-harbour', 422);
    expect(late.error).toMatchObject({ code: 'WRONG_STAGE', problems: [{ message: NO_MORE_ADVICE }] });
  });

  it('the family gives views, not advice; a SENCo of another setting is answered 404', async () => {
    // NS-1016 is Leo Whitfield's case: his mother may read it and give views, but not advice.
    const parent = await post('/advice/submit', { commandId: id(), content }, 'parent-whitfield', 403);
    expect(parent.error.code).toBe('NOT_ALLOWED');
    const views = await post(
      '/views',
      { commandId: id(), whose: 'parent', text: 'Leo is calmer at home this year.' },
      'parent-whitfield',
    );
    expect(views.result.command).toBe('recordViews');
    const stranger = await post('/advice/submit', { commandId: id(), content }, 'senco-fellside', 404);
    expect(stranger.error.code).toBe('CASE_NOT_FOUND');
    expect((await t.get(`${REVIEW}/contribution`, 'senco-fellside')).status).toBe(404);
  });
});
