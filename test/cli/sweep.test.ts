import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import type { StoreDatabase } from '../../bot/src/store/database.ts';
import { CosmosLaConfig } from '../../bot/src/store/la-config.ts';
import { d, makeFile } from '../review/factories.ts';
import { type CliStore, startCliStore } from './cli-store.ts';
import { runCli } from './run-cli.ts';

let db: StoreDatabase;
let env: NodeJS.ProcessEnv;
let cliStore: CliStore;

beforeEach(async () => {
  cliStore = await startCliStore('sweep-cli-');
  ({ db, env } = cliStore);
});

afterEach(() => cliStore.close());

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

  it('warns as the LA chose: 8 weeks ahead, read and recorded from the command line too', async () => {
    await new CosmosCaseStore(db).create(makeFile({ caseId: 'HP-001', planIssuedOn: d('2025-01-20') }));
    const config = await CosmosLaConfig.open(db.database);
    await config.setWarningPolicy(
      '860',
      { daysBefore: [56], overdueEveryDays: 7 },
      '2025-11-01T09:00:00.000Z',
    );
    // 24 November 2025: the review is due in 56 days, its latest meeting date in 28.
    const result = await runCli('sweep', ['--today', '2025-11-24'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ swept: true, cases: 1, recorded: 2 });
  }, 60_000);

  it('refuses a bad day with its usage', async () => {
    const result = await runCli('sweep', ['--today', '19/01/2026'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run --silent sweep');
  });
});
