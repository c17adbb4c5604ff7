import { describe, expect, it } from 'vitest';
import { listingOf } from '../../bot/src/review/listing.ts';
import { addDays } from '../../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import type { ReadCaseDocument } from '../../bot/src/store/case-document.ts';
import type { ListingRow } from '../../bot/src/store/case-listing-document.ts';
import { CosmosCaseListings } from '../../bot/src/store/case-listings.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { d } from '../review/factories.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { makeFileAt, makeReview } from './factories.ts';

const cosmos = freshCosmosForEachTest();
const store = () => new CosmosCaseStore(cosmos.db);
const listings = () => new CosmosCaseListings(cosmos.db);

async function stored(laCode: string, id: string): Promise<ReadCaseDocument | undefined> {
  return (await cosmos.db.cases.item(id, laCode).read<ReadCaseDocument>()).resource;
}

const keys = (rows: readonly ListingRow[]) => rows.map((row) => `${row.laCode}/${row.caseId}`);

describe('the summary stored with every case file', () => {
  it('is written by create, replace and update, always the listing of the file written', async () => {
    const created = await store().create(makeFileAt('860', 'A-1'));
    expect((await stored('860', 'A-1'))?.summary).toEqual(listingOf(created.file, STATUTORY_DEFAULTS));

    const arranging = { ...created.file, review: makeReview() };
    const replaced = await store().replace(arranging, created.etag);
    expect((await stored('860', 'A-1'))?.summary).toEqual(listingOf(replaced.file, STATUTORY_DEFAULTS));

    const updated = await store().update({ laCode: '860', caseId: 'A-1' }, (file) => ({
      ...file,
      review: makeReview({ stage: 'closed' }),
    }));
    const summary = (await stored('860', 'A-1'))?.summary;
    expect(summary).toEqual(listingOf(updated?.file ?? arranging, STATUTORY_DEFAULTS));
    expect(summary?.live).toBe(false);
  });

  it('is computed with the LA’s own policy when the store is given one', async () => {
    const policy = { ...STATUTORY_DEFAULTS, reviewMonths: 6 };
    const file = makeFileAt('860', 'A-1');
    await new CosmosCaseStore(cosmos.db, { policyFor: () => policy }).create(file);
    expect((await stored('860', 'A-1'))?.summary).toEqual(listingOf(file, policy));
  });
});

describe('the list reads: summaries, never files', () => {
  it('lists a setting’s cases across its LAs with their summaries and no file', async () => {
    for (const [laCode, caseId, urn] of [
      ['860', 'A-1', '100001'],
      ['861', 'B-1', '100001'],
      ['860', 'A-2', '200002'],
    ] as const) {
      await store().create(makeFileAt(laCode, caseId, urn));
    }
    const rows = await listings().bySetting('100001');
    expect(keys(rows)).toEqual(['860/A-1', '861/B-1']);
    for (const row of rows) {
      expect(row).not.toHaveProperty('file');
      expect(row.summary?.caseId).toBe(row.caseId);
      expect(row.settingUrn).toBe('100001');
    }
  });

  it('pages an LA’s live cases by next due date, then id, with continuation tokens, leaving out closed ones', async () => {
    // Plans issued on successive days fall due on successive days; created out of order.
    const issued = [5, 1, 4, 1, 3, 0, 2];
    for (const [n, days] of issued.entries()) {
      await store().create({
        ...makeFileAt('860', `C-${n}`),
        case: { ...makeFileAt('860', `C-${n}`).case, planIssuedOn: addDays(d('2024-03-01'), days) },
      });
    }
    await store().create(makeFileAt('860', 'Z-closed', '100001', makeReview({ stage: 'closed' })));
    await store().create(makeFileAt('861', 'OTHER-LA'));

    const seen: string[] = [];
    const dues: string[] = [];
    let continuation: string | undefined;
    let pages = 0;
    do {
      const page = await listings().pageByLa('860', {
        pageSize: 3,
        ...(continuation ? { continuation } : {}),
      });
      seen.push(...page.items.map((row) => row.caseId));
      dues.push(...page.items.map((row) => row.summary?.nextDue ?? ''));
      continuation = page.continuation;
      pages += 1;
    } while (continuation);

    expect(seen).toEqual(['C-5', 'C-1', 'C-3', 'C-6', 'C-4', 'C-2', 'C-0']);
    expect(dues).toEqual([...dues].sort());
    expect(pages).toBe(3);
  });

  it('lists every document of an LA, live or not, for the full list', async () => {
    await store().create(makeFileAt('860', 'A-1'));
    await store().create(makeFileAt('860', 'A-2', '100001', makeReview({ stage: 'closed' })));
    const page = await listings().everyOfLa('860');
    expect(keys(page.items)).toEqual(['860/A-1', '860/A-2']);
  });

  it('answers a document written before summaries existed with its keys and no summary', async () => {
    const file = makeFileAt('860', 'OLD-1');
    await cosmos.db.cases.items.create({
      id: 'OLD-1',
      laCode: '860',
      settingUrn: '100001',
      caseKey: '860/OLD-1',
      file,
      schemaVersion: 1,
    });
    const { items } = await listings().everyOfLa('860');
    expect(items).toEqual([{ laCode: '860', settingUrn: '100001', caseId: 'OLD-1' }]);
  });
});
