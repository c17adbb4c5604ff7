import { describe, expect, it } from 'vitest';
import { type ImportProgress, importCases } from '../../bot/src/import/import-cases.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import type { CaseStore } from '../../bot/src/store/case-store.ts';
import { CosmosAuditLog } from '../../bot/src/store/cosmos-audit-log.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { d, makeMeeting, makeReview } from '../review/factories.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { caseId, problemsOfAsync, rawRow, rawRows } from './factories.ts';

const cosmos = freshCosmosForEachTest();
const today = plainDate('2026-01-12');
const at = new Date('2026-01-12T09:30:00.000Z');

function stores() {
  return { store: new CosmosCaseStore(cosmos.db), audit: new CosmosAuditLog(cosmos.db.audit) };
}

function run(
  rows: Parameters<typeof importCases>[0],
  options: Partial<Parameters<typeof importCases>[1]> = {},
) {
  return importCases(rows, { ...stores(), today, now: () => at, ...options });
}

async function storedCases(laCode = '860'): Promise<readonly CaseFile[]> {
  return (await stores().store.pageByLa(laCode, { pageSize: 1000 })).items;
}

async function etags(count: number): Promise<(string | undefined)[]> {
  const { store } = stores();
  return Promise.all(
    Array.from(
      { length: count },
      async (_, i) => (await store.get({ laCode: '860', caseId: caseId(i) }))?.etag,
    ),
  );
}

/** The real store, failing every create after the first `creates` (a process that dies midway). */
function dyingAfter(store: CaseStore, creates: number): CaseStore {
  let left = creates;
  return {
    get: (ref) => store.get(ref),
    create: async (file) => {
      if (left <= 0) throw new Error('connection reset');
      left -= 1;
      return store.create(file);
    },
    replace: (file, etag) => store.replace(file, etag),
    update: (ref, change) => store.update(ref, change),
    listBySetting: (urn) => store.listBySetting(urn),
    pageByLa: (laCode, options) => store.pageByLa(laCode, options),
  };
}

describe('importCases: an LA file into the store, all or nothing, idempotent', () => {
  it('creates every case and audits each one without personal data', async () => {
    const { counts, notices } = await run(rawRows(3));

    expect(counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(notices).toEqual([]);
    expect((await storedCases()).map((file) => file.case.caseId).sort()).toEqual([
      caseId(0),
      caseId(1),
      caseId(2),
    ]);
    const { items } = await stores().audit.listForCase({ laCode: '860', caseId: caseId(1) });
    expect(items).toEqual([
      {
        at: at.toISOString(),
        actor: 'system:import',
        action: 'case.import',
        caseKey: `860/${caseId(1)}`,
        detail: { effect: 'created' },
      },
    ]);
  });

  it('imports nothing from a file with any bad row', async () => {
    const rows = [...rawRows(4), rawRow({ case_id: 'CASE-0099', date_of_birth: '2011-02-30' }, 'row 6')];

    expect(await problemsOfAsync(() => run(rows))).toEqual([
      { where: 'row 6, date_of_birth', message: 'not a calendar date (expected YYYY-MM-DD): "2011-02-30"' },
    ]);
    expect(await storedCases()).toEqual([]);
    expect((await stores().audit.listForCase({ laCode: '860', caseId: caseId(0) })).items).toEqual([]);
  });

  it('changes nothing when the same file is imported twice: no write, no audit entry', async () => {
    const rows = rawRows(5, (i) => (i === 2 ? { review_meeting_on: '2026-02-02', nc_year: '8' } : {}));
    await run(rows);
    const before = await etags(5);

    expect(await run(rows)).toEqual({ counts: { created: 0, updated: 0, unchanged: 5 }, notices: [] });
    expect(await etags(5)).toEqual(before);
    expect((await stores().audit.listForCase({ laCode: '860', caseId: caseId(2) })).items).toHaveLength(1);
  });

  it('finishes an import that died midway when run again, changing nothing it had done', async () => {
    const rows = rawRows(20);
    const { store, audit } = stores();
    await expect(run(rows, { store: dyingAfter(store, 7), audit, concurrency: 4 })).rejects.toThrow(
      'connection reset',
    );
    const done = await storedCases();
    expect(done).toHaveLength(7);

    expect((await run(rows)).counts).toEqual({ created: 13, updated: 0, unchanged: 7 });
    expect(await storedCases()).toHaveLength(20);
  });

  it('updates a case whose LA-held fields changed, and audits the update', async () => {
    await run(rawRows(2));

    const later = new Date('2026-01-13T09:30:00.000Z');
    const { counts } = await run(
      rawRows(2, (i) => (i === 1 ? { setting_urn: '100002' } : {})),
      { now: () => later },
    );
    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const { store, audit } = stores();
    expect((await store.get({ laCode: '860', caseId: caseId(1) }))?.file.case.settingUrn).toBe('100002');
    expect(
      (await audit.listForCase({ laCode: '860', caseId: caseId(1) })).items.map((e) => e.detail),
    ).toEqual([{ effect: 'created' }, { effect: 'updated' }]);
  });

  it('never overwrites a review that has progressed in the product', async () => {
    await run([rawRow({ review_meeting_on: '2025-12-01' })]);
    const { store } = stores();
    const progressed = makeReview({
      id: 'imported-2025-12-01',
      stage: 'report',
      meeting: makeMeeting('2025-12-01'),
      history: [{ from: 'meeting', to: 'report', on: d('2025-12-02'), by: 'tenant/senco' }],
    });
    await store.update({ laCode: '860', caseId: 'CASE-0001' }, (file) => ({ ...file, review: progressed }));

    const { counts } = await run([rawRow({ review_meeting_on: '2025-12-08', setting_urn: '100002' })]);

    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const stored = await store.get({ laCode: '860', caseId: 'CASE-0001' });
    expect(stored?.file.review).toEqual(progressed);
    expect(stored?.file.case.settingUrn).toBe('100002');
  });

  it('drops an imported review the LA has since decided, so the next one can start', async () => {
    await run([rawRow({ review_meeting_on: '2026-01-05' })]);
    const ref = { laCode: '860', caseId: 'CASE-0001' };
    expect((await stores().store.get(ref))?.file.review).toMatchObject({ stage: 'meeting', imported: true });

    const later = plainDate('2026-02-12');
    const { counts } = await run([rawRow({ last_review_decision_on: '2026-02-10' })], { today: later });

    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const stored = (await stores().store.get(ref))?.file;
    expect(stored?.review).toBeUndefined();
    expect(stored?.case).toMatchObject({
      lastReviewDecisionOn: '2026-02-10',
      lastReviewDecisionFrom: 'import',
    });
  });

  it('corrects a last review decision date that an earlier export had too late', async () => {
    await run([rawRow({ last_review_decision_on: '2026-01-05' })]);

    const { counts, notices } = await run([rawRow({ last_review_decision_on: '2025-01-06' })]);

    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(notices).toEqual([]);
    const stored = await stores().store.get({ laCode: '860', caseId: 'CASE-0001' });
    expect(stored?.file.case.lastReviewDecisionOn).toBe('2025-01-06');
  });

  it('keeps the date of a review closed in the product over an older export, and says so, in file order', async () => {
    const rows = rawRows(12, (i) => ({
      last_review_decision_on: '2025-05-01',
      setting_urn: `10000${i % 3}`,
    }));
    await run(rows);
    const { store } = stores();
    const closedHere = [10, 3, 7];
    for (const i of closedHere) {
      await store.update({ laCode: '860', caseId: caseId(i) }, (file) => ({
        ...file,
        case: { ...file.case, lastReviewDecisionOn: d('2026-01-10'), lastReviewDecisionFrom: 'review' },
      }));
    }
    const before = await etags(12);

    const { counts, notices } = await run(rows, { concurrency: 4 });

    expect(counts).toEqual({ created: 0, updated: 0, unchanged: 12 });
    expect(notices).toEqual(
      [3, 7, 10].map((i) => ({
        kind: 'decision-date-kept',
        where: `row ${i + 2}`,
        column: 'last_review_decision_on',
        imported: '2025-05-01',
        kept: '2026-01-10',
      })),
    );
    expect(await etags(12)).toEqual(before);
    const stored = await store.get({ laCode: '860', caseId: caseId(3) });
    expect(stored?.file.case).toMatchObject({
      lastReviewDecisionOn: '2026-01-10',
      lastReviewDecisionFrom: 'review',
    });
  });

  it('keeps an amendment a later file leaves out, with its final plan deadline, and says so on that row', async () => {
    const amending = { last_review_decision_on: '2025-11-28', amendment_notice_on: '2025-11-28' };
    await run([rawRow(amending)]);

    const { counts, notices } = await run([rawRow({ last_review_decision_on: '2025-11-28' }, 'row 5')]);

    expect(counts).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(notices).toEqual([
      { kind: 'amendment-kept', where: 'row 5', column: 'amendment_notice_on', noticeOn: '2025-11-28' },
    ]);
    const stored = await stores().store.get({ laCode: '860', caseId: 'CASE-0001' });
    expect(stored?.file.review).toMatchObject({ stage: 'amending', amendment: { noticeOn: '2025-11-28' } });

    const issued = await run([rawRow({ ...amending, final_plan_issued_on: '2026-01-09' })]);
    expect(issued).toEqual({ counts: { created: 0, updated: 1, unchanged: 0 }, notices: [] });
    expect((await stores().store.get({ laCode: '860', caseId: 'CASE-0001' }))?.file.review).toBeUndefined();
  });

  it('reports progress after every case, ending with the counts', async () => {
    const seen: ImportProgress[] = [];
    await run(rawRows(30), { onProgress: (progress) => seen.push(progress) });

    expect(seen.map((progress) => progress.done)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(seen.at(-1)).toEqual({ done: 30, total: 30, created: 30, updated: 0, unchanged: 0 });
  });

  it('writes a bounded number of cases at a time', async () => {
    const { store, audit } = stores();
    let inFlight = 0;
    let most = 0;
    const counting: CaseStore = {
      ...dyingAfter(store, Number.POSITIVE_INFINITY),
      update: async (ref, change) => {
        most = Math.max(most, ++inFlight);
        try {
          return await store.update(ref, change);
        } finally {
          inFlight -= 1;
        }
      },
    };

    await run(rawRows(40), { store: counting, audit, concurrency: 5 });

    expect(most).toBe(5);
  });
});
