import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { DEMO_SETTINGS } from '../../bot/src/demo/northshire.ts';
import type { NoticeDocument } from '../../bot/src/store/cosmos-notices.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { makeMessageActivity } from './factories.ts';
import { type PostedReply, type ReplyServer, startReplyServer } from './reply-server.ts';

let t: TestApp;
let connector: ReplyServer;
let notices: NoticeDocument[];
beforeAll(async () => {
  [t, connector] = await Promise.all([startTestApp(), startReplyServer()]);
  // What the deadline sweep warns of today, from the same store: the chat must say the same.
  const report = await t.app.sweepNow();
  expect(report).toMatchObject({ swept: true });
  const { resources } = await t.cosmos.db.database
    .container('notices')
    .items.query<NoticeDocument>('SELECT * FROM c WHERE c.kind = "warning"')
    .fetchAll();
  notices = resources;
});
afterAll(async () => {
  await connector?.close();
  await t?.teardown();
});

async function ask(userId: Parameters<typeof demoUser>[0], text: string): Promise<string> {
  const reply: Promise<PostedReply> = connector.nextReply();
  const activity = makeMessageActivity(connector.serviceUrl, demoUser(userId).identity.objectId, text);
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
  return (await reply).activity.text ?? '';
}

/** The case ids the reply's lines name, in order. */
function caseIdsOf(text: string): string[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => /\(case ([^)]+)\)/.exec(line)?.[1] ?? `no case in: ${line}`);
}

/** The cases the sweep warned of today for the people in `actor`'s place, overdue or not. */
function warnedCases(filter: (notice: NoticeDocument) => boolean, overdue: boolean): string[] {
  const ids = notices.filter((n) => filter(n) && n.warning.overdue === overdue).map((n) => n.warning.caseId);
  return [...new Set(ids)].sort();
}

const harbourSencos = (n: NoticeDocument) =>
  n.warning.actor === 'senco' && n.warning.settingUrn === DEMO_SETTINGS.harbour.urn;
const coordinators = (n: NoticeDocument) => n.warning.actor === 'case-coordinator';

describe('"overdue" and "due" in a personal chat: the user’s own warnings now', () => {
  it('tell the SENCo exactly the cases the sweep warns her of, late and coming, and no other', async () => {
    const overdue = await ask('senco-harbour', 'overdue');
    const due = await ask('senco-harbour', 'due');
    expect(caseIdsOf(overdue).sort()).toEqual(warnedCases(harbourSencos, true));
    expect(caseIdsOf(due).sort()).toEqual(warnedCases(harbourSencos, false));
    // The demo data has both, so the comparison is not of empty lists.
    expect(caseIdsOf(overdue).length).toBeGreaterThan(0);
    expect(caseIdsOf(due).length).toBeGreaterThan(0);
  });

  it('tell the LA’s officer the LA’s dates, every setting’s, and none of the SENCos’', async () => {
    const overdue = await ask('la-coordinator', 'overdue');
    const due = await ask('la-coordinator', 'due');
    expect(caseIdsOf(overdue).sort()).toEqual(warnedCases(coordinators, true));
    expect(caseIdsOf(due).sort()).toEqual(warnedCases(coordinators, false));
    expect(caseIdsOf(overdue).length + caseIdsOf(due).length).toBeGreaterThan(0);
  });

  it('give each coming date with its day, the earliest case first', async () => {
    const due = await ask('senco-harbour', 'due');
    const lines = due.split('\n').slice(1);
    for (const line of lines) expect(line).toMatch(/ by \d{1,2} [A-Z][a-z]+ \d{4}(; |$)/);
    const firstDates = lines.map((line) =>
      Date.parse(/ by (\d{1,2} [A-Z][a-z]+ \d{4})/.exec(line)?.[1] ?? ''),
    );
    expect(firstDates).toEqual([...firstDates].sort((a, b) => a - b));
  });

  it('tell someone with no steps of their own that nothing of theirs is overdue', async () => {
    expect(await ask('ep-lowe', 'overdue')).toBe(
      'Nothing of yours is overdue. Send **due** to see what is due soon.',
    );
  });
});
