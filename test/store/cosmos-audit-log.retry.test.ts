import type { Container } from '@azure/cosmos';
import { describe, expect, it } from 'vitest';
import { CosmosAuditLog } from '../../bot/src/store/cosmos-audit-log.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { makeAuditEntry, makeListAuditEntry } from './factories.ts';

const cosmos = freshCosmosForEachTest();
const ref = { laCode: '860', caseId: 'CASE-0001' };

/** How the connection fails a create: after the write landed (its answer lost), or before it was sent. */
type Failure = 'answer-lost' | 'not-sent' | 'refused';

/**
 * The real audit container, whose next `failures.length` creates fail as a connection reset does
 * (`socket hang up`, ECONNRESET), each one the way its entry says.
 */
function flakyContainer(
  real: Container,
  failures: Failure[],
): { container: Container; creates: () => number } {
  let creates = 0;
  const items = new Proxy(real.items, {
    get(target, property, receiver) {
      if (property !== 'create') return Reflect.get(target, property, receiver);
      return async (document: { id: string }) => {
        creates += 1;
        const failure = failures.shift();
        if (failure === 'answer-lost') await target.create(document);
        if (failure === 'refused') throw Object.assign(new Error('Bad request'), { code: 400 });
        if (failure !== undefined) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        return target.create(document);
      };
    },
  });
  const container = new Proxy(real, {
    get: (target, property, receiver) =>
      property === 'items' ? items : Reflect.get(target, property, receiver),
  });
  return { container, creates: () => creates };
}

const quick = { retryDelaysMs: [1, 1, 1] };

describe('audit writes survive a broken connection, and are never recorded twice', () => {
  it('a create whose answer was lost is retried with the same id, and the entry is there once', async () => {
    const { container, creates } = flakyContainer(cosmos.db.audit, ['answer-lost']);
    await new CosmosAuditLog(container, quick).record(makeAuditEntry());
    expect(creates()).toBe(2);
    expect((await new CosmosAuditLog(cosmos.db.audit).listForCase(ref)).items).toHaveLength(1);
  });

  it('a create that never reached the store is retried until it lands', async () => {
    const { container, creates } = flakyContainer(cosmos.db.audit, ['not-sent', 'not-sent']);
    await new CosmosAuditLog(container, quick).record(makeAuditEntry());
    expect(creates()).toBe(3);
    expect((await new CosmosAuditLog(cosmos.db.audit).listForCase(ref)).items).toHaveLength(1);
  });

  it('a list read whose parts fail that way is recorded whole, each part once', async () => {
    const { container } = flakyContainer(cosmos.db.audit, ['answer-lost', 'not-sent']);
    await new CosmosAuditLog(container, { ...quick, listPartSize: 2 }).recordListRead(
      makeListAuditEntry({}, 5),
    );
    const { items } = await new CosmosAuditLog(cosmos.db.audit).listReadsOf(ref);
    expect(items).toHaveLength(1);
    const { resources } = await cosmos.db.audit.items.readAll().fetchAll();
    expect(resources.map((document) => document.part).sort()).toEqual([1, 2, 3]);
  });

  it('gives up after three retries and rejects, so the read is not shown', async () => {
    const { container, creates } = flakyContainer(cosmos.db.audit, [
      'not-sent',
      'not-sent',
      'not-sent',
      'not-sent',
    ]);
    await expect(new CosmosAuditLog(container, quick).record(makeAuditEntry())).rejects.toThrow(
      'socket hang up',
    );
    expect(creates()).toBe(4);
  });

  it('does not retry a write the store refused for what it is (400)', async () => {
    const { container, creates } = flakyContainer(cosmos.db.audit, ['refused']);
    await expect(new CosmosAuditLog(container, quick).record(makeAuditEntry())).rejects.toMatchObject({
      code: 400,
    });
    expect(creates()).toBe(1);
  });
});
