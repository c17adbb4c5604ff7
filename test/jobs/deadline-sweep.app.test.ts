import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LA } from '../../bot/src/demo/northshire.ts';
import { NOTICES_CONTAINER, type NoticeDocument } from '../../bot/src/store/cosmos-notices.ts';
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
    // The sweep told the notice dispatcher, which delivers them (no one has a chat with the bot here).
    await test.app.deliverNow();
    const { resources } = await test.cosmos.db.database
      .container(NOTICES_CONTAINER.id)
      .items.query<NoticeDocument>('SELECT * FROM c WHERE c.kind = "warning"')
      .fetchAll();
    expect(resources).toHaveLength(first.recorded);
    for (const notice of resources) {
      expect(notice.laCode).toBe(DEMO_LA.code);
      expect(notice.state).toBe('done');
    }
  });
});
