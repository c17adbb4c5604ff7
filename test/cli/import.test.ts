import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import type { StoreDatabase } from '../../bot/src/store/database.ts';
import type { LocalCosmos } from '../../bot/src/store/local-cosmos.ts';
import { csvText, validValues } from '../import/factories.ts';
import { type CliStore, startCliStore } from './cli-store.ts';
import { BAD_FIXTURE_PROBLEMS, fixture, runCli } from './run-cli.ts';

const TODAY = ['--today', '2026-01-12'];

let server: LocalCosmos;
let db: StoreDatabase;
let dataDir: string;
let env: NodeJS.ProcessEnv;
let cliStore: CliStore;

/** The import runs against a local store this test started on a free port, in its own database. */
beforeEach(async () => {
  cliStore = await startCliStore('import-cli-');
  ({ server, db, dataDir, env } = cliStore);
});

afterEach(() => cliStore.close());

async function caseIds(laCode: string): Promise<string[]> {
  const store = new CosmosCaseStore(db);
  const ids: string[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.pageByLa(laCode, continuation === undefined ? {} : { continuation });
    ids.push(...page.items.map((file) => file.case.caseId));
    continuation = page.continuation;
  } while (continuation !== undefined);
  return ids;
}

describe('npm run import: an LA export into the store', () => {
  it('imports every case and says how many were created, updated and unchanged', async () => {
    const result = await runCli('import', [fixture('cases-valid.csv'), ...TODAY], env);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Imported 9 cases: 9 created, 0 updated, 0 unchanged.\n');
    expect(result.stderr).toBe(
      `Using the LOCAL DEVELOPMENT store at ${server.endpoint} (the one already running); ` +
        'set COSMOS_ENDPOINT and COSMOS_KEY to use Azure Cosmos DB.\n',
    );
    expect(await caseIds('860')).toHaveLength(8);
    expect(await caseIds('861')).toEqual(['EHC-0001']);
  });

  it('changes nothing when the same cases are imported again, from CSV or JSON', async () => {
    await runCli('import', [fixture('cases-valid.csv'), ...TODAY], env);

    const again = await runCli('import', [fixture('cases-valid.csv'), ...TODAY], env);
    const asJson = await runCli('import', [fixture('cases-valid.json'), ...TODAY], env);

    expect(again.stdout).toBe('Imported 9 cases: 0 created, 0 updated, 9 unchanged.\n');
    expect(asJson.stdout).toBe('Imported 9 cases: 0 created, 0 updated, 9 unchanged.\n');
  });

  it('tells the officer, one line a case, of a last review decision date it kept from a review closed here', async () => {
    await runCli('import', [fixture('cases-valid.csv'), ...TODAY], env);
    await new CosmosCaseStore(db).update({ laCode: '860', caseId: 'EHC-0006' }, (file) => ({
      ...file,
      case: { ...file.case, lastReviewDecisionOn: plainDate('2026-01-10'), lastReviewDecisionFrom: 'review' },
    }));

    const result = await runCli('import', [fixture('cases-valid.csv'), ...TODAY], env);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Imported 9 cases: 0 created, 0 updated, 9 unchanged.\n');
    expect(result.stderr.split('\n').slice(1)).toEqual([
      'row 7: last_review_decision_on 2025-05-06 ignored: a review of this case was closed in ' +
        'EHC Review Hub with its decision notified on 2026-01-10, which is kept',
      '',
    ]);
    expect(result.stderr).not.toContain('Isla');
  });

  it('imports nothing from a file with a bad row, lists every problem and exits 1', async () => {
    const result = await runCli('import', [fixture('cases-bad.csv'), ...TODAY], env);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.slice(1)).toEqual([...BAD_FIXTURE_PROBLEMS, 'Nothing was imported.']);
    expect(await caseIds('860')).toEqual([]);
  });

  it('shows progress on a large file: every 500 cases and at the end, with a percentage', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) =>
      validValues({ case_id: `BULK-${String(i).padStart(5, '0')}`, setting_urn: String(100000 + (i % 50)) }),
    );
    const file = join(dataDir, 'large.csv');
    await writeFile(file, csvText(rows));

    const result = await runCli('import', [file, ...TODAY], env);

    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').slice(1)).toEqual([
      'Imported 500 of 2,000 cases (25%)',
      'Imported 1,000 of 2,000 cases (50%)',
      'Imported 1,500 of 2,000 cases (75%)',
      'Imported 2,000 of 2,000 cases (100%)',
      '',
    ]);
    expect(result.stdout).toBe('Imported 2,000 cases: 2,000 created, 0 updated, 0 unchanged.\n');
    expect(await caseIds('860')).toHaveLength(2000);
    // A budget for a loaded machine, not a speed target (bench/ measures the import).
  }, 180_000);

  it('starts the local store itself when none is running, keeping the data in EHC_DATA_DIR', async () => {
    const port = await freePort();
    const own = { ...env, LOCAL_COSMOS_PORT: String(port) };

    const first = await runCli('import', [fixture('cases-valid.json'), ...TODAY], own);
    const second = await runCli('import', [fixture('cases-valid.csv'), ...TODAY], own);

    expect(first.stderr).toBe(
      `Using the LOCAL DEVELOPMENT store at http://127.0.0.1:${port} (data in ${dataDir}); ` +
        'set COSMOS_ENDPOINT and COSMOS_KEY to use Azure Cosmos DB.\n',
    );
    expect(first.stdout).toBe('Imported 9 cases: 9 created, 0 updated, 0 unchanged.\n');
    expect(second.stdout).toBe('Imported 9 cases: 0 created, 0 updated, 9 unchanged.\n');
    expect(await readFile(join(dataDir, 'cosmos-snapshot.json'), 'utf8')).toContain('EHC-0008');
  });

  it('refuses half an Azure configuration rather than importing into the local store', async () => {
    const result = await runCli('import', [fixture('cases-valid.csv'), ...TODAY], {
      ...env,
      COSMOS_ENDPOINT: 'https://example.documents.azure.com:443/',
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('set both COSMOS_ENDPOINT and COSMOS_KEY, or neither');
    expect(await caseIds('860')).toEqual([]);
  });

  it('shows the usage and exits 2 without a FILE', async () => {
    const result = await runCli('import', [], env);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run import -- FILE [--today YYYY-MM-DD]');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
