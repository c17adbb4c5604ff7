import { NoticeDispatcher, type NoticeDispatcherOptions } from '../../bot/src/jobs/notice-dispatcher.ts';
import { type Identity, identityKey } from '../../bot/src/review/case.ts';
import type { CasePeople, LinkedChannel } from '../../bot/src/review/delivery/recipients.ts';
import type { ChannelLink } from '../../bot/src/review/digest.ts';
import type { PlainDate } from '../../bot/src/review/plain-date.ts';
import { dedupeKeyOf, type Warning, type WarningActor } from '../../bot/src/review/warnings.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import { ConversationReferences } from '../../bot/src/store/conversation-references.ts';
import { CosmosNotices } from '../../bot/src/store/cosmos-notices.ts';
import type { StoreDatabase } from '../../bot/src/store/database.ts';
import { BotConnectorSender } from '../../bot/src/teams/bot-connector-sender.ts';
import type { ProactiveSender } from '../../bot/src/teams/proactive.ts';
import { BotConnectorStandIn } from '../support/bot-connector-stand-in.ts';

export const TENANT = 'tenant-1';
export const BOT = '28:bot-app-id';

/**
 * A clock the dispatcher's waits move: `wait(ms)` advances it and resolves, so pacing runs in
 * simulated time with no real sleep.
 */
export function virtualClock(start: string) {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    ms: () => now,
    set(to: Date | number) {
      now = typeof to === 'number' ? to : to.getTime();
    },
    advance(ms: number) {
      now += ms;
    },
    wait: async (ms: number) => {
      now += ms;
    },
  };
}

export function person(objectId: string): Identity {
  return { tenantId: TENANT, objectId };
}

let counter = 0;
export function makeWarning(overrides: Partial<Warning> & { caseId?: string } = {}): Warning {
  counter += 1;
  const base = {
    laCode: '999',
    caseId: overrides.caseId ?? `C-${String(counter).padStart(3, '0')}`,
    settingUrn: '900001',
    childFirstName: 'Leo',
    key: 'invite_by' as const,
    date: '2026-03-02' as PlainDate,
    rule: 'INVITE_NOTICE' as const,
    threshold: 'before-7' as const,
    reachedOn: '2026-02-23' as PlainDate,
    overdue: false,
    actor: 'senco' as WarningActor,
    ...overrides,
  };
  return { ...base, dedupeKey: dedupeKeyOf(base.laCode, base.caseId, base.key, base.date, base.threshold) };
}

export interface BenchOptions {
  readonly people?: (warning: Warning) => CasePeople;
  readonly channels?: readonly LinkedChannel[];
  readonly muted?: ReadonlySet<string>;
  readonly start?: string;
}

/** The notices and references over a fresh database, the Bot Connector stand-in, and a dispatcher factory. */
export async function noticeBench(db: StoreDatabase, options: BenchOptions = {}) {
  const clock = virtualClock(options.start ?? '2026-02-23T07:00:00.000Z');
  const connector = await new BotConnectorStandIn({ now: clock.ms }).start();
  const notices = await CosmosNotices.open(db.database);
  const references = await ConversationReferences.open(db.database);
  const channels = options.channels ?? [];
  const at = clock.now().toISOString();
  /** Gives `who` a personal chat with the bot, as their install would. */
  const installFor = async (who: Identity) => {
    const conversationId = `a:chat-${who.objectId}`;
    connector.conversations.add(conversationId);
    await references.put(
      {
        kind: 'personal',
        serviceUrl: connector.url,
        channelId: 'msteams',
        tenantId: TENANT,
        botId: BOT,
        conversationId,
        userKey: identityKey(who),
      },
      at,
    );
    return conversationId;
  };
  for (const channel of channels) {
    connector.channels.set(channel.conversationId, { teamId: channel.conversationId });
    await references.put(
      {
        kind: 'channel',
        serviceUrl: connector.url,
        channelId: 'msteams',
        tenantId: TENANT,
        botId: BOT,
        conversationId: channel.conversationId,
        teamId: channel.conversationId,
      },
      at,
    );
  }
  const log = memoryLog();
  const dispatcher = (overrides: Partial<NoticeDispatcherOptions> & { sender?: ProactiveSender } = {}) =>
    new NoticeDispatcher({
      notices,
      references,
      sender: new BotConnectorSender({ timeoutMs: 2_000, now: clock.now }),
      people: async (warning) => options.people?.(warning) ?? { sencos: [] },
      linkedChannels: async () => channels,
      isMuted: async (userKey, laCode, caseId) =>
        options.muted?.has(`${userKey}|${laCode}|${caseId}`) ?? false,
      listingsOf: async () => [],
      linkName: (link: ChannelLink) =>
        link.kind === 'setting' ? `setting ${link.settingUrn}` : `LA ${link.laCode}`,
      tabUrl: 'https://hub.example/tab/',
      holder: 'instance-a',
      now: clock.now,
      wait: clock.wait,
      random: () => 0.5,
      log,
      ...overrides,
    });
  /** Runs the dispatcher until nothing is waiting, moving the clock to each next due time. */
  const drain = async (instance: NoticeDispatcher, maxRuns = 500) => {
    let runs = 0;
    for (; runs < maxRuns; runs += 1) {
      await instance.runOnce();
      const next = await nextDue();
      if (next === undefined) break;
      if (next > clock.ms()) clock.set(next);
    }
    return runs;
  };
  const nextDue = async (): Promise<number | undefined> => {
    const far = new Date(clock.ms() + 365 * 86_400_000).toISOString();
    const due = [
      ...(await notices.dueStored('warning', far, 1)),
      ...(await notices.dueStored('digest', far, 1)),
    ].map((s) => Date.parse(s.document.dueAt ?? far));
    return due.length === 0 ? undefined : Math.min(...due);
  };
  return { clock, connector, notices, references, dispatcher, drain, installFor, log };
}
