import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laCasesPage, liveCases, type Reader } from '../../bot/src/caseload/caseload.ts';
import { type DemoUserId, demoUser } from '../../bot/src/demo/demo-users.ts';
import { DEMO_LA } from '../../bot/src/demo/northshire.ts';
import { accountKey, actorOf } from '../../bot/src/identity/user-directory.ts';
import type { CaseRef } from '../../bot/src/review/case.ts';
import { isReviewError } from '../../bot/src/review/errors.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { byUrgency, isLive, summarise } from '../../bot/src/review/summary.ts';
import type { ReadCaseDocument } from '../../bot/src/store/case-document.ts';
import type { CaseStore } from '../../bot/src/store/case-store.ts';
import { makeDemoCaseload } from '../api/factories.ts';
import { TEST_TODAY } from '../support/app.ts';
import { startTestCosmos, type TestCosmos } from '../support/cosmos.ts';

const today = plainDate(TEST_TODAY);

function readerOf(id: DemoUserId): Reader {
  const user = demoUser(id);
  return { actor: actorOf(user), accountKey: accountKey(user.identity), via: 'api' };
}

/** `store` with every point read counted. */
function countingGets(store: CaseStore): { store: CaseStore; gets: CaseRef[] } {
  const gets: CaseRef[] = [];
  return {
    gets,
    store: {
      ...store,
      get: (ref) => {
        gets.push(ref);
        return store.get(ref);
      },
    },
  };
}

let cosmos: TestCosmos;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
afterAll(async () => {
  await cosmos?.teardown();
});

/** Every demo case file, as stored. */
async function everyFile() {
  const { resources } = await cosmos.db.cases.items.query<ReadCaseDocument>('SELECT * FROM c').fetchAll();
  return resources.map((document) => document.file);
}

describe('the lists by setting and by LA read stored summaries', () => {
  it('a SENCo’s and the LA officer’s lists read no case file, and are what summarising every file gives', async () => {
    const caseload = await makeDemoCaseload(cosmos.db);
    const files = await everyFile();
    for (const id of ['senco-harbour', 'la-coordinator'] as const) {
      const { store, gets } = countingGets(caseload.store);
      const reader = readerOf(id);
      const listed = await liveCases(reader, today, { ...caseload, store });
      const expected = files
        .filter((file) => isLive(file))
        .filter((file) =>
          id === 'la-coordinator'
            ? file.case.laCode === DEMO_LA.code
            : file.case.settingUrn ===
              (reader.actor.roles[0]?.kind === 'senco' && reader.actor.roles[0].settingUrn),
        )
        .map((file) =>
          summarise(
            file,
            today,
            caseload.policyFor(file.case.laCode),
            caseload.settingName(file.case.settingUrn),
            reader.actor,
          ),
        )
        .sort(byUrgency);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed).toEqual(expected);
      // Cases that name the reader (the coordinator's own) are in the list by LA already: not read again.
      expect(gets).toEqual([]);
    }
  });

  it('reads the file of a case whose summary is missing or was made with another policy, and lists it the same', async () => {
    const caseload = await makeDemoCaseload(cosmos.db);
    const reader = readerOf('la-coordinator');
    const before = await liveCases(reader, today, caseload);

    const { store, gets } = countingGets(caseload.store);
    const changedPolicy = { ...STATUTORY_DEFAULTS, reviewMonths: 6 };
    const stale = await liveCases(reader, today, { ...caseload, store, policyFor: () => changedPolicy });
    expect(gets).toHaveLength(before.length);
    expect(stale.map((s) => s.deadline.date)).not.toEqual(before.map((s) => s.deadline.date));

    const first = before[0];
    if (!first) throw new Error('the demo LA has live cases');
    const { resource } = await cosmos.db.cases.item(first.caseId, first.laCode).read<ReadCaseDocument>();
    if (!resource) throw new Error('the case is stored');
    const { summary: _dropped, ...withoutSummary } = resource;
    await cosmos.db.cases.item(first.caseId, first.laCode).replace(withoutSummary);
    const counted = countingGets(caseload.store);
    expect(await liveCases(reader, today, { ...caseload, store: counted.store })).toEqual(before);
    expect(counted.gets).toEqual([{ laCode: first.laCode, caseId: first.caseId }]);

    // Its next write stores the summary again (and leaves the store as the other tests expect it).
    await caseload.store.update(first, (file) => ({ ...file }));
    expect(
      (await cosmos.db.cases.item(first.caseId, first.laCode).read<ReadCaseDocument>()).resource?.summary,
    ).toBeDefined();
  });
});

describe('laCasesPage: an LA officer’s list, a page at a time, by next due date', () => {
  it('pages every live case of the LA once, earliest next due date first', async () => {
    const caseload = await makeDemoCaseload(cosmos.db);
    const reader = readerOf('la-coordinator');
    const all = await liveCases(reader, today, caseload);
    const seen: string[] = [];
    let continuation: string | undefined;
    do {
      const page = await laCasesPage(
        reader,
        DEMO_LA.code,
        today,
        { pageSize: 7, ...(continuation ? { continuation } : {}) },
        caseload,
      );
      expect(page.cases.length).toBeLessThanOrEqual(7);
      seen.push(...page.cases.map((c) => c.caseId));
      continuation = page.continuation;
    } while (continuation);
    expect([...seen].sort()).toEqual(all.map((c) => c.caseId).sort());
  });

  it('refuses anyone who is not an officer of that LA with NOT_ALLOWED', async () => {
    const caseload = await makeDemoCaseload(cosmos.db);
    const refused = (id: DemoUserId, laCode: string) =>
      laCasesPage(readerOf(id), laCode, today, {}, caseload).then(
        () => 'listed',
        (error: unknown) => (isReviewError(error) ? error.code : 'other'),
      );
    expect(await refused('senco-harbour', DEMO_LA.code)).toBe('NOT_ALLOWED');
    expect(await refused('la-coordinator', '861')).toBe('NOT_ALLOWED');
  });
});
