import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mapLimit } from '../../bot/src/caseload/map-limit.ts';
import { CosmosAuditLog } from '../../bot/src/store/cosmos-audit-log.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { openDatabase, type StoreDatabase } from '../../bot/src/store/database.ts';
import { LOCAL_STORE_KEY, startLocalCosmos } from '../../bot/src/store/local-cosmos.ts';
import { makeAuditEntry, makeFileAt } from './factories.ts';

const CHILD = new URL('./local-store-child.ts', import.meta.url).pathname;

let dataDir: string;
const cleanups: (() => Promise<void> | void)[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ehc-kill-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

/** The local store in a child process over `dataDir`, once it serves. */
async function startChild(segmentBytes: number): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, [CHILD, dataDir, String(segmentBytes)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const endpoint = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { endpoint: string }).endpoint));
    child.once('exit', (code) => reject(new Error(`the store child exited early (${code})`)));
  });
  return { child, endpoint };
}

async function openOn(endpoint: string): Promise<StoreDatabase> {
  const db = await openDatabase({ endpoint, key: LOCAL_STORE_KEY, databaseId: 'ehc' });
  cleanups.push(() => db.close());
  return db;
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const N = 600;

describe('the local store keeps every write it acknowledged, through kill -9', () => {
  it(`${N} acknowledged audit entries and case files, kill -9 while folding, restart: all there`, async () => {
    // Tiny segments: folds run in the background all through the writes, so the kill lands mid-fold.
    const { child, endpoint } = await startChild(16 * 1024);
    const db = await openOn(endpoint);
    const audit = new CosmosAuditLog(db.audit);
    const cases = new CosmosCaseStore(db);
    const acknowledged: string[] = [];
    await mapLimit(
      Array.from({ length: N }, (_, n) => n),
      16,
      async (n) => {
        const caseId = `CASE-${String(n).padStart(4, '0')}`;
        if (n % 10 === 0) await cases.create(makeFileAt('860', caseId));
        await audit.record(
          makeAuditEntry({
            caseKey: `860/${caseId}`,
            at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
          }),
        );
        acknowledged.push(caseId);
      },
    );
    db.close();
    await killed(child);

    const restarted = await startLocalCosmos({ dataDir });
    cleanups.push(() => restarted.close());
    const after = await openOn(restarted.endpoint);
    const { resources: entries } = await after.audit.items.readAll().fetchAll();
    const { resources: files } = await after.cases.items.readAll().fetchAll();
    expect(acknowledged).toHaveLength(N);
    expect(new Set(entries.map((entry) => entry.caseKey))).toEqual(
      new Set(acknowledged.map((id) => `860/${id}`)),
    );
    expect(entries).toHaveLength(N);
    expect(files).toHaveLength(N / 10);
  });

  it('a second kill -9 straight after restarting loses nothing either, and leftovers are cleaned up', async () => {
    const first = await startChild(4 * 1024);
    const db = await openOn(first.endpoint);
    await mapLimit(
      Array.from({ length: 100 }, (_, n) => n),
      8,
      (n) => new CosmosAuditLog(db.audit).record(makeAuditEntry({ caseKey: `860/CASE-${n}` })),
    );
    db.close();
    await killed(first.child);
    // A save that a crash interrupted leaves its temporary file behind.
    await writeFile(join(dataDir, 'cosmos-snapshot.json.12345.0000.tmp'), '{"partial":');

    const second = await startChild(4 * 1024);
    await killed(second.child);
    const third = await startLocalCosmos({ dataDir });
    cleanups.push(() => third.close());
    const { resources } = await (await openOn(third.endpoint)).audit.items.readAll().fetchAll();
    expect(resources).toHaveLength(100);
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
