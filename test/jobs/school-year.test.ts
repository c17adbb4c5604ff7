import { describe, expect, it } from 'vitest';
import { demoLinkName } from '../../bot/src/demo/demo-links.ts';
import { DEMO_TEAM } from '../../bot/src/demo/demo-team.ts';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/demo/demo-users.ts';
import { DEMO_LA, demoPolicyFor } from '../../bot/src/demo/northshire.ts';
import { seedDemoData } from '../../bot/src/demo/seed.ts';
import { casePeople, peopleOfUsers } from '../../bot/src/identity/case-people.ts';
import { DeadlineSweep, SWEEP_LEASE } from '../../bot/src/jobs/deadline-sweep.ts';
import { NoticeDispatcher } from '../../bot/src/jobs/notice-dispatcher.ts';
import { identityKey } from '../../bot/src/review/case.ts';
import { deliveryIdOf, digestKeyOf, type LinkedChannel } from '../../bot/src/review/delivery/recipients.ts';
import { listingOf } from '../../bot/src/review/listing.ts';
import { addDays, londonDate, type PlainDate } from '../../bot/src/review/plain-date.ts';
import { warningsOfListing } from '../../bot/src/review/warnings.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import { documentIdOf } from '../../bot/src/store/document-id.ts';
import { listingsInLink } from '../../bot/src/store/link-listings.ts';
import { storesOver } from '../../bot/src/store/open-stores.ts';
import { BotConnectorSender } from '../../bot/src/teams/bot-connector-sender.ts';
import { BotConnectorStandIn } from '../support/bot-connector-stand-in.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { virtualClock } from './notice-bench.ts';

const cosmos = freshCosmosForEachTest();
const START = '2026-09-01' as PlainDate;
const LA_CHANNEL = '19:northshire-send@thread.tacv2';
/** The demo seed links the demo team's General channel to Harbour; the LA's officer links another to the LA. */
const CHANNELS: readonly LinkedChannel[] = [
  { conversationId: DEMO_TEAM.channel.id, link: { kind: 'setting', settingUrn: DEMO_TEAM.settingUrn } },
  { conversationId: LA_CHANNEL, link: { kind: 'la', laCode: DEMO_LA.code } },
];

/** 07:00 in London on `day` (06:00 UTC in summer time). */
function morningOf(day: PlainDate): number {
  const winter = Date.parse(`${day}T07:00:00.000Z`);
  return [winter - 3_600_000, winter].find((t) => hourInLondon(t) === 7) ?? winter;
}

function hourInLondon(t: number): number {
  const hour = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  return Number(hour.format(t));
}

describe('a school year of the demo LA (time travel)', () => {
  it('fires every warning once, on its day, to the right person and channel, through a restart', async () => {
    const clock = virtualClock(`${START}T06:00:00.000Z`);
    const stores = await storesOver(cosmos.db, { policyFor: demoPolicyFor });
    await seedDemoData({
      store: stores.cases,
      audit: stores.audit,
      channelLinks: stores.channelLinks,
      today: START,
      now: clock.now,
    });
    await stores.channelLinks.link({
      channelId: LA_CHANNEL,
      teamId: '19:northshire-send@thread.tacv2',
      tenantId: DEMO_TENANT_ID,
      link: { kind: 'la', laCode: DEMO_LA.code },
      linkedBy: `${DEMO_TENANT_ID}/officer`,
      linkedAt: clock.now().toISOString(),
      onlyReviewersConfirmed: true,
    });
    expect(await stores.channelLinks.linkedChannels()).toEqual(expect.arrayContaining([...CHANNELS]));
    const connector = await new BotConnectorStandIn({ now: clock.ms }).start();
    try {
      // The SENCos and the case coordinator installed the app; the demo team has it in two channels.
      const chatOf = new Map<string, string>();
      for (const user of DEMO_USERS) {
        const conversationId = `a:chat-${user.id}`;
        chatOf.set(identityKey(user.identity), conversationId);
        connector.conversations.add(conversationId);
        await stores.conversations.put(
          {
            kind: 'personal',
            serviceUrl: connector.url,
            channelId: 'msteams',
            tenantId: user.identity.tenantId,
            botId: '28:bot',
            conversationId,
            userKey: identityKey(user.identity),
          },
          clock.now().toISOString(),
        );
      }
      for (const { conversationId } of CHANNELS) {
        connector.channels.set(conversationId, { teamId: DEMO_TEAM.teamId });
        await stores.conversations.put(
          {
            kind: 'channel',
            serviceUrl: connector.url,
            channelId: 'msteams',
            tenantId: DEMO_TENANT_ID,
            botId: '28:bot',
            conversationId,
            teamId: DEMO_TEAM.teamId,
          },
          clock.now().toISOString(),
        );
      }
      const log = memoryLog();
      const sweeper = (holder: string) =>
        new DeadlineSweep({
          listings: stores.dueListings,
          notices: stores.notices,
          holder,
          now: clock.now,
          warningPolicies: () => stores.laConfig.warningPolicies(),
          log,
        });
      const dispatcher = (holder: string) =>
        new NoticeDispatcher({
          notices: stores.notices,
          references: stores.conversations,
          sender: new BotConnectorSender({ now: clock.now }),
          people: casePeople(peopleOfUsers(DEMO_USERS), stores.cases),
          linkedChannels: () => stores.channelLinks.linkedChannels(),
          isMuted: async () => false,
          listingsOf: listingsInLink(stores.listings),
          linkName: demoLinkName,
          tabUrl: 'https://hub.example/',
          holder,
          now: clock.now,
          wait: clock.wait,
          random: () => 0.5,
          log,
        });

      // What the clock says should fire, and on which day: computed from the case files alone.
      const days = Array.from({ length: 365 }, (_, i) => addDays(START, i));
      const expected = new Map<
        string,
        { day: PlainDate; to?: string; laCode: string; settingUrn: string; caseId: string }
      >();
      const userByEmail = new Map(DEMO_USERS.map((u) => [u.email, u]));
      const files = [];
      for (let page = await stores.cases.pageByLa(DEMO_LA.code); ; ) {
        files.push(...page.items);
        if (!page.continuation) break;
        page = await stores.cases.pageByLa(DEMO_LA.code, { continuation: page.continuation });
      }
      for (const file of files) {
        const listing = listingOf(file, demoPolicyFor(file.case.laCode));
        for (const day of days)
          for (const w of warningsOfListing(listing, day)) {
            if (expected.has(w.dedupeKey)) continue;
            const who =
              w.actor === 'senco'
                ? DEMO_USERS.find((u) =>
                    u.roles.some((r) => r.kind === 'senco' && r.settingUrn === w.settingUrn),
                  )
                : userByEmail.get(file.case.coordinator?.email ?? '');
            expected.set(w.dedupeKey, {
              day,
              laCode: w.laCode,
              settingUrn: w.settingUrn,
              caseId: w.caseId,
              ...(who ? { to: identityKey(who.identity) } : {}),
            });
          }
      }
      expect(expected.size).toBeGreaterThan(50);

      let sweep = sweeper('instance-a');
      let deliver = dispatcher('instance-a');
      for (const [i, day] of days.entries()) {
        if (i === 180) {
          // A restart mid-year, under other names: nothing is sent twice.
          sweep = sweeper('instance-b');
          deliver = dispatcher('instance-b');
        }
        clock.set(morningOf(day));
        if (i === 200) {
          // A second sweeper that holds no lease records (so sends) nothing.
          const until = new Date(clock.ms() + 60_000).toISOString();
          await stores.notices.acquireLease(SWEEP_LEASE, 'instance-c', clock.now().toISOString(), until);
          expect(await sweep.runOnce()).toEqual({ swept: false, reason: 'lease-held' });
          clock.advance(60_001);
        }
        expect(await sweep.runOnce()).toMatchObject({ swept: true, day });
        await deliver.runOnce();
        expect(londonDate(clock.now())).toBe(day);
      }

      // Personal messages: each warning once, on its day, in the chat of the person who must act.
      const byId = new Map<string, { conversationId: string; at: number }[]>();
      for (const d of connector.delivered)
        byId.set(String(d.activity.id), [...(byId.get(String(d.activity.id)) ?? []), d]);
      let personal = 0;
      for (const [key, want] of expected) {
        if (!want.to) continue;
        const got = byId.get(deliveryIdOf(key, want.to)) ?? [];
        expect(got, key).toHaveLength(1);
        expect(got[0]?.conversationId).toBe(chatOf.get(want.to));
        expect(londonDate(new Date(got[0]?.at ?? 0)), key).toBe(want.day);
        personal += 1;
      }
      const sentPersonal = connector.delivered.filter((d) => !d.channelId);
      expect(sentPersonal).toHaveLength(personal);

      // Digests: one per linked channel on each day a warning of its scope fired, and on no other day.
      for (const channel of CHANNELS) {
        const inScope = (w: { laCode: string; settingUrn: string }) =>
          channel.link.kind === 'setting'
            ? w.settingUrn === channel.link.settingUrn
            : w.laCode === channel.link.laCode;
        const wantDays = new Set([...expected.values()].filter(inScope).map((w) => w.day));
        const posts = connector.delivered.filter((d) => d.channelId === channel.conversationId);
        expect(posts.map((p) => londonDate(new Date(p.at))).sort()).toEqual([...wantDays].sort());
        expect(new Set(posts.map((p) => p.activity.id)).size).toBe(posts.length);
        for (const post of posts) {
          const day = londonDate(new Date(post.at));
          expect(post.activity.id).toBe(documentIdOf(digestKeyOf(channel.conversationId, day)));
          const text = JSON.stringify(post.activity);
          // Every case whose warning fired that day is in the channel's digest (or counted in "more").
          for (const w of [...expected.values()].filter((e) => e.day === day && inScope(e)))
            expect(
              text.includes(`case ${w.caseId}`) || text.includes('more in the EHC Review Hub tab'),
              w.caseId,
            ).toBe(true);
          // And no case of another setting is in a setting's channel.
          if (channel.link.kind === 'setting')
            for (const e of expected.values())
              if (e.settingUrn !== channel.link.settingUrn) expect(text).not.toContain(`case ${e.caseId}\\"`);
        }
      }
    } finally {
      await connector.stop();
    }
  }, 900_000);
});
