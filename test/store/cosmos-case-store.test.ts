import type { Container } from '@azure/cosmos';
import { describe, expect, it } from 'vitest';
import { isReviewError, type ReviewError } from '../../bot/src/review/errors.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { makeFileAt, makePerson, makeReview, withPerson } from './factories.ts';

const cosmos = freshCosmosForEachTest();

function store(options?: ConstructorParameters<typeof CosmosCaseStore>[1]): CosmosCaseStore {
  return new CosmosCaseStore(cosmos.db, options);
}

async function rejection(promise: Promise<unknown>): Promise<ReviewError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isReviewError(error)) throw new Error(`expected a ReviewError, got ${String(error)}`);
  return error;
}

describe('CosmosCaseStore: one document per case file, guarded by its ETag', () => {
  it('reads a created case file back as it was written, with its ETag and no Cosmos properties', async () => {
    const file = makeFileAt('860', 'CASE-0001', '100001', makeReview());
    const created = await store().create(file);
    const read = await store().get({ laCode: '860', caseId: 'CASE-0001' });

    expect(read).toEqual({ file, etag: created.etag });
    expect(created.etag).not.toBe('');
    expect(Object.keys(read?.file ?? {}).sort()).toEqual(['case', 'review']);
  });

  it('stores the file inside a document that carries its partition and query fields', async () => {
    const file = makeFileAt('860', 'CASE-0001', '100001');
    await store().create(file);

    const { resource } = await cosmos.db.cases.item('CASE-0001', '860').read();
    expect(resource).toMatchObject({
      id: 'CASE-0001',
      laCode: '860',
      settingUrn: '100001',
      caseKey: '860/CASE-0001',
      file,
      schemaVersion: 1,
    });
  });

  it('returns nothing for a case that does not exist', async () => {
    expect(await store().get({ laCode: '860', caseId: 'NO-SUCH-CASE' })).toBeUndefined();
  });

  it('keeps case ids that Cosmos DB would not take as ids (slash, hash, question mark, percent)', async () => {
    const ids = ['EHC/2024/017', 'A#1', 'B?2', 'C%2F3', 'C/3'];
    for (const caseId of ids) await store().create(makeFileAt('860', caseId));

    for (const caseId of ids) {
      expect((await store().get({ laCode: '860', caseId }))?.file.case.caseId).toBe(caseId);
    }
  });

  it('refuses to create a case that already exists, as a stale write', async () => {
    await store().create(makeFileAt('860', 'CASE-0001'));

    const error = await rejection(store().create(makeFileAt('860', 'CASE-0001')));
    expect(error.code).toBe('STALE_WRITE');
  });

  it('lets two LAs use the same case id', async () => {
    await store().create(makeFileAt('860', 'CASE-0001'));
    await store().create(makeFileAt('861', 'CASE-0001'));

    expect(await store().get({ laCode: '861', caseId: 'CASE-0001' })).toBeDefined();
  });

  it('replaces a file whose ETag is current, and hands back the new ETag', async () => {
    const created = await store().create(makeFileAt('860', 'CASE-0001'));
    const changed = withPerson(created.file, makePerson(1));

    const replaced = await store().replace(changed, created.etag);

    expect(replaced.etag).not.toBe(created.etag);
    expect(await store().get({ laCode: '860', caseId: 'CASE-0001' })).toEqual({
      file: changed,
      etag: replaced.etag,
    });
  });

  it('refuses a replace with a stale ETag and changes nothing', async () => {
    const created = await store().create(makeFileAt('860', 'CASE-0001'));
    const first = await store().replace(withPerson(created.file, makePerson(1)), created.etag);

    const error = await rejection(store().replace(withPerson(created.file, makePerson(2)), created.etag));

    expect(error.code).toBe('STALE_WRITE');
    expect(await store().get({ laCode: '860', caseId: 'CASE-0001' })).toEqual(first);
  });

  it('refuses to replace a case that does not exist', async () => {
    const error = await rejection(store().replace(makeFileAt('860', 'NO-SUCH-CASE'), 'any-etag'));
    expect(error.code).toBe('CASE_NOT_FOUND');
  });
});

describe('CosmosCaseStore.update: read, change, write with If-Match, again on a conflict', () => {
  it('applies the change and returns the file as stored', async () => {
    await store().create(makeFileAt('860', 'CASE-0001'));

    const updated = await store().update({ laCode: '860', caseId: 'CASE-0001' }, (f) =>
      withPerson(f, makePerson(1)),
    );

    expect(updated?.file.case.people).toEqual([makePerson(1)]);
    expect(await store().get({ laCode: '860', caseId: 'CASE-0001' })).toEqual(updated);
  });

  it('returns nothing, and calls no change, for a case that does not exist', async () => {
    let called = false;
    const updated = await store().update({ laCode: '860', caseId: 'NO-SUCH-CASE' }, (f) => {
      called = true;
      return f;
    });
    expect(updated).toBeUndefined();
    expect(called).toBe(false);
  });

  it('writes nothing when the change returns the file it was given', async () => {
    const created = await store().create(makeFileAt('860', 'CASE-0001'));

    const updated = await store().update({ laCode: '860', caseId: 'CASE-0001' }, (f) => f);

    expect(updated?.etag).toBe(created.etag);
  });

  it('loses no update when ten writers change the same case at once', async () => {
    await store().create(makeFileAt('860', 'CASE-0001'));
    const ref = { laCode: '860', caseId: 'CASE-0001' };

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) => store().update(ref, (f) => withPerson(f, makePerson(n)))),
    );

    const people = (await store().get(ref))?.file.case.people.map((p) => p.name) ?? [];
    const succeeded = results.flatMap((r, n) => (r.status === 'fulfilled' ? [makePerson(n).name] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    // Every writer that was told it succeeded is in the file, once; one that gave up left no trace.
    expect([...people].sort()).toEqual([...succeeded].sort());
    for (const reason of refused) expect(isReviewError(reason) && reason.code).toBe('STALE_WRITE');
  });

  it('lets every one of ten concurrent writers through when it may try often enough', async () => {
    await store().create(makeFileAt('860', 'CASE-0001'));
    const ref = { laCode: '860', caseId: 'CASE-0001' };

    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        store({ maxAttempts: 20 }).update(ref, (f) => withPerson(f, makePerson(n))),
      ),
    );

    expect((await store().get(ref))?.file.case.people).toHaveLength(10);
  });

  it('gives up with STALE_WRITE after five attempts when another writer always gets in first', async () => {
    await store().create(makeFileAt('860', 'CASE-0001'));
    const waits: number[] = [];
    let changes = 0;
    const contended = new CosmosCaseStore(
      { cases: writesAfterEveryRead(cosmos.db.cases), settings: cosmos.db.settings },
      { backoff: async (attempt) => void waits.push(attempt) },
    );

    const error = await rejection(
      contended.update({ laCode: '860', caseId: 'CASE-0001' }, (f) => {
        changes += 1;
        return withPerson(f, makePerson(changes));
      }),
    );

    expect(error.code).toBe('STALE_WRITE');
    expect(changes).toBe(5);
    expect(waits).toEqual([1, 2, 3, 4]);
    expect((await store().get({ laCode: '860', caseId: 'CASE-0001' }))?.file.case.people).toEqual([]);
  });

  it('refuses a change that would turn the file into another case', async () => {
    await store().create(makeFileAt('860', 'CASE-0001'));

    const error = await rejection(
      store().update({ laCode: '860', caseId: 'CASE-0001' }, (f) => ({
        ...f,
        case: { ...f.case, laCode: '861' },
      })),
    );
    expect(error.code).toBe('INVALID_INPUT');
  });
});

/**
 * The cases container as seen by a writer that always loses: after each point read, another writer
 * rewrites the document (same content, new ETag) before the read's result is handed back.
 */
function writesAfterEveryRead(cases: Container): Container {
  return new Proxy(cases, {
    get(target, property) {
      if (property !== 'item') return bound(target, property);
      return (id: string, partitionKey: string) => {
        const item = target.item(id, partitionKey);
        return new Proxy(item, {
          get(itemTarget, itemProperty) {
            if (itemProperty !== 'read') return bound(itemTarget, itemProperty);
            return async () => {
              const response = await itemTarget.read();
              if (response.resource) await itemTarget.replace(response.resource);
              return response;
            };
          },
        });
      };
    },
  });
}

function bound(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property);
  return typeof value === 'function' ? value.bind(target) : value;
}
