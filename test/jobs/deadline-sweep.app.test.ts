import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LA } from '../../bot/src/demo/northshire.ts';
import { CosmosNotices } from '../../bot/src/store/cosmos-notices.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../support/app.ts';

let test: TestApp;
beforeEach(async () => {
  test = await startTestApp();
});
afterEach(async () => {
  await test.teardown();
});

describe('the deadline sweep in the running server (local mode, the demo LA)', () => {
  it('runs on demand, records the demo cases’ warnings once, and a second run records none', async () => {
    const first = await test.app.sweepNow();
    expect(first).toMatchObject({ swept: true, day: TEST_TODAY });
    if (!first.swept) return;
    expect(first.recorded).toBeGreaterThan(0);
    const again = await test.app.sweepNow();
    expect(again).toMatchObject({ swept: true, recorded: 0, repeats: first.recorded });
    const notices = await CosmosNotices.open(test.cosmos.db.database);
    const due = await notices.due(new Date().toISOString(), 1000);
    expect(due).toHaveLength(first.recorded);
    for (const notice of due) expect(notice.laCode).toBe(DEMO_LA.code);
  });
});
