import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { withoutSystemProperties } from './cosmos-status.ts';
import { type JournalEntry, listSegments, readSegment, type StoredDocument } from './journal.ts';
import { emptySnapshot, readSnapshot, SNAPSHOT_FILE_NAME, type Snapshot, writeSnapshot } from './snapshot.ts';

type Container = Snapshot['databases'][number]['containers'][number];

interface Folding {
  def: Omit<Container, 'documents'>;
  documents: Map<string, StoredDocument>;
}

/** `snapshot` with `entries` applied in order: what the store held after those writes. */
export function applyEntries(
  snapshot: Snapshot,
  entries: readonly JournalEntry[],
  journalSeq: number,
  now: Date,
): Snapshot {
  const databases = new Map<string, Map<string, Folding>>();
  for (const database of snapshot.databases) {
    const containers = new Map<string, Folding>();
    for (const { documents, ...def } of database.containers) {
      containers.set(def.id, {
        def,
        documents: new Map(documents.map((document) => [documentKey(def, document), document])),
      });
    }
    databases.set(database.id, containers);
  }
  for (const entry of entries) {
    switch (entry.op) {
      case 'db':
        if (!databases.has(entry.db)) databases.set(entry.db, new Map());
        break;
      case 'dropDb':
        databases.delete(entry.db);
        break;
      case 'coll': {
        const containers = databases.get(entry.db) ?? new Map<string, Folding>();
        databases.set(entry.db, containers);
        const existing = containers.get(entry.def.id);
        const def = {
          ...entry.def,
          partitionKey: { ...entry.def.partitionKey, paths: [...entry.def.partitionKey.paths] },
        };
        containers.set(entry.def.id, { def, documents: existing?.documents ?? new Map() });
        break;
      }
      case 'dropColl':
        databases.get(entry.db)?.delete(entry.coll);
        break;
      case 'put': {
        const container = databases.get(entry.db)?.get(entry.coll);
        if (container) {
          const document = withoutSystemProperties(entry.doc) as StoredDocument;
          container.documents.set(documentKey(container.def, document), document);
        }
        break;
      }
      case 'del': {
        const container = databases.get(entry.db)?.get(entry.coll);
        container?.documents.delete(keyOf(partitionValueOf(entry.pk), entry.id));
        break;
      }
    }
  }
  return {
    format: 'ehc-local-cosmos-snapshot',
    version: 2,
    savedAt: now.toISOString(),
    journalSeq,
    databases: [...databases].map(([id, containers]) => ({
      id,
      containers: [...containers.values()].map(({ def, documents }) => ({
        ...def,
        documents: [...documents.values()],
      })),
    })),
  };
}

/**
 * Folds every journal segment in `dataDir` up to `upToSeq` into the snapshot there, then removes
 * them. Safe to interrupt anywhere: the snapshot is replaced atomically, and segments are removed
 * only after; a segment left behind is folded again, which changes nothing (entries are idempotent).
 *
 * @remarks Runs in a worker thread while the store serves (snapshot-writer.ts): reading, folding and
 * writing a snapshot of any size never holds up a request.
 */
export async function foldSegments(dataDir: string, upToSeq: number, now: Date): Promise<void> {
  const file = join(dataDir, SNAPSHOT_FILE_NAME);
  const snapshot = (await readSnapshot(file)) ?? emptySnapshot(now);
  const segments = (await listSegments(dataDir)).filter(({ seq }) => seq <= upToSeq);
  const pending = segments.filter(({ seq }) => seq > snapshot.journalSeq);
  if (pending.length > 0) {
    const entries: JournalEntry[] = [];
    for (const { file: segment } of pending) entries.push(...(await readSegment(segment)));
    const last = pending.at(-1)?.seq ?? snapshot.journalSeq;
    // Segments with nothing in them (reads only) change nothing, and need no new snapshot.
    if (entries.length > 0) await writeSnapshot(file, applyEntries(snapshot, entries, last, now));
  }
  await Promise.all(segments.map(({ file: segment }) => rm(segment, { force: true })));
}

function documentKey(def: Omit<Container, 'documents'>, document: StoredDocument): string {
  return keyOf(valueAtPath(document, def.partitionKey.paths[0] ?? '/id'), document.id);
}

/** A document's identity in a container: its partition key value and its id. */
function keyOf(partitionValue: unknown, id: string): string {
  return JSON.stringify([partitionValue ?? null, id]);
}

function valueAtPath(document: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = document;
  for (const name of path.split('/').filter(Boolean)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return isPartitionValue(value) ? value : undefined;
}

/** The value in a `x-ms-documentdb-partitionkey` header: a JSON array of one value (`[{}]` for none). */
function partitionValueOf(header: unknown): unknown {
  const value = Array.isArray(header) ? header[0] : header;
  return isPartitionValue(value) ? value : undefined;
}

function isPartitionValue(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
