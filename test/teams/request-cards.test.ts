import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOCATION_VERBS } from '../../bot/src/cards/allocation-card.ts';
import type { CaseloadDeps } from '../../bot/src/caseload/caseload.ts';
import { runAdviceCommand } from '../../bot/src/caseload/run-advice-command.ts';
import { runCommand } from '../../bot/src/caseload/run-command.ts';
import { DEMO_USERS, demoUser } from '../../bot/src/demo/demo-users.ts';
import { staticDirectory } from '../../bot/src/identity/static-directory.ts';
import { accountKey, actorOf } from '../../bot/src/identity/user-directory.ts';
import { CosmosAdviceStore } from '../../bot/src/store/advice-store.ts';
import { answerMessage, commandOf, PRIVATE_CHAT_ONLY_REPLY } from '../../bot/src/teams/answer.ts';
import { NO_OPEN_REQUESTS } from '../../bot/src/teams/request-cards.ts';
import { makeDemoCaseload, SOCIAL_WORKER } from '../api/factories.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { startTestCosmos, type TestCosmos } from '../support/cosmos.ts';

let cosmos: TestCosmos;
let caseload: CaseloadDeps;
let advice: CosmosAdviceStore;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  caseload = await makeDemoCaseload(cosmos.db);
  advice = await CosmosAdviceStore.open(cosmos.db.database);
});
afterAll(async () => {
  await cosmos?.teardown();
});

const directory = staticDirectory([...DEMO_USERS, SOCIAL_WORKER]);
const ask = (
  text: string,
  identity: typeof SOCIAL_WORKER.identity,
  conversationType: 'personal' | 'channel' = 'personal',
) => answerMessage({ text, identity, conversationType }, { directory, caseload, advice: { store: advice } });
const readerOf = (user: typeof SOCIAL_WORKER) => ({
  actor: actorOf(user),
  accountKey: accountKey(user.identity),
  via: 'api' as const,
});
const ref = { laCode: '999', caseId: 'NS-1016' };

describe('"requests" in a personal chat', () => {
  it('is a command', () => {
    expect(commandOf('Requests.')).toBe('requests');
  });

  it('says so when nobody is waiting for the user’s advice', async () => {
    expect(await ask('requests', demoUser('ep-lowe').identity)).toEqual({
      kind: 'text',
      text: NO_OPEN_REQUESTS,
    });
  });

  it('gives a team’s allocator the allocation card of the team’s unallocated request, and the advice card once they accept it', async () => {
    const reply = await ask('requests', demoUser('ds-allocator').identity);
    expect(reply.kind).toBe('cards');
    if (reply.kind !== 'cards') return;
    const forR4 = reply.cards.filter((c) =>
      JSON.stringify(c).includes('"caseId":"NS-1016","requestId":"r4"'),
    );
    expect(forR4).toHaveLength(1);
    expect(cardSchemaErrors(forR4[0])).toEqual([]);
    const text = JSON.stringify(forR4[0]);
    for (const verb of Object.values(ALLOCATION_VERBS).filter((v) => v !== ALLOCATION_VERBS.refresh))
      expect(text).toContain(`"verb":"${verb}"`);
    expect(text).not.toContain('Whitfield');

    // Accepted for the team: the allocator answers it themself, so "requests" gives the advice card.
    await runCommand(
      readerOf(demoUser('ds-allocator')),
      ref,
      { id: 'requests-accept-1', type: 'acceptRequest', requestId: 'r4' },
      caseload,
    );
    const accepted = await ask('requests', demoUser('ds-allocator').identity);
    const cards = accepted.kind === 'cards' ? accepted.cards : [];
    const advice = cards.filter((c) => JSON.stringify(c).includes('"caseId":"NS-1016","requestId":"r4"'));
    expect(advice).toHaveLength(1);
    expect(JSON.stringify(advice[0])).toContain('"verb":"advice.submit"');
    expect(JSON.stringify(advice[0])).not.toContain('allocation.');
  });

  it('gives an allocated professional the advice card of their request, with their draft, valid Adaptive Cards 1.5', async () => {
    const ds = demoUser('ds-allocator');
    await runCommand(
      readerOf(ds),
      ref,
      {
        id: 'requests-allocate-1',
        type: 'allocateRequest',
        requestId: 'r4',
        professional: { name: SOCIAL_WORKER.name, email: SOCIAL_WORKER.email },
      },
      caseload,
    );
    await runAdviceCommand(
      readerOf(SOCIAL_WORKER),
      ref,
      {
        id: 'requests-draft-1',
        type: 'saveAdvice',
        requestId: 'r4',
        content: {
          outcomes: [{ outcomeId: 'o1', progress: 'on-track', commentary: 'Half done already.' }],
          newOutcomes: [],
          needs: [],
          provision: [],
        },
      },
      { ...caseload, advice },
    );
    const reply = await ask('requests', SOCIAL_WORKER.identity);
    expect(reply.kind).toBe('cards');
    if (reply.kind !== 'cards') return;
    expect(reply.text).toBe('You have 1 open request for advice.');
    expect(reply.cards).toHaveLength(1);
    expect(cardSchemaErrors(reply.cards[0])).toEqual([]);
    expect(JSON.stringify(reply.cards[0])).toContain('Half done already.');
    // The card names the child by first name only and carries the request, not the case's people.
    expect(JSON.stringify(reply.cards[0])).not.toContain('Whitfield');
    // Allocated: the allocator is no longer shown the request's allocation card.
    const allocator = await ask('requests', demoUser('ds-allocator').identity);
    const cards = allocator.kind === 'cards' ? allocator.cards : [];
    expect(cards.filter((c) => JSON.stringify(c).includes('"caseId":"NS-1016","requestId":"r4"'))).toEqual(
      [],
    );
  });

  it('is not answered with cards outside a personal chat', async () => {
    expect(await ask('requests', SOCIAL_WORKER.identity, 'channel')).toEqual({
      kind: 'text',
      text: PRIVATE_CHAT_ONLY_REPLY,
    });
  });
});
