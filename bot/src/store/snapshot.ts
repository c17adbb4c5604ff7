import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ContainerRequest, CosmosClient } from '@azure/cosmos';
import { z } from 'zod';
import { withoutSystemProperties } from './cosmos-status.ts';

/**
 * The local development store's data on disk: every database, container (with its partition key
 * definition) and document body, as JSON. Development only: Azure Cosmos DB keeps its own data.
 */
export const SNAPSHOT_FILE_NAME = 'cosmos-snapshot.json';

const snapshotSchema = z.object({
  format: z.literal('ehc-local-cosmos-snapshot'),
  // Version 1 predates the journal; it reads as having folded none of it.
  version: z.union([z.literal(1), z.literal(2)]),
  savedAt: z.string(),
  /** The last journal segment folded into this snapshot (journal.ts); 0 for none. */
  journalSeq: z.number().int().min(0).default(0),
  databases: z.array(
    z.object({
      id: z.string().min(1),
      containers: z.array(
        z.object({
          id: z.string().min(1),
          partitionKey: z.looseObject({ paths: z.array(z.string()).min(1) }),
          indexingPolicy: z.looseObject({}).optional(),
          uniqueKeyPolicy: z.looseObject({}).optional(),
          documents: z.array(z.looseObject({ id: z.string().min(1) })),
        }),
      ),
    }),
  ),
});

export type Snapshot = z.infer<typeof snapshotSchema>;

/** The snapshot of a store with nothing in it. */
export function emptySnapshot(now: Date): Snapshot {
  return {
    format: 'ehc-local-cosmos-snapshot',
    version: 2,
    savedAt: now.toISOString(),
    journalSeq: 0,
    databases: [],
  };
}

/** Re-creates a snapshot's databases, containers and documents through the SDK. */
export async function restoreSnapshot(client: CosmosClient, snapshot: Snapshot): Promise<void> {
  for (const saved of snapshot.databases) {
    const { database } = await client.databases.createIfNotExists({ id: saved.id });
    for (const definition of saved.containers) {
      const { documents, ...request } = definition;
      const { container } = await database.containers.createIfNotExists(request as ContainerRequest);
      for (let start = 0; start < documents.length; start += RESTORE_CONCURRENCY) {
        await Promise.all(
          documents
            .slice(start, start + RESTORE_CONCURRENCY)
            .map((document) => container.items.upsert(withoutSystemProperties(document))),
        );
      }
    }
  }
}

const RESTORE_CONCURRENCY = 16;

/** The snapshot in `file`; undefined when there is none yet. Throws on a file it cannot read. */
export async function readSnapshot(file: string): Promise<Snapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON; move it aside to start with an empty local store`, {
      cause: error,
    });
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${file} is not a local store snapshot: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Writes `snapshot` to `file` atomically: to a temporary file beside it, flushed to disk, then renamed
 * over it, so a crash mid-write leaves the previous snapshot whole.
 */
export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(JSON.stringify(snapshot));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    // The rename is durable once the folder is synced: only then may the journal it folded go.
    const folder = await open(dirname(file), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Removes the temporary files of saves that a crash interrupted (`cosmos-snapshot.json.<pid>.<uuid>.tmp`):
 * the snapshot they were to replace is still whole, so they hold nothing needed.
 */
export async function removeLeftoverTemporaries(file: string): Promise<string[]> {
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  const leftovers = names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  await Promise.all(leftovers.map((name) => rm(join(dirname(file), name), { force: true })));
  return leftovers;
}
