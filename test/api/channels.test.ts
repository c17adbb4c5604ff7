import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditChannelOf, channelLinkAuditKey } from '../../bot/src/caseload/channel-linking.ts';
import { DEMO_TEAM } from '../../bot/src/demo/demo-team.ts';
import { DEMO_TENANT_ID } from '../../bot/src/demo/demo-users.ts';
import type { ChannelLink } from '../../bot/src/review/digest.ts';
import type { AuditEntry } from '../../bot/src/store/audit-log.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.teardown();
});

const harbour: ChannelLink = { kind: 'setting', settingUrn: DEMO_TEAM.settingUrn };
const fellside: ChannelLink = { kind: 'setting', settingUrn: '900002' };
const northshire: ChannelLink = { kind: 'la', laCode: '999' };

type Method = 'GET' | 'PUT' | 'DELETE';
interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; problems: { where: string }[] } };
}

async function call(method: Method, path: string, userId: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${t.app.url}${path}`, {
    method,
    headers: { 'X-Ehc-User': userId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

const linkPath = (channelId: string) => `/api/channels/${encodeURIComponent(channelId)}/link`;
const linkBody = (link: ChannelLink, confirmed = true) => ({
  teamId: DEMO_TEAM.teamId,
  tenantId: DEMO_TENANT_ID,
  link,
  onlyReviewersConfirmed: confirmed,
});

async function auditOf(link: ChannelLink): Promise<AuditEntry[]> {
  const { resources } = await t.cosmos.db.audit.items
    .query<AuditEntry>({
      query: 'SELECT * FROM c WHERE c.caseKey = @key',
      parameters: [{ name: '@key', value: channelLinkAuditKey(link) }],
    })
    .fetchAll();
  return resources;
}

describe('the demo channel in local mode', () => {
  it('is linked to Harbour Primary School’s cases, which its SENCo sees with the one link she may make', async () => {
    const answer = await call('GET', linkPath(DEMO_TEAM.channel.id), 'senco-harbour');
    expect(answer).toMatchObject({
      status: 200,
      body: {
        channelId: DEMO_TEAM.channel.id,
        link: { link: harbour, name: 'Harbour Primary School SEND team' },
        linkedByOthers: false,
        choices: [{ link: harbour, name: 'Harbour Primary School SEND team' }],
      },
    });
  });

  it('is shown to another setting’s SENCo as linked by others, without saying to what', async () => {
    const answer = await call('GET', linkPath(DEMO_TEAM.channel.id), 'senco-fellside');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      channelId: DEMO_TEAM.channel.id,
      linkedByOthers: true,
      choices: [{ link: fellside, name: 'Fellside Academy SEND team' }],
    });
  });

  it('is offered by the local teams route, for the configuration page in a plain browser', async () => {
    const answer = await t.get('/api/local/teams');
    expect(answer).toMatchObject({
      status: 200,
      body: { teams: [{ teamId: DEMO_TEAM.teamId, name: DEMO_TEAM.name, channel: DEMO_TEAM.channel }] },
    });
  });
});

describe('linking a channel', () => {
  it('an LA officer links a channel to the LA’s SEND team; the same again changes nothing; both audited', async () => {
    const channel = '19:northshire-send@thread.tacv2';
    const first = await call('PUT', linkPath(channel), 'la-coordinator', linkBody(northshire));
    expect(first).toMatchObject({
      status: 200,
      body: { channelId: channel, link: northshire, onlyReviewersConfirmed: true, tenantId: DEMO_TENANT_ID },
    });
    expect(first.body).not.toHaveProperty('linkedBy');
    const again = await call('PUT', linkPath(channel), 'la-coordinator', linkBody(northshire));
    expect(again.body).toEqual(first.body);
    const entries = (await auditOf(northshire)).filter((e) => e.detail?.channel === auditChannelOf(channel));
    // The test's clock stands still, so the entries share one instant: compared in a fixed order.
    expect(entries.map((e) => [e.action, e.detail?.repeat ?? false]).sort()).toEqual([
      ['channel.link', false],
      ['channel.link', true],
    ]);
    expect(entries[0]?.actor).toMatch(new RegExp(`^${DEMO_TENANT_ID}/`));
  });

  it('refuses without the confirmation, naming the checkbox, and links nothing', async () => {
    const channel = '19:unconfirmed@thread.tacv2';
    const answer = await call('PUT', linkPath(channel), 'senco-harbour', linkBody(harbour, false));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'CHANNEL_NOT_CONFIRMED',
      problems: [{ where: 'onlyReviewersConfirmed' }],
    });
    expect((await call('GET', linkPath(channel), 'senco-harbour')).body).not.toHaveProperty('link');
  });

  it.each([
    ['a SENCo, to another setting', 'senco-fellside', harbour],
    ['a SENCo, to the LA', 'senco-harbour', northshire],
    ['an LA officer, to a setting', 'la-coordinator', harbour],
    ['an allocator, to the LA', 'ds-allocator', northshire],
    ['a professional, to a setting', 'ep-lowe', harbour],
  ])('refuses %s with 403 CHANNEL_LINK_NOT_ALLOWED, linking nothing', async (_, userId, link) => {
    const channel = `19:refused-${userId}@thread.tacv2`;
    const answer = await call('PUT', linkPath(channel), userId, linkBody(link));
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({
      code: 'CHANNEL_LINK_NOT_ALLOWED',
      problems: [{ where: 'link' }],
    });
    expect((await call('GET', linkPath(channel), 'senco-harbour')).body).toMatchObject({
      linkedByOthers: false,
    });
  });

  it('refuses to take over a channel linked to someone else’s cases, naming the channel', async () => {
    const answer = await call('PUT', linkPath(DEMO_TEAM.channel.id), 'senco-fellside', linkBody(fellside));
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({
      code: 'CHANNEL_LINK_NOT_ALLOWED',
      problems: [{ where: 'channelId' }],
    });
    expect((await call('GET', linkPath(DEMO_TEAM.channel.id), 'senco-harbour')).body).toMatchObject({
      link: { link: harbour },
    });
  });

  it('names each bad field: a channel id that is not one, a link of an unknown kind, a tenant that is not a GUID', async () => {
    const badChannel = await call('PUT', linkPath('general'), 'senco-harbour', linkBody(harbour));
    expect(badChannel.status).toBe(400);
    expect(badChannel.body.error?.problems.map((p) => p.where)).toEqual(['channelId']);
    const badBody = await call('PUT', linkPath('19:x@thread.tacv2'), 'senco-harbour', {
      ...linkBody(harbour),
      tenantId: 'harbour',
      link: { kind: 'school', settingUrn: '900001' },
    });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error?.problems.map((p) => p.where).sort()).toEqual(['link.kind', 'tenantId']);
  });
});

describe('unlinking a channel', () => {
  it('is refused to someone who may not link what it shows; its SENCo unlinks it once, a repeat changes nothing', async () => {
    const channel = '19:harbour-staff@thread.tacv2';
    expect((await call('PUT', linkPath(channel), 'senco-harbour', linkBody(harbour))).status).toBe(200);
    const refused = await call('DELETE', linkPath(channel), 'la-coordinator');
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('CHANNEL_LINK_NOT_ALLOWED');

    expect((await call('DELETE', linkPath(channel), 'senco-harbour')).status).toBe(204);
    expect((await call('DELETE', linkPath(channel), 'senco-harbour')).status).toBe(204);
    expect((await call('GET', linkPath(channel), 'senco-harbour')).body).toMatchObject({
      linkedByOthers: false,
    });
    expect((await call('GET', linkPath(channel), 'senco-harbour')).body).not.toHaveProperty('link');
    const actions = (await auditOf(harbour))
      .filter((e) => e.detail?.channel === auditChannelOf(channel))
      .map((e) => e.action);
    expect(actions.sort()).toEqual(['channel.link', 'channel.unlink']);
  });
});
