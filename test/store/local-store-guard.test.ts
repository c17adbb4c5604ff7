import { createHmac } from 'node:crypto';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CosmosAuditLog } from '../../bot/src/store/cosmos-audit-log.ts';
import { openDatabase, type StoreDatabase } from '../../bot/src/store/database.ts';
import { segmentName } from '../../bot/src/store/journal.ts';
import {
  LOCAL_STORE_HEADER,
  LOCAL_STORE_KEY,
  type LocalCosmos,
  startLocalCosmos,
} from '../../bot/src/store/local-cosmos.ts';
import { rawRequest } from '../server/raw-http.ts';
import { makeAuditEntry } from './factories.ts';

let dataDir: string;
const cleanups: (() => Promise<void> | void)[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ehc-guard-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startLocalCosmos>[0] = {}): Promise<LocalCosmos> {
  const local = await startLocalCosmos(options);
  cleanups.push(() => local.close());
  return local;
}

async function open(endpoint: string, key = LOCAL_STORE_KEY): Promise<StoreDatabase> {
  const db = await openDatabase({ endpoint, key, databaseId: 'ehc' });
  cleanups.push(() => db.close());
  return db;
}

/** A master-key signature of a GET of `/dbs`, as any Cosmos DB client makes one. */
function signedHeaders(key: string, date: Date): Record<string, string> {
  const text = `get\ndbs\n\n${date.toUTCString().toLowerCase()}\n\n`;
  const sig = createHmac('sha256', Buffer.from(key, 'base64')).update(text).digest('base64');
  return {
    authorization: encodeURIComponent(`type=master&ver=1.0&sig=${sig}`),
    'x-ms-date': date.toUTCString(),
  };
}

describe('the local store answers only requests signed with its key, addressed to loopback', () => {
  it('refuses a request without a signature (any web page could send one) with 401', async () => {
    const local = await start();
    const answer = await rawRequest(local.endpoint, { method: 'GET', path: '/dbs' });
    expect(answer.status).toBe(401);
    expect(answer.headers[LOCAL_STORE_HEADER]).toBe('development');
  });

  it('answers a correctly signed request, refuses one signed with another key or too long ago', async () => {
    const local = await start();
    const port = new URL(local.endpoint).port;
    const get = (headers: Record<string, string>) =>
      rawRequest(local.endpoint, {
        method: 'GET',
        path: '/dbs',
        headers: { host: `127.0.0.1:${port}`, ...headers },
      });
    expect((await get(signedHeaders(LOCAL_STORE_KEY, new Date()))).status).toBe(200);
    expect((await get(signedHeaders(Buffer.from('another key').toString('base64'), new Date()))).status).toBe(
      401,
    );
    expect((await get(signedHeaders(LOCAL_STORE_KEY, new Date(Date.now() - 60 * 60 * 1000)))).status).toBe(
      401,
    );
  });

  it('refuses a signed request whose Host is not loopback on its port (DNS rebinding)', async () => {
    const local = await start();
    const answer = await rawRequest(local.endpoint, {
      method: 'GET',
      path: '/dbs',
      headers: { host: 'rebound.example:8081', ...signedHeaders(LOCAL_STORE_KEY, new Date()) },
    });
    expect(answer.status).toBe(401);
  });

  it('refuses the SDK with the wrong key, and serves it with the right one, by any loopback name', async () => {
    const local = await start();
    const wrong = new CosmosClient({
      endpoint: local.endpoint,
      key: Buffer.from('not the key').toString('base64'),
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    cleanups.push(() => wrong.dispose());
    await expect(wrong.databases.readAll().fetchAll()).rejects.toMatchObject({ code: 401 });
    const byName = await open(local.endpoint.replace('127.0.0.1', 'localhost'));
    await new CosmosAuditLog(byName.audit).record(makeAuditEntry());
  });
});

describe('the journal', () => {
  it('refuses a transactional batch while journalling, rather than acknowledge a write it cannot keep', async () => {
    const local = await start({ dataDir });
    const db = await open(local.endpoint);
    await expect(
      db.audit.items.batch(
        [{ operationType: 'Create', resourceBody: { id: 'x', caseKey: '860/A' } }],
        '860/A',
      ),
    ).rejects.toThrow(/does not journal batches/);
    expect((await db.audit.items.readAll().fetchAll()).resources).toHaveLength(0);
  });

  it('drops a last line cut short by a crash (never acknowledged) and keeps the rest', async () => {
    const first = await start({ dataDir });
    await new CosmosAuditLog((await open(first.endpoint)).audit).record(
      makeAuditEntry({ caseKey: '860/KEPT' }),
    );
    await first.close();
    await appendFile(
      join(dataDir, segmentName(999_999)),
      '{"op":"put","db":"ehc","coll":"audit","doc":{"id":"cut',
    );
    const second = await start({ dataDir });
    const { resources } = await (await open(second.endpoint)).audit.items.readAll().fetchAll();
    expect(resources.map((entry) => entry.caseKey)).toEqual(['860/KEPT']);
  });

  it('refuses to start over a journal damaged before its last line, naming the file and line', async () => {
    await writeFile(join(dataDir, segmentName(1)), 'not json\n{"op":"db","db":"ehc"}\n');
    await expect(startLocalCosmos({ dataDir })).rejects.toThrow(/cosmos-journal\.000001\.jsonl line 1/);
  });
});
