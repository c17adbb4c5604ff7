import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseloadDeps } from '../../bot/src/caseload/caseload.ts';
import { DEMO_USERS, demoUser } from '../../bot/src/demo/demo-users.ts';
import { staticDirectory } from '../../bot/src/identity/static-directory.ts';
import { DATE_KEYS, type DateKey } from '../../bot/src/review/clock.ts';
import { WARNED_DATES } from '../../bot/src/review/warnings.ts';
import { DATE_KEY_WORDS } from '../../bot/src/review/words.ts';
import { answerMessage, commandOf, PRIVATE_CHAT_ONLY_REPLY } from '../../bot/src/teams/answer.ts';
import { makeDemoCaseload } from '../api/factories.ts';
import { startTestCosmos, type TestCosmos } from '../support/cosmos.ts';

let cosmos: TestCosmos;
let caseload: CaseloadDeps;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  caseload = await makeDemoCaseload(cosmos.db);
});
afterAll(async () => {
  await cosmos?.teardown();
});

async function ask(
  text: string,
  userId: Parameters<typeof demoUser>[0],
  conversationType: 'personal' | 'channel' = 'personal',
) {
  return answerMessage(
    { text, identity: demoUser(userId).identity, conversationType },
    { directory: staticDirectory(DEMO_USERS), caseload },
  );
}

/** The words of the dates someone of `actor` owns, longest first so that one never hides another. */
function wordsOf(actor: 'senco' | 'case-coordinator'): string[] {
  return DATE_KEYS.filter((key: DateKey) => WARNED_DATES[key]?.actor === actor)
    .map((key) => DATE_KEY_WORDS[key].toLowerCase())
    .sort((a, b) => b.length - a.length);
}

describe('"overdue" and "due" in a personal chat', () => {
  it('are commands, with or without a full stop', () => {
    expect(commandOf('Overdue.')).toBe('overdue');
    expect(commandOf('due')).toBe('due');
    expect(commandOf('due soon')).toBe('due');
  });

  it("list only the user's own overdue dates: a SENCo's steps for the SENCo, the LA's for its officer", async () => {
    let listed = 0;
    for (const [userId, own] of [
      ['senco-harbour', 'senco'],
      ['la-coordinator', 'case-coordinator'],
    ] as const) {
      const reply = await ask('overdue', userId);
      expect(reply.kind).toBe('text');
      const text = reply.kind === 'text' ? reply.text : '';
      expect(text).toMatch(/^(Overdue for you \(\d+\):|Nothing of yours is overdue)/);
      for (const line of text.split('\n').slice(1)) {
        let words = line.slice(line.indexOf('): ') + 3).toLowerCase();
        for (const word of wordsOf(own)) words = words.replaceAll(word, '');
        // What is left are separators only: no date of the other side's.
        expect(words.replace(/,|\band\b|\s/g, ''), `${userId}: ${line}`).toBe('');
        listed += 1;
      }
    }
    // The demo data has overdue steps on both sides, so the check above is not of empty lists.
    expect(listed).toBeGreaterThan(1);
  });

  it('list what is due soon for the user, each with its date', async () => {
    const reply = await ask('due', 'senco-harbour');
    const text = reply.kind === 'text' ? reply.text : '';
    expect(text).toMatch(/^(Due soon for you \(\d+\):|Nothing of yours is due soon)/);
    for (const line of text.split('\n').slice(1)) expect(line).toMatch(/ by \d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  it('name no child outside a personal chat', async () => {
    expect(await ask('overdue', 'senco-harbour', 'channel')).toEqual({
      kind: 'text',
      text: PRIVATE_CHAT_ONLY_REPLY,
    });
  });
});
