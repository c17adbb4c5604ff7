import { describe, expect, it } from 'vitest';
import type { Reader } from '../../bot/src/caseload/caseload.ts';
import { readContribution } from '../../bot/src/caseload/contribution-read.ts';
import { runAdviceCommand } from '../../bot/src/caseload/run-advice-command.ts';
import { type CommandDeps, runCommand } from '../../bot/src/caseload/run-command.ts';
import type { AdviceCommand } from '../../bot/src/review/decide.ts';
import { type Actor, actorKey } from '../../bot/src/review/permissions.ts';
import { type Stores, storesOver } from '../../bot/src/store/open-stores.ts';
import { manualClock } from '../jobs/factories.ts';
import {
  allocator,
  contributing,
  fullAdvice,
  health,
  newId,
  people,
  policy,
  psychologistTeam,
  requestTo,
  senco,
  socialWorker,
} from '../review/contribute/factories.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';

const cosmos = freshCosmosForEachTest();

function readerOf(actor: Actor): Reader {
  return { actor, accountKey: actorKey(actor), via: 'api' };
}

async function bench() {
  const stores: Stores = await storesOver(cosmos.db);
  const file = contributing();
  await stores.cases.create(file);
  const ref = { laCode: file.case.laCode, caseId: file.case.caseId };
  const clock = manualClock('2025-01-20T10:00:00.000Z');
  const deps: CommandDeps & { advice: Stores['advice']; store: Stores['cases'] } = {
    store: stores.cases,
    audit: stores.audit,
    advice: stores.advice,
    policyFor: () => policy,
    now: clock.now,
  };
  const caseload = {
    ...deps,
    people: stores.people,
    listings: stores.listings,
    settingName: () => undefined,
  };
  const run = (
    command: Omit<Extract<AdviceCommand, { content: unknown }>, 'id'> & { id?: string },
    actor: Actor,
  ) => runAdviceCommand(readerOf(actor), ref, { id: newId(), ...command } as AdviceCommand, deps);
  const read = (actor: Actor) => readContribution(readerOf(actor), ref, caseload);
  return { stores, ref, file, run, read, deps };
}

describe('advice in the store', () => {
  it('two professionals submitting at the same moment both land', async () => {
    const { stores, ref, file, run } = await bench();
    const r1 = requestTo(file, people.health.email).id;
    const r2 = requestTo(file, people.psychologist.email).id;
    await Promise.all([
      run({ type: 'submitAdvice', requestId: r1, content: fullAdvice() }, health),
      run({ type: 'submitAdvice', requestId: r2, content: fullAdvice() }, psychologistTeam),
    ]);
    const review = (await stores.cases.get(ref))?.file.review;
    expect(review?.advice.map((a) => [a.id, a.state]).sort()).toEqual([
      [r1, 'submitted'],
      [r2, 'submitted'],
    ]);
    const documents = await stores.advice.listOfReview(ref, file.review?.id ?? '');
    expect(documents.map((a) => a.state)).toEqual(['submitted', 'submitted']);
  });

  it('the same submission delivered twice stores one submission, audited once', async () => {
    const { stores, ref, file, run } = await bench();
    const requestId = requestTo(file, people.health.email).id;
    const command = {
      id: 'card-submit-0001',
      type: 'submitAdvice',
      requestId,
      content: fullAdvice(),
    } as const;
    const first = await run(command, health);
    const etag = (await stores.cases.get(ref))?.etag;
    const adviceEtag = (await stores.advice.get(ref, file.review?.id ?? '', requestId))?.etag;
    const again = await run(command, health);
    expect(again).toMatchObject({ repeated: true, result: first.result });
    expect((await stores.cases.get(ref))?.etag).toBe(etag);
    expect((await stores.advice.get(ref, file.review?.id ?? '', requestId))?.etag).toBe(adviceEtag);
    const audit = await stores.audit.listForCase(ref);
    expect(audit.items.filter((e) => e.action === 'review.submitAdvice')).toHaveLength(1);
    expect(JSON.stringify(audit.items)).not.toContain('Precision teaching');
  });

  it('a crash after the advice was written but before the case file: the retry completes it once', async () => {
    const { stores, ref, file, run } = await bench();
    const requestId = requestTo(file, people.health.email).id;
    const command = {
      id: 'card-submit-0002',
      type: 'submitAdvice',
      requestId,
      content: fullAdvice(),
    } as const;
    // The case file refuses one write, as if the process died between the two writes.
    const update = stores.cases.update.bind(stores.cases);
    let failures = 1;
    stores.cases.update = async (r, change) => {
      if (failures-- > 0) throw new Error('connection reset');
      return update(r, change);
    };
    await expect(run(command, health)).rejects.toThrow('connection reset');
    expect((await stores.cases.get(ref))?.file.review?.advice).toEqual([]);
    await run(command, health);
    expect((await stores.cases.get(ref))?.file.review?.advice).toMatchObject([
      { id: requestId, state: 'submitted' },
    ]);
    expect(requestTo((await stores.cases.get(ref))?.file ?? file, people.health.email).state).toBe(
      'submitted',
    );
  });

  it('a draft is unreadable by anyone but its writer, and submitted advice reaches the SENCo', async () => {
    const { file, run, read } = await bench();
    const requestId = requestTo(file, people.health.email).id;
    await run({ type: 'saveAdvice', requestId, content: fullAdvice() }, health);
    expect((await read(health)).advice.map((a) => a.state)).toEqual(['draft']);
    for (const other of [senco, psychologistTeam, allocator]) {
      const seen = await read(other);
      expect(seen.advice).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain('Precision teaching');
      expect(seen.index).toMatchObject([{ id: requestId, state: 'draft' }]);
    }
    await run({ type: 'submitAdvice', requestId, content: fullAdvice() }, health);
    expect((await read(senco)).advice).toMatchObject([
      { state: 'submitted', author: { email: people.health.email } },
    ]);
    // Not circulated yet: another professional does not read it before the meeting stage.
    expect((await read(psychologistTeam)).advice).toEqual([]);
  });

  it('the allocator records on a social worker’s behalf; the SENCo sees both names', async () => {
    const { ref, file, deps, run, read } = await bench();
    const requestId = requestTo(file, 'ds@la.example').id;
    await runCommand(
      readerOf(allocator),
      ref,
      { id: newId(), type: 'allocateRequest', requestId, professional: socialWorker },
      deps,
    );
    await run({ type: 'submitAdvice', requestId, content: fullAdvice() }, allocator);
    const seen = await read(senco);
    expect(seen.requests.find((r) => r.id === requestId)).toMatchObject({ allocatedTo: 'Sol Worker' });
    expect(seen.advice).toMatchObject([
      { author: { name: 'Sol Worker' }, recordedBy: { email: 'ali@la.example' }, state: 'submitted' },
    ]);
  });
});
