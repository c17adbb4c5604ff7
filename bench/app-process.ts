/**
 * The real server (`startApp`, local mode, bot and API) in a process of its own, over the store at
 * BENCH_COSMOS_ENDPOINT, with the demo users and the bench's users. Sends `{ url }` over IPC once
 * listening; answers 'memory' with its resident memory after a full garbage collection; stops on 'stop'.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../bot/src/config.ts';
import { DEMO_USERS } from '../bot/src/demo/demo-users.ts';
import { staticDirectory } from '../bot/src/identity/static-directory.ts';
import { startApp } from '../bot/src/main.ts';
import { openDatabase } from '../bot/src/store/database.ts';
import { BENCH_USERS } from './data.ts';

const env = process.env;
const tabDir = await mkdtemp(join(tmpdir(), 'ehc-bench-tab-'));
await mkdir(join(tabDir, 'assets'));
await writeFile(join(tabDir, 'index.html'), '<!doctype html><title>EHC Review Hub</title>');
const database = await openDatabase({
  endpoint: env.BENCH_COSMOS_ENDPOINT ?? '',
  key: env.BENCH_COSMOS_KEY ?? '',
  databaseId: env.BENCH_DATABASE ?? 'bench',
});
const now = new Date(env.BENCH_NOW ?? Date.now());
const quiet = { info() {}, warn() {}, error() {} };
const app = await startApp(loadConfig({ MODE: 'local', PORT: '0', TAB_DIR: tabDir }), {
  database,
  now: () => now,
  directory: staticDirectory([...DEMO_USERS, ...BENCH_USERS]),
  log: quiet,
});
process.send?.({ url: app.url });
process.on('message', async (message) => {
  if (message === 'memory') {
    // Collect twice: the first pass may only queue finalisers.
    globalThis.gc?.();
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ rss, heapUsed });
  }
  if (message === 'stop') {
    await app.close();
    database.close();
    process.exit(0);
  }
});
