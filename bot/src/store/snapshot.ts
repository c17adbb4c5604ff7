import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
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
  version: z.literal(1),
  savedAt: z.string(),
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

/** Reads every database, container and document of the server behind `client`. */
export async function takeSnapshot(client: CosmosClient, now: Date): Promise<Snapshot> {
  const { resources: databases } = await client.databases.readAll().fetchAll();
  return {
    format: 'ehc-local-cosmos-snapshot',
    version: 1,
    savedAt: now.toISOString(),
    databases: await Promise.all(
      databases.map(async ({ id }) => {
        const database = client.database(id);
        const { resources: containers } = await database.containers.readAll().fetchAll();
        return {
          id,
          containers: await Promise.all(
            containers.map(async (definition) => {
              // A full read: the local server has no cross-partition cost to mind.
              const { resources } = await database.container(definition.id).items.readAll().fetchAll();
              return {
                id: definition.id,
                partitionKey: {
                  ...definition.partitionKey,
                  paths: definition.partitionKey?.paths ?? ['/id'],
                },
                ...(definition.indexingPolicy ? { indexingPolicy: { ...definition.indexingPolicy } } : {}),
                ...(definition.uniqueKeyPolicy ? { uniqueKeyPolicy: { ...definition.uniqueKeyPolicy } } : {}),
                documents: resources.map((document) => withoutSystemProperties(document) as { id: string }),
              };
            }),
          ),
        };
      }),
    ),
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
            .map((document) => container.items.upsert(document)),
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
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
