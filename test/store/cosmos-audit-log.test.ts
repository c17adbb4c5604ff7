import { describe, expect, it } from 'vitest';
import type { CaseRef } from '../../bot/src/review/case.ts';
import type { AuditEntry, ListRead } from '../../bot/src/store/audit-log.ts';
import {
  CosmosAuditLog,
  LIST_PART_SIZE,
  type ListReadDocument,
  readerPartition,
  toListReadDocuments,
} from '../../bot/src/store/cosmos-audit-log.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { makeAuditEntry, makeListAuditEntry } from './factories.ts';

const cosmos = freshCosmosForEachTest();
const ref = { laCode: '860', caseId: 'CASE-0001' };

function auditLog(options: { listPartSize?: number } = {}): CosmosAuditLog {
  return new CosmosAuditLog(cosmos.db.audit, options);
}

async function everything(log: CosmosAuditLog, pageSize?: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let continuation: string | undefined;
  do {
    const page = await log.listForCase(ref, {
      ...(pageSize ? { pageSize } : {}),
      ...(continuation ? { continuation } : {}),
    });
    entries.push(...page.items);
    continuation = page.continuation;
  } while (continuation !== undefined);
  return entries;
}

describe('the audit log: append-only entries, one partition per case', () => {
  it('gives entries back as recorded, oldest first, whatever order they were recorded in', async () => {
    const read = makeAuditEntry({ at: '2026-03-02T09:15:00.000Z', action: 'case.read' });
    const imported = makeAuditEntry({
      at: '2026-03-01T08:00:00.000Z',
      actor: 'system:import',
      action: 'case.import',
      detail: { row: 12, effect: 'created', reviewIncluded: false },
    });
    const started = makeAuditEntry({ at: '2026-03-02T09:20:30.250Z', action: 'review.start' });
    for (const entry of [read, imported, started]) await auditLog().record(entry);

    expect(await everything(auditLog())).toEqual([imported, read, started]);
  });

  it("lists only the case's own entries", async () => {
    await auditLog().record(makeAuditEntry());
    await auditLog().record(makeAuditEntry({ caseKey: '860/CASE-0002' }));
    await auditLog().record(makeAuditEntry({ caseKey: '861/CASE-0001' }));

    expect(await everything(auditLog())).toEqual([makeAuditEntry()]);
  });

  it('pages through a long history, each entry once', async () => {
    const times = Array.from({ length: 7 }, (_, n) => new Date(Date.UTC(2026, 2, 2, 9, n)).toISOString());
    for (const at of times) await auditLog().record(makeAuditEntry({ at }));

    expect((await everything(auditLog(), 3)).map((e) => e.at)).toEqual(times);
  });

  it('writes the instant in one form, so that entries sort by time', async () => {
    await auditLog().record(makeAuditEntry({ at: '2026-03-02T10:15:00+01:00' }));

    expect((await everything(auditLog()))[0]?.at).toBe('2026-03-02T09:15:00.000Z');
  });

  it('refuses detail that looks like an email address: the log holds no personal data', async () => {
    await expect(
      auditLog().record(makeAuditEntry({ detail: { invited: 'parent@example.org' } })),
    ).rejects.toThrow(/email/);
    expect(await everything(auditLog())).toEqual([]);
  });

  it('refuses a time that is not an instant', async () => {
    await expect(auditLog().record(makeAuditEntry({ at: 'yesterday' }))).rejects.toThrow(/instant/);
  });
});

describe('a list read: one entry in the reader’s partition naming every case listed', () => {
  const reader = makeListAuditEntry().actor;

  /** Every list document of `actor`, as stored, in id order (a list's parts in order). */
  async function listDocumentsOf(actor = reader): Promise<ListReadDocument[]> {
    const { resources } = await cosmos.db.audit.items
      .query<ListReadDocument>({
        query: 'SELECT * FROM c WHERE c.caseKey = @reader ORDER BY c.id',
        parameters: [{ name: '@reader', value: readerPartition(actor) }],
      })
      .fetchAll();
    return resources;
  }

  async function everyReadOf(
    target: CaseRef,
    options: { pageSize?: number; since?: string; until?: string } = {},
    log = auditLog(),
  ): Promise<ListRead[]> {
    const reads: ListRead[] = [];
    let continuation: string | undefined;
    do {
      const page = await log.listReadsOf(target, { ...options, ...(continuation ? { continuation } : {}) });
      reads.push(...page.items);
      continuation = page.continuation;
    } while (continuation !== undefined);
    return reads;
  }

  it('is stored as one document keyed by the reader, the case keys in the order shown', async () => {
    const entry = makeListAuditEntry({ caseKeys: ['861/B-2', '860/CASE-0001', '860/A/17'] });
    await auditLog().recordListRead(entry);

    const documents = await listDocumentsOf();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      at: entry.at,
      actor: reader,
      action: 'case.list',
      caseKey: `reader:${reader}`,
      caseKeys: ['861/B-2', '860/CASE-0001', '860/A/17'],
      part: 1,
      parts: 1,
      detail: { via: 'api', count: 3 },
    });
  });

  it('is found by listReadsOf for a case on the list, and not for a case that was not on it', async () => {
    await auditLog().recordListRead(makeListAuditEntry({ via: 'bot' }));

    expect(await everyReadOf({ laCode: '860', caseId: 'CASE-0002' })).toEqual([
      { at: '2026-03-02T09:15:00.000Z', actor: reader, via: 'bot', count: 3 },
    ]);
    expect(await everyReadOf({ laCode: '860', caseId: 'CASE-0004' })).toEqual([]);
    expect(await everyReadOf({ laCode: '861', caseId: 'CASE-0001' })).toEqual([]);
  });

  it('stays out of the case’s own entries, and the case’s own entries stay out of its list reads', async () => {
    await auditLog().recordListRead(makeListAuditEntry());
    await auditLog().record(makeAuditEntry({ action: 'case.read' }));

    expect(await everything(auditLog())).toEqual([makeAuditEntry({ action: 'case.read' })]);
    expect(await everyReadOf(ref)).toHaveLength(1);
  });

  it('lists the reads of several readers oldest first, a page at a time, each once', async () => {
    const readers = ['t/reader-1', 't/reader-2', 't/reader-3', 't/reader-4'];
    const times = readers.map((_, n) => new Date(Date.UTC(2026, 2, 2, 9, 4 - n)).toISOString());
    for (const [n, actor] of readers.entries()) {
      await auditLog().recordListRead(makeListAuditEntry({ actor, at: times[n] }));
    }

    const reads = await everyReadOf(ref, { pageSize: 1 });
    expect(reads.map((r) => r.actor)).toEqual([...readers].reverse());
    expect(reads.map((r) => r.at)).toEqual([...times].reverse());
  });

  it('answers within a window: since (inclusive) and until (exclusive)', async () => {
    for (const at of ['2026-03-01T09:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-03T09:00:00.000Z']) {
      await auditLog().recordListRead(makeListAuditEntry({ at }));
    }

    const reads = await everyReadOf(ref, {
      since: '2026-03-02T09:00:00.000Z',
      until: '2026-03-03T09:00:00.000Z',
    });
    expect(reads.map((r) => r.at)).toEqual(['2026-03-02T09:00:00.000Z']);
  });

  it('refuses a page link from another case’s question as INVALID_INPUT', async () => {
    for (const actor of ['t/reader-1', 't/reader-2']) {
      await auditLog().recordListRead(makeListAuditEntry({ actor }));
    }
    const first = await auditLog().listReadsOf(ref, { pageSize: 1 });
    expect(first.continuation).toBeDefined();

    await expect(
      auditLog().listReadsOf(
        { laCode: '860', caseId: 'CASE-0002' },
        { pageSize: 1, ...(first.continuation ? { continuation: first.continuation } : {}) },
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  describe('a long list is written in parts, so that no document nears the 2 MB item limit', () => {
    it('7 cases in parts of 3 are 3 documents with the same instant, numbered, the keys in order', async () => {
      const entry = makeListAuditEntry({}, 7);
      await auditLog({ listPartSize: 3 }).recordListRead(entry);

      const documents = await listDocumentsOf();
      expect(documents.map((d) => [d.at, d.part, d.parts, d.detail.count])).toEqual([
        [entry.at, 1, 3, 7],
        [entry.at, 2, 3, 7],
        [entry.at, 3, 3, 7],
      ]);
      expect(documents.flatMap((d) => d.caseKeys)).toEqual(entry.caseKeys);
    });

    it('a case in any part is found once per list read, with the whole list’s count', async () => {
      await auditLog({ listPartSize: 3 }).recordListRead(makeListAuditEntry({}, 7));

      for (const caseId of ['CASE-0001', 'CASE-0005', 'CASE-0007']) {
        expect(await everyReadOf({ laCode: '860', caseId })).toEqual([
          { at: '2026-03-02T09:15:00.000Z', actor: reader, via: 'api', count: 7 },
        ]);
      }
    });

    it.each([
      [0, 0],
      [1, 1],
      [3, 1],
      [4, 2],
      [7, 3],
      [9, 3],
    ])('a list of %i cases in parts of 3 writes exactly %i documents', async (cases, documents) => {
      await auditLog({ listPartSize: 3 }).recordListRead(makeListAuditEntry({}, cases));

      expect(await listDocumentsOf()).toHaveLength(documents);
    });

    it('2,000 keys go in one part by default; 10,000 (a large LA) in 5 parts, each far below 2 MB', () => {
      const entry = makeListAuditEntry({}, 10_000);
      const documents = toListReadDocuments(entry, 'list-id', LIST_PART_SIZE);
      expect(LIST_PART_SIZE).toBe(2000);
      expect(documents.map((d) => d.caseKeys.length)).toEqual([2000, 2000, 2000, 2000, 2000]);
      for (const document of documents) {
        expect(Buffer.byteLength(JSON.stringify(document))).toBeLessThan(100 * 1024);
      }
    });

    it('a part of 2,000 of the longest case keys, every character escaped, stays under 1 MB', () => {
      // A case id may be any 64 code units but control characters (review/case.ts); a lone surrogate is
      // the most JSON can make of one: JSON.stringify writes it as a 6-byte escape.
      const longest = `860/${'\ud800'.repeat(64)}`;
      const entry = makeListAuditEntry({ caseKeys: Array.from({ length: 2000 }, () => longest) });
      const [document] = toListReadDocuments(entry, 'list-id', LIST_PART_SIZE);
      expect(Buffer.byteLength(JSON.stringify(document))).toBeLessThan(1024 * 1024);
    });

    it('refuses a part size that is not a positive whole number', () => {
      for (const listPartSize of [0, -1, 2.5]) {
        expect(() => auditLog({ listPartSize })).toThrow(/listPartSize/);
      }
    });
  });

  describe('holds no personal data', () => {
    it.each([
      [
        'a "via" that looks like an email address',
        makeListAuditEntry({ via: 'parent@example.org' }),
        /email/,
      ],
      [
        'an actor that looks like an email address',
        makeListAuditEntry({ actor: 'parent@example.org' }),
        /email/,
      ],
      [
        'a key that is not a case key (an address, a person key)',
        makeListAuditEntry({ caseKeys: ['860/CASE-0001', 'parent@example.org'] }),
        /caseKeys\[1\] is not a case key/,
      ],
      ['a time that is not an instant', makeListAuditEntry({ at: 'yesterday' }), /instant/],
    ])('refuses %s, writing nothing', async (_, entry, message) => {
      const refused = await auditLog()
        .recordListRead(entry)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TypeError);
      expect((refused as TypeError).message).toMatch(message);
      expect((refused as TypeError).message).not.toContain('parent@example.org');
      const { resources } = await cosmos.db.audit.items.readAll().fetchAll();
      expect(resources).toEqual([]);
    });
  });
});
