import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { openDatabase, type StoreDatabase } from '../../bot/src/store/database.ts';
import { type LocalCosmos, startLocalCosmos } from '../../bot/src/store/local-cosmos.ts';
import { d, makeFile } from '../review/factories.ts';
import { runCli } from './run-cli.ts';

let server: LocalCosmos;
let db: StoreDatabase;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  server = await startLocalCosmos({ port: 0 });
  const databaseId = `cli-${randomUUID()}`;
  db = await openDatabase({ endpoint: server.endpoint, key: server.key, databaseId });
  dataDir = await mkdtemp(join(tmpdir(), 'sweep-cli-'));
  env = {
    COSMOS_ENDPOINT: '',
    COSMOS_KEY: '',
    COSMOS_DATABASE: databaseId,
    LOCAL_COSMOS_PORT: new URL(server.endpoint).port,
    EHC_DATA_DIR: dataDir,
  };
});

afterEach(async () => {
  db.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run sweep: the deadline check on demand', () => {
  it('records the warnings due on the day once, and a second run records none', async () => {
    await new CosmosCaseStore(db).create(makeFile({ caseId: 'HP-001', planIssuedOn: d('2025-01-20') }));
    const first = await runCli('sweep', ['--today', '2026-01-19'], env);
    expect(first.code, first.stderr).toBe(0);
    // The review-by date today, and the latest meeting date four weeks ago.
    expect(JSON.parse(first.stdout)).toEqual({
      swept: true,
      day: '2026-01-19',
      cases: 1,
      recorded: 2,
      repeats: 0,
    });
    const again = await runCli('sweep', ['--today', '2026-01-19'], env);
    expect(JSON.parse(again.stdout)).toEqual({
      swept: true,
      day: '2026-01-19',
      cases: 1,
      recorded: 0,
      repeats: 2,
    });
  }, 60_000);

  it('refuses a bad day with its usage', async () => {
    const result = await runCli('sweep', ['--today', '19/01/2026'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run --silent sweep');
  });
});
