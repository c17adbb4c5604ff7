import { afterEach, describe, expect, it } from 'vitest';
import { identityKey } from '../../bot/src/review/case.ts';
import { CONVERSATION_LIMITS, keepsLimits, TENANT_LIMITS } from '../../bot/src/review/delivery/pacing.ts';
import { BotConnectorSender } from '../../bot/src/teams/bot-connector-sender.ts';
import type { ProactiveSender } from '../../bot/src/teams/proactive.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { makeWarning, noticeBench, person } from './notice-bench.ts';

const cosmos = freshCosmosForEachTest();
const ROSA = person('rosa');
const OWEN = person('owen');
const GRACE = person('grace');
const HARBOUR_CHANNEL = '19:harbour@thread.tacv2';
const LA_CHANNEL = '19:northshire-send@thread.tacv2';
const CHANNELS = [
  { conversationId: HARBOUR_CHANNEL, link: { kind: 'setting', settingUrn: '900001' } },
  { conversationId: LA_CHANNEL, link: { kind: 'la', laCode: '999' } },
] as const;

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function bench(options: Parameters<typeof noticeBench>[1] = {}) {
  const b = await noticeBench(cosmos.db, {
    channels: CHANNELS,
    people: (w) =>
      w.settingUrn === '900001'
        ? { sencos: [ROSA], coordinator: GRACE }
        : { sencos: [OWEN], coordinator: GRACE },
    ...options,
  });
  stop = () => b.connector.stop();
  return b;
}

/** The activity ids that reached conversations, and how many times each was answered 201. */
function deliveredIds(connector: Awaited<ReturnType<typeof bench>>['connector']): string[] {
  return connector.delivered.map((d) => String(d.activity.id));
}

describe('the notice dispatcher', () => {
  it('sends a SENCo warning to the setting’s SENCo, an LA warning to the case coordinator, and one digest per linked channel', async () => {
    const b = await bench();
    const rosaChat = await b.installFor(ROSA);
    const owenChat = await b.installFor(OWEN);
    const graceChat = await b.installFor(GRACE);
    const at = b.clock.now().toISOString();
    await b.notices.record(makeWarning({ caseId: 'HP-1' }), at);
    await b.notices.record(
      makeWarning({ caseId: 'HP-2', key: 'decision_by', rule: 'DECISION_DUE', actor: 'case-coordinator' }),
      at,
    );
    await b.notices.record(makeWarning({ caseId: 'FA-1', settingUrn: '900002' }), at);
    const report = await b.dispatcher().runOnce();
    expect(report).toMatchObject({ sent: 3, posted: 2, failed: 0, waiting: 0 });
    const to = (chat: string) =>
      b.connector.delivered
        .filter((d) => d.conversationId === chat)
        .map((d) => String(d.activity.id).split('/')[1]);
    expect(to(rosaChat)).toEqual(['HP-1']);
    expect(to(owenChat)).toEqual(['FA-1']);
    expect(to(graceChat)).toEqual(['HP-2']);
    const posts = b.connector.delivered.filter((d) => d.channelId).map((d) => d.channelId);
    expect(posts.sort()).toEqual([HARBOUR_CHANNEL, LA_CHANNEL].sort());
    // A second run, and a second instance, send nothing more.
    expect(await b.dispatcher().runOnce()).toMatchObject({ sent: 0, posted: 0 });
    expect(await b.dispatcher({ holder: 'instance-b' }).runOnce()).toMatchObject({ sent: 0, posted: 0 });
    expect(b.connector.delivered).toHaveLength(5);
  });

  it('honours a mute for the SENCo’s warnings, never for the case coordinator’s statutory ones', async () => {
    const muted = new Set([`${identityKey(ROSA)}|999|HP-1`, `${identityKey(GRACE)}|999|HP-1`]);
    const b = await bench({ muted, channels: [] });
    await b.installFor(ROSA);
    await b.installFor(GRACE);
    const at = b.clock.now().toISOString();
    await b.notices.record(makeWarning({ caseId: 'HP-1' }), at);
    await b.notices.record(
      makeWarning({ caseId: 'HP-1', key: 'review_by', rule: 'REVIEW_DUE', actor: 'case-coordinator' }),
      at,
    );
    const report = await b.dispatcher().runOnce();
    expect(report).toMatchObject({ sent: 1, skipped: 1 });
    expect(deliveredIds(b.connector)).toEqual([expect.stringContaining('review_by')]);
  });

  it('skips someone with no personal chat with the bot, and says so in the notice', async () => {
    const b = await bench({ channels: [] });
    await b.notices.record(makeWarning({ caseId: 'HP-1' }), b.clock.now().toISOString());
    expect(await b.dispatcher().runOnce()).toMatchObject({ sent: 0, skipped: 1 });
    const [notice] = await b.notices.ofCase('999', 'HP-1');
    expect(notice).toMatchObject({
      state: 'done',
      skipped: [{ userKey: identityKey(ROSA), reason: 'no-chat' }],
    });
  });

  it('under a storm of 429s with Retry-After keeps the pacing and delivers every warning exactly once', async () => {
    const b = await bench();
    await b.installFor(ROSA);
    await b.installFor(OWEN);
    await b.installFor(GRACE);
    const at = b.clock.now().toISOString();
    const warnings = Array.from({ length: 90 }, (_, i) =>
      makeWarning({
        caseId: `S-${String(i).padStart(3, '0')}`,
        ...(i % 3 === 1 ? { settingUrn: '900002' } : {}),
        ...(i % 3 === 2 ? { key: 'decision_by', rule: 'DECISION_DUE', actor: 'case-coordinator' } : {}),
      }),
    );
    for (const w of warnings) await b.notices.record(w, at);
    // Two requests in five are throttled, with Retry-After of 1 to 3 seconds.
    let n = 0;
    b.connector.faults(() => {
      n += 1;
      return n % 5 < 2 ? { status: 429, retryAfterSeconds: 1 + (n % 3) } : undefined;
    });
    await b.drain(b.dispatcher());
    const ids = deliveredIds(b.connector);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !id.startsWith('digest'))).toHaveLength(90);
    expect(ids.filter((id) => id.startsWith('digest'))).toHaveLength(2);
    expect(b.connector.calls.filter((c) => c.status === 429).length).toBeGreaterThan(30);
    // Every request (throttled or not) kept Teams' limits per conversation and per tenant.
    const byConversation = new Map<string, number[]>();
    for (const call of b.connector.calls) {
      const key =
        call.path === '/v3/conversations'
          ? JSON.stringify((call.body as { channelData: unknown }).channelData)
          : call.path;
      byConversation.set(key, [...(byConversation.get(key) ?? []), call.at]);
    }
    for (const times of byConversation.values()) expect(keepsLimits(times, CONVERSATION_LIMITS)).toBe(true);
    expect(
      keepsLimits(
        b.connector.calls.map((c) => c.at),
        TENANT_LIMITS,
      ),
    ).toBe(true);
    // After a 429, nothing went to that conversation before its Retry-After.
    for (const [i, call] of b.connector.calls.entries()) {
      if (call.status !== 429) continue;
      const next = b.connector.calls
        .slice(i + 1)
        .find(
          (c) =>
            c.path === call.path &&
            JSON.stringify(c.body && (c.body as { channelData?: unknown }).channelData) ===
              JSON.stringify(call.body && (call.body as { channelData?: unknown }).channelData),
        );
      if (next) expect(next.at - call.at).toBeGreaterThanOrEqual(1_000);
    }
    for (const w of warnings) expect((await b.notices.ofCase('999', w.caseId))[0]?.state).toBe('done');
  }, 60_000);

  it('retries 412, 502, 503 and 504 with backoff, and gives up on a 403 for that recipient only', async () => {
    const b = await bench({ channels: [], people: () => ({ sencos: [ROSA, OWEN] }) });
    await b.installFor(ROSA);
    await b.installFor(OWEN);
    await b.notices.record(makeWarning({ caseId: 'HP-1' }), b.clock.now().toISOString());
    const statuses = [412, 502, 503, 504] as const;
    let n = 0;
    b.connector.faults((call) => {
      if (call.path.includes('chat-owen')) return { status: 403 };
      return n < statuses.length ? { status: statuses[n++] as 412 } : undefined;
    });
    await b.drain(b.dispatcher());
    const rosa = b.connector.calls.filter((c) => c.path.includes('chat-rosa'));
    expect(rosa.map((c) => c.status)).toEqual([412, 502, 503, 504, 201]);
    // Backoff: 2 s doubling per attempt, half of it jittered (random 0.5): 1.5, 3, 6, 12 s apart.
    expect(rosa.slice(1).map((c, i) => c.at - (rosa[i]?.at ?? 0))).toEqual([1_500, 3_000, 6_000, 12_000]);
    const [notice] = await b.notices.ofCase('999', 'HP-1');
    expect(notice).toMatchObject({
      state: 'done',
      sentTo: [identityKey(ROSA)],
      skipped: [{ userKey: identityKey(OWEN), reason: 'refused' }],
    });
  });

  it('after a crash midway, a restarted instance sends only what was not sent', async () => {
    const b = await bench({ people: () => ({ sencos: [ROSA, OWEN] }) });
    await b.installFor(ROSA);
    await b.installFor(OWEN);
    const at = b.clock.now().toISOString();
    for (let i = 0; i < 6; i += 1) await b.notices.record(makeWarning({ caseId: `HP-${i}` }), at);
    // The first instance dies after 7 sends: every later call of its process fails before reaching Teams.
    const sender = new BotConnectorSender({ now: b.clock.now });
    let left = 7;
    const dying: ProactiveSender = {
      send: (to, message) =>
        left-- > 0 ? sender.send(to, message) : Promise.reject(new Error('process killed')),
      post: (to, message) =>
        left-- > 0 ? sender.post(to, message) : Promise.reject(new Error('process killed')),
    };
    await b.dispatcher({ sender: dying }).runOnce();
    expect(b.connector.delivered).toHaveLength(7);
    // A new process, under another name, once the dead one's leases ran out.
    b.clock.advance(120_001);
    await b.drain(b.dispatcher({ holder: 'instance-b' }));
    const ids = deliveredIds(b.connector);
    // 6 warnings to 2 SENCos each, and the two linked channels' digests.
    expect(ids).toHaveLength(6 * 2 + 2);
    expect(new Set(ids).size).toBe(ids.length);
    // Nothing was even asked twice: the restart knew what had been sent.
    const asked = b.connector.calls
      .filter((c) => c.status === 201)
      .map((c) =>
        String(
          (c.body as { id?: string; activity?: { id?: string } }).id ??
            (c.body as { activity?: { id?: string } }).activity?.id,
        ),
      );
    expect(new Set(asked).size).toBe(asked.length);
  });
});
