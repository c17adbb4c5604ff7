import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, demoUser } from '../../bot/src/demo/demo-users.ts';
import { staticDirectory } from '../../bot/src/identity/static-directory.ts';
import { ERROR_CATALOGUE } from '../../bot/src/review/errors.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import { answerMessage, commandOf, withoutMentions } from '../../bot/src/teams/answer.ts';
import { failingAuditLog, makeDemoCaseload } from '../api/factories.ts';
import { startTestCosmos, type TestCosmos } from '../support/cosmos.ts';

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

  it.each(['', 'hello', 'Hello!', 'help', 'HELP.', 'hi', '<at>EHC Review Hub</at>'])(
    '"%s" gets help',
    (text) => {
      expect(commandOf(text)).toBe('help');
    },
  );

  it.each(['show my reviews', 'reviews please', 'previews', 'what can you do?'])(
    '"%s" is not understood, and the bot says so',
    (text) => {
      expect(commandOf(text)).toBe('unknown');
    },
  );

  it('removes every @mention from the text', () => {
    expect(withoutMentions('<at>Bot</at> reviews <at>Someone Else</at>').trim().replace(/\s+/g, ' ')).toBe(
      'reviews',
    );
  });
});

describe('when the audit log cannot record the read', () => {
  let cosmos: TestCosmos;
  beforeAll(async () => {
    cosmos = await startTestCosmos();
  });
  afterAll(async () => {
    await cosmos?.teardown();
  });

  it('"reviews" is answered in words that nothing was shown and to try again, with no card, and logged', async () => {
    const caseload = await makeDemoCaseload(cosmos.db, (real) => failingAuditLog(real));
    const log = memoryLog();
    const reply = await answerMessage(
      { text: 'reviews', identity: demoUser('senco-harbour').identity, conversationType: 'personal' },
      { directory: staticDirectory(DEMO_USERS), caseload, log },
    );
    expect(reply).toEqual({ kind: 'text', text: ERROR_CATALOGUE.AUDIT_UNAVAILABLE.message });
    expect(log.lines.join('\n')).toContain('the audit store is unavailable');
  });
});
