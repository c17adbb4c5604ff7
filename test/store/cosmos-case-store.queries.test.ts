import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { isReviewError } from '../../bot/src/review/errors.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { makeFileAt } from './factories.ts';

const cosmos = freshCosmosForEachTest();

function store(): CosmosCaseStore {
  return new CosmosCaseStore(cosmos.db);
}

function keys(files: readonly CaseFile[]): string[] {
  return files.map((f) => `${f.case.laCode}/${f.case.caseId}`);
}

describe("a SENCo's live cases: the setting's LAs, then one single-partition query per LA", () => {
  it("lists a setting's cases from three LAs and nothing from another setting", async () => {
    for (const [laCode, caseId, urn] of [
      ['860', 'A-1', '100001'],
      ['860', 'A-2', '100001'],
      ['861', 'B-1', '100001'],
      ['862', 'C-1', '100001'],
      ['860', 'A-3', '200002'],
      ['863', 'D-1', '200002'],
    ] as const) {
      await store().create(makeFileAt(laCode, caseId, urn));
    }

    const listed = await store().listBySetting('100001');

    expect(keys(listed)).toEqual(['860/A-1', '860/A-2', '861/B-1', '862/C-1']);
  });

  it('keeps the LAs a setting holds cases from in the setting document', async () => {
    await store().create(makeFileAt('862', 'C-1', '100001'));
    await store().create(makeFileAt('860', 'A-1', '100001'));
    await store().create(makeFileAt('860', 'A-2', '100001'));

    const { resource } = await cosmos.db.settings.item('100001', '100001').read();
    expect(resource).toMatchObject({ id: '100001', laCodes: ['860', '862'], schemaVersion: 1 });
  });

  it('lists nothing for a setting that holds no cases', async () => {
    expect(await store().listBySetting('999999')).toEqual([]);
  });

  it('follows a case that moves setting through update', async () => {
    await store().create(makeFileAt('861', 'B-1', '100001'));
    await store().create(makeFileAt('860', 'A-1', '200002'));

    await store().update({ laCode: '861', caseId: 'B-1' }, (f) => ({
      ...f,
      case: { ...f.case, settingUrn: '200002' },
    }));

    expect(keys(await store().listBySetting('100001'))).toEqual([]);
    expect(keys(await store().listBySetting('200002'))).toEqual(['860/A-1', '861/B-1']);
  });

  it('follows a case that moves setting through replace', async () => {
    const created = await store().create(makeFileAt('861', 'B-1', '100001'));

    await store().replace(
      { ...created.file, case: { ...created.file.case, settingUrn: '300003' } },
      created.etag,
    );

    expect(keys(await store().listBySetting('100001'))).toEqual([]);
    expect(keys(await store().listBySetting('300003'))).toEqual(['861/B-1']);
  });

  it('lets concurrent first cases from different LAs all register with a new setting', async () => {
    const laCodes = ['860', '861', '862', '863', '864'];

    await Promise.all(laCodes.map((laCode) => store().create(makeFileAt(laCode, 'X-1', '100001'))));

    expect(keys(await store().listBySetting('100001'))).toEqual(laCodes.map((la) => `${la}/X-1`));
  });
});

describe("an LA's cases: a single-partition query, paged with continuation tokens", () => {
  async function createCases(laCode: string, count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, n) => `CASE-${String(n + 1).padStart(4, '0')}`);
    // Created in reverse, so the order of the pages comes from the query, not from insertion.
    for (const caseId of [...ids].reverse()) await store().create(makeFileAt(laCode, caseId));
    return ids;
  }

  it('pages through 25 cases 10 at a time, each exactly once, in case id order', async () => {
    const ids = await createCases('860', 25);
    await createCases('861', 3);

    const pages: string[][] = [];
    let continuation: string | undefined;
    do {
      const page = await store().pageByLa('860', { pageSize: 10, ...(continuation ? { continuation } : {}) });
      pages.push(page.items.map((f) => f.case.caseId));
      continuation = page.continuation;
    } while (continuation !== undefined);

    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(ids);
  });

  it('gives a single page with no continuation when everything fits', async () => {
    await createCases('860', 3);

    const page = await store().pageByLa('860');

    expect(page.items).toHaveLength(3);
    expect(page.continuation).toBeUndefined();
  });

  it("refuses another LA's continuation token and one it cannot read", async () => {
    await createCases('860', 3);
    await createCases('861', 3);
    const first = await store().pageByLa('860', { pageSize: 1 });

    for (const continuation of [first.continuation ?? '', 'not-a-token']) {
      const error = await store()
        .pageByLa('861', { pageSize: 1, continuation })
        .catch((reason: unknown) => reason);
      expect(isReviewError(error) && error.code).toBe('INVALID_INPUT');
    }
  });
});
