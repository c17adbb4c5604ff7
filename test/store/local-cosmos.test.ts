import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { openDatabase, type StoreDatabase } from '../../bot/src/store/database.ts';
import { connectLocalOrStart, type LocalCosmos, startLocalCosmos } from '../../bot/src/store/local-cosmos.ts';
import { makeFileAt } from './factories.ts';

let dataDir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ehc-local-store-'));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startLocalCosmos>[0]): Promise<LocalCosmos> {
  const local = await startLocalCosmos(options);
  cleanups.push(() => local.close());
  return local;
}

async function open(local: { endpoint: string; key: string }): Promise<StoreDatabase> {
  const db = await openDatabase({ endpoint: local.endpoint, key: local.key, databaseId: 'ehc' });
  cleanups.push(() => db.close());
  return db;
}

const ref = { laCode: '860', caseId: 'CASE-0001' };
const snapshotFile = () => join(dataDir, 'cosmos-snapshot.json');

describe('the local development store keeps its data in a snapshot', () => {
  it('has the data written before a close after starting again on the same data directory', async () => {
    const first = await start({ dataDir });
    await new CosmosCaseStore(await open(first)).create(makeFileAt('860', 'CASE-0001', '100001'));
    await first.close();

    const second = await start({ dataDir });
    const db = await open(second);

    expect((await new CosmosCaseStore(db).get(ref))?.file).toEqual(makeFileAt('860', 'CASE-0001', '100001'));
    expect(await new CosmosCaseStore(db).listBySetting('100001')).toHaveLength(1);
    const { resource: container } = await db.cases.read();
    expect(container?.partitionKey?.paths).toEqual(['/laCode']);
  });

  it('folds the journal into the snapshot once a segment is full, in the background', async () => {
    const local = await start({ dataDir, journalSegmentBytes: 1 });
    await new CosmosCaseStore(await open(local)).create(makeFileAt('860', 'CASE-0001'));

    await vi.waitFor(async () => expect(await readFile(snapshotFile(), 'utf8')).toContain('CASE-0001'), {
      timeout: 10_000,
    });
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes no snapshot for reads alone', async () => {
    const local = await start({ dataDir });
    await open(local);
    await local.flush();
    await rm(snapshotFile(), { force: true });

    await new CosmosCaseStore(await open(local)).get(ref);
    await local.flush();

    await expect(readFile(snapshotFile())).rejects.toThrow(/ENOENT/);
  });

  it('refuses to start over a snapshot it cannot read, and leaves the file alone', async () => {
    await writeFile(snapshotFile(), '{ "not": "a snapshot"');

    await expect(startLocalCosmos({ dataDir })).rejects.toThrow(/cosmos-snapshot\.json/);
    expect(await readFile(snapshotFile(), 'utf8')).toBe('{ "not": "a snapshot"');
  });

  it('listens on loopback only', async () => {
    await expect(startLocalCosmos({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/loopback/);
  });
});

describe('connectLocalOrStart: an import goes into the store that is already running', () => {
  it('reuses the running store, whose own snapshot then holds what the import wrote', async () => {
    const running = await start({ dataDir });
    const port = Number(new URL(running.endpoint).port);
    const importDir = join(dataDir, 'import');

    const connected = await connectLocalOrStart({ port, dataDir: importDir });
    cleanups.push(() => connected.close());
    await new CosmosCaseStore(await open(connected)).create(makeFileAt('860', 'CASE-0001'));
    await connected.close();

    expect(connected.reused).toBe(true);
    expect(connected.endpoint).toBe(running.endpoint);
    expect(await new CosmosCaseStore(await open(running)).get(ref)).toBeDefined();
    await running.flush();
    expect(await readFile(snapshotFile(), 'utf8')).toContain('CASE-0001');
    await expect(readdir(importDir)).rejects.toThrow(/ENOENT/);
  });

  it('starts a store with a snapshot when nothing listens on the port', async () => {
    const port = await freePort();

    const connected = await connectLocalOrStart({ port, dataDir });
    cleanups.push(() => connected.close());
    await new CosmosCaseStore(await open(connected)).create(makeFileAt('860', 'CASE-0001'));
    await connected.close();

    expect(connected.reused).toBe(false);
    expect(await readFile(snapshotFile(), 'utf8')).toContain('CASE-0001');
  });

  it('refuses a port held by something that is not the local store', async () => {
    const other = createServer((_, response) => response.end('hello'));
    const port = await listenOnFreePort(other);
    cleanups.push(() => new Promise<void>((resolve) => other.close(() => resolve())));

    await expect(connectLocalOrStart({ port })).rejects.toThrow(/not the local store/);
  });
});

async function listenOnFreePort(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listenOnFreePort(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
