import type { Container } from '@azure/cosmos';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cosmosStatus } from '../../bot/src/store/cosmos-status.ts';
import { startTestCosmos, type TestCosmos } from '../support/cosmos.ts';

/**
 * What the store relies on from `@vercel/cosmosdb-server`, and where it differs from Azure Cosmos DB
 * (docs/store.md, "The local store"). If an upgrade changes any of this, the store's tests alone
 * would not say why.
 */
let cosmos: TestCosmos;
let container: Container;

beforeEach(async () => {
  cosmos = await startTestCosmos();
  container = cosmos.db.cases;
  for (const [id, laCode] of [
    ['a', 'L1'],
    ['b', 'L1'],
    ['c', 'L1'],
    ['x', 'L2'],
  ] as const) {
    await container.items.create({ id, laCode });
  }
});

afterEach(() => cosmos.teardown());

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
  return promise.then(
    () => 200,
    (error: unknown) => cosmosStatus(error),
  );
}

describe('what the store relies on', () => {
  it('answers 409 to a create of an id that exists in the same partition, and accepts it in another', async () => {
    expect(await statusOf(container.items.create({ id: 'a', laCode: 'L1' }))).toBe(409);
    expect(await statusOf(container.items.create({ id: 'a', laCode: 'L2' }))).toBe(200);
  });

  it('answers 412 to a replace whose If-Match is not the current ETag', async () => {
    const { resource } = await container.item('a', 'L1').read();
    await container.item('a', 'L1').replace({ id: 'a', laCode: 'L1', v: 1 });

    const stale = container
      .item('a', 'L1')
      .replace(
        { id: 'a', laCode: 'L1', v: 2 },
        { accessCondition: { type: 'IfMatch', condition: resource._etag } },
      );
    expect(await statusOf(stale)).toBe(412);
  });

  it('pages a single-partition ORDER BY query with maxItemCount and continuation tokens', async () => {
    const ids: string[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await container.items
        .query('SELECT * FROM c WHERE c.laCode = "L1" ORDER BY c.id', {
          partitionKey: 'L1',
          maxItemCount: 2,
          continuationToken,
        })
        .fetchNext();
      ids.push(...page.resources.map((r) => r.id as string));
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('answers a cross-partition query with ARRAY_CONTAINS and STARTSWITH, in id order, a page at a time', async () => {
    // The shape of the audit log's listReadsOf: list documents in readers' partitions, found by a key
    // in their array, ordered by id and paged with the SDK's continuation token.
    const audit = cosmos.db.audit;
    for (const [id, caseKey, caseKeys] of [
      ['3', 'reader:r1', ['860/A', '860/B']],
      ['1', 'reader:r2', ['860/A']],
      ['2', 'reader:r3', ['860/B']],
      ['4', '860/A', undefined],
    ] as const) {
      await audit.items.create({ id, caseKey, ...(caseKeys ? { caseKeys } : {}) });
    }
    const query = {
      query:
        'SELECT c.id FROM c WHERE STARTSWITH(c.caseKey, @prefix) AND ARRAY_CONTAINS(c.caseKeys, @key) ORDER BY c.id',
      parameters: [
        { name: '@prefix', value: 'reader:' },
        { name: '@key', value: '860/A' },
      ],
    };
    const ids: string[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await audit.items
        .query(query, { maxItemCount: 1, continuationToken, enableScanInQuery: true })
        .fetchNext();
      ids.push(...(page.resources ?? []).map((r) => r.id as string));
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    expect(ids).toEqual(['1', '3']);
  });
});

describe('where it differs from Azure Cosmos DB', () => {
  it("ignores a query's partitionKey option: the partition filter must be in the SQL", async () => {
    const { resources } = await container.items.query('SELECT * FROM c', { partitionKey: 'L1' }).fetchAll();
    expect(resources).toHaveLength(4);
  });

  it('restarts from the first item on a continuation token it cannot read', async () => {
    const page = await container.items
      .query('SELECT * FROM c WHERE c.laCode = "L1" ORDER BY c.id', {
        partitionKey: 'L1',
        maxItemCount: 2,
        continuationToken: 'garbage',
      })
      .fetchNext();
    expect(page.resources.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('does not apply a transactional batch atomically', async () => {
    const batch = container.items.batch(
      [
        { operationType: 'Create', resourceBody: { id: 'd', laCode: 'L1' } },
        // Fails: `a` exists. Azure Cosmos DB would then roll back the create of `d`.
        { operationType: 'Create', resourceBody: { id: 'a', laCode: 'L1' } },
      ],
      'L1',
    );
    const response = await batch;
    expect(response.result?.map((r) => r.statusCode)).toEqual([201, 409]);
    expect((await container.item('d', 'L1').read()).statusCode).toBe(200);
  });

  it('does not parse OFFSET/LIMIT, DISTINCT or GROUP BY', async () => {
    for (const query of [
      'SELECT * FROM c WHERE c.laCode = "L1" OFFSET 1 LIMIT 1',
      'SELECT DISTINCT c.laCode FROM c WHERE c.laCode = "L1"',
      'SELECT c.laCode, COUNT(1) AS n FROM c WHERE c.laCode = "L1" GROUP BY c.laCode',
    ]) {
      expect(await statusOf(container.items.query(query, { partitionKey: 'L1' }).fetchAll())).toBe(400);
    }
  });

  it('has no stored procedures', async () => {
    expect(
      await statusOf(container.scripts.storedProcedures.create({ id: 'p', body: 'function () {}' })),
    ).toBe(400);
  });

  it('accepts a document over the 2 MB item limit of Azure Cosmos DB', async () => {
    const big = { id: 'big', laCode: 'L1', text: 'x'.repeat(3 * 1024 * 1024) };
    expect(await statusOf(container.items.create(big))).toBe(200);
  });
});
