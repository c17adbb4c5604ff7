/**
 * The composition root: reads the configuration, builds the adapters (store, directory, bot, HTTP
 * server) and starts. The only file that knows every adapter (DESIGN.md section 4).
 *
 * `node bot/src/main.ts` (or `npm start`, which also starts the Agents Playground).
 */

import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { DefaultAzureCredential } from '@azure/identity';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { ArrangeDeps } from './api/arrange-routes.ts';
import type { SsoCheck } from './api/authenticate.ts';
import { apiRoutes } from './api/routes.ts';
import type { AttachmentStore } from './attachments/attachment-store.ts';
import { BlobAttachmentStore } from './attachments/blob-attachment-store.ts';
import { englandBankHolidays } from './calendar/bank-holidays.ts';
import type { Calendar } from './calendar/calendar.ts';
import { GraphCalendar } from './calendar/graph-calendar.ts';
import { IcsCalendar, icsFileName } from './calendar/ics-calendar.ts';
import { PERSONAL_HOW_TO_CHANGE } from './cards/warning-card.ts';
import { type Config, ConfigError, ENTRA_AUTHORITY, loadConfig } from './config.ts';
import { demoLinkName } from './demo/demo-links.ts';
import { DEMO_TEAM } from './demo/demo-team.ts';
import { DEMO_TENANT_ID, DEMO_USERS, demoSignInUrl } from './demo/demo-users.ts';
import { DEMO_LA, demoPolicyFor, demoSettingName } from './demo/northshire.ts';
import { seedDemoData } from './demo/seed.ts';
import { casePeople, peopleOfDirectory, peopleOfUsers } from './identity/case-people.ts';
import {
  CHANNEL_CLOCK_SKEW_SECONDS,
  type ChannelActivity,
  verifyChannelToken,
  vouchesForServiceUrl,
} from './identity/channel-token.ts';
import { laDirectory } from './identity/la-directory.ts';
import { openIdKeys } from './identity/openid-keys.ts';
import { SSO_CLOCK_SKEW_SECONDS, SSO_SCOPE } from './identity/sso-token.ts';
import { staticDirectory } from './identity/static-directory.ts';
import type { DirectoryUser, UserDirectory } from './identity/user-directory.ts';
import { adviceCardSender } from './jobs/advice-card-sender.ts';
import { DeadlineSweep, type SweepReport } from './jobs/deadline-sweep.ts';
import { NoticeDispatcher, type NoticeReport } from './jobs/notice-dispatcher.ts';
import { type DispatchReport, OutboxDispatcher } from './jobs/outbox-dispatcher.ts';
import type { LinkedChannel } from './review/delivery/recipients.ts';
import type { ChannelLink } from './review/digest.ts';
import { isCalendarEffect } from './review/outbox.ts';
import { londonDate } from './review/plain-date.ts';
import { type LaPolicy, STATUTORY_DEFAULTS } from './review/policy.ts';
import { createHttpServer } from './server/http-server.ts';
import { consoleLog, describeError, type Log, routeConsoleTo } from './server/log.ts';
import type { ReplyTargetRule } from './server/reply-targets.ts';
import type { StoreDatabase } from './store/database.ts';
import { listingsInLink } from './store/link-listings.ts';
import { openStores, type Stores, storesOver } from './store/open-stores.ts';
import { type ChannelCheck, createBotAdapter, processTurn } from './teams/bot-adapter.ts';
import { BotConnectorSender } from './teams/bot-connector-sender.ts';
import type { CardActionTable } from './teams/card-actions.ts';
import type { ProactiveSender } from './teams/proactive.ts';
import { ReviewBot } from './teams/review-bot.ts';

export interface StartOverrides {
  /** An opened database to use instead of the configured store (tests: a fresh local server). */
  readonly database?: StoreDatabase;
  readonly now?: () => Date;
  readonly directory?: UserDirectory;
  readonly log?: Log;
  /** A calendar to use instead of the configured one (tests: the Graph stand-in). */
  readonly calendar?: Calendar;
  /** The bot's card actions instead of its own table (tests of the invoke router). */
  readonly cardActions?: CardActionTable;
  /** How proactive messages are sent instead of botbuilder's connector (none in use: tests point that at a stand-in). */
  readonly sender?: ProactiveSender;
  /** The linked channels (the channel links store, issue 13); local mode's default is the demo team's channel. */
  readonly linkedChannels?: () => Promise<readonly LinkedChannel[]>;
  /** Whether a user muted a case's warnings for themself (the mutes store, issue 13). */
  readonly isMuted?: (userKey: string, laCode: string, caseId: string) => Promise<boolean>;
  /** Where documents' bytes go instead of the configured store. */
  readonly attachments?: AttachmentStore;
}

export interface RunningApp {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The routes the server answers (restify's paths, `:param`), for diagnostics and the OpenAPI test. */
  readonly routes: readonly { readonly method: string; readonly path: string }[];
  /** Runs the outbox dispatcher once now (it also runs on its own): for tests and diagnostics. */
  dispatchNow(): Promise<DispatchReport>;
  /** Runs the deadline sweep once now (it also runs daily at `deadlineSweepAt`). */
  sweepNow(): Promise<SweepReport>;
  /** Delivers the recorded warnings and digests now (it also runs on its own, and after each sweep). */
  deliverNow(): Promise<NoticeReport>;
  /** Stops taking requests, then closes the store (saving the local snapshot). */
  close(): Promise<void>;
}

/** Starts the server for `config`; resolves once it is listening. */
export async function startApp(config: Config, overrides: StartOverrides = {}): Promise<RunningApp> {
  const log = overrides.log ?? consoleLog();
  const policyFor = config.mode === 'local' ? demoPolicyFor : () => STATUTORY_DEFAULTS;
  const opened = overrides.database
    ? {
        ...(await storesOver(overrides.database, { policyFor })),
        description: 'a database opened by the caller',
        close: async () => {},
      }
    : await openStores({ ...config.store, databaseId: config.databaseId }, { policyFor });
  log.info(`store: ${opened.description}`);
  try {
    return await serve(config, opened, { ...overrides, log, policyFor });
  } catch (error) {
    await opened.close();
    throw error;
  }
}

async function serve(
  config: Config,
  opened: Stores & { close(): Promise<void> },
  overrides: StartOverrides & { log: Log; policyFor: (laCode: string) => LaPolicy },
): Promise<RunningApp> {
  const { log } = overrides;
  const now = overrides.now ?? (() => new Date());
  const local = config.mode === 'local';
  const { cases: store, listings, people, audit } = opened;
  // Azure mode: the directory the LA runs, unless a test gives its own; local mode: the demo users.
  const laRun =
    !local && !overrides.directory ? laDirectory({ records: opened.directory, audit, now }) : undefined;
  const directory = overrides.directory ?? laRun ?? staticDirectory(DEMO_USERS);
  if (laRun) await laRun.seedFirstAdmins(config.firstAdmins);

  if (local) {
    log.info(
      `LOCAL MODE: fictional demo data only (${DEMO_LA.name}, LA ${DEMO_LA.code}); no sign-in, ` +
        'anyone on this machine can act as any demo user. Not for real data.',
    );
    const seeded = await seedDemoData({
      store,
      audit,
      advice: opened.advice,
      channelLinks: opened.channelLinks,
      today: londonDate(now()),
      now,
    });
    log.info(
      seeded.seeded ? 'demo data loaded' : 'demo data already present (delete .data/ to load it afresh)',
      {
        cases: seeded.seeded ? seeded.created : undefined,
      },
    );
  }

  const caseload = {
    store,
    listings,
    people,
    audit,
    policyFor: overrides.policyFor,
    settingName: local ? demoSettingName : () => undefined,
    now,
    log,
  };
  const calendar = overrides.calendar ?? calendarFor(config, now);
  const instanceName = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const peopleOfLa = laRun ? peopleOfDirectory(opened.directory) : peopleOfUsers(await directory.list());
  const sender = overrides.sender ?? new BotConnectorSender(config.bot ? { credentials: config.bot } : {});
  const dispatcher = new OutboxDispatcher({
    queue: opened.outbox,
    store,
    calendar,
    // A request's advice card, into the personal chat of whoever it asks (issue 9).
    cards: adviceCardSender({
      references: opened.conversations,
      sender,
      peopleOfLa,
      advice: { store: opened.advice },
      policyFor: overrides.policyFor,
      now,
    }),
    holder: instanceName,
    now,
    log,
  });
  dispatcher.start(DISPATCH_INTERVAL_MS);
  const notices = new NoticeDispatcher({
    notices: opened.notices,
    references: opened.conversations,
    sender,
    people: casePeople(peopleOfLa, store),
    linkedChannels: overrides.linkedChannels ?? (() => opened.channelLinks.linkedChannels()),
    isMuted:
      overrides.isMuted ?? ((userKey, laCode, caseId) => opened.mutes.isMuted(userKey, laCode, caseId)),
    listingsOf: listingsInLink(listings),
    linkName: local ? demoLinkName : linkNameOf,
    tabUrl: config.publicUrl,
    howToChange: { personal: PERSONAL_HOW_TO_CHANGE },
    holder: instanceName,
    now,
    log,
  });
  notices.start(DISPATCH_INTERVAL_MS);
  const sweep = new DeadlineSweep({
    listings: opened.dueListings,
    notices: opened.notices,
    holder: instanceName,
    now,
    warningPolicies: () => opened.laConfig.warningPolicies(),
    onRecorded: () => notices.kick(),
    log,
  });
  sweep.start(config.deadlineSweepAt);
  const commands: ArrangeDeps = {
    caseload,
    bankHolidayOf: englandBankHolidays(),
    effectsQueued: () => dispatcher.kick(),
    ...(calendar instanceof IcsCalendar ? { invitationFile: localInvitationFile(calendar) } : {}),
  };
  const attachments = overrides.attachments ?? attachmentStoreFor(config);
  if (!attachments) log.info('attachments off: no BLOB_ENDPOINT or BLOB_CONNECTION_STRING');
  const sso = ssoCheck(config);
  const channel = channelCheck(config);
  const adapter = createBotAdapter(config.bot, log, channel?.check);
  const bot = new ReviewBot({
    directory,
    caseload,
    tabUrl: config.publicUrl,
    ...(local ? { tabUrlFor: (user: DirectoryUser) => demoSignInUrl(config.publicUrl, user.id) } : {}),
    log,
    arrange: { bankHolidayOf: commands.bankHolidayOf, effectsQueued: () => dispatcher.kick() },
    advice: { store: opened.advice },
    warningPolicies: () => opened.laConfig.warningPolicies(),
    allocation: { advice: { store: opened.advice }, effectsQueued: () => dispatcher.kick() },
    ...(overrides.cardActions ? { cardActions: overrides.cardActions } : {}),
    references: { references: opened.conversations, now },
  });
  const server = createHttpServer({
    mode: config.mode,
    routes: apiRoutes({
      mode: config.mode,
      directory,
      caseload,
      commands,
      contribute: {
        caseload,
        advice: opened.advice,
        effectsQueued: () => dispatcher.kick(),
        ...(attachments ? { attachments } : {}),
      },
      ...(sso ? { sso } : {}),
      ...(laRun ? { laDirectory: laRun } : {}),
      channels: {
        deps: {
          links: opened.channelLinks,
          audit,
          now,
          settingName: caseload.settingName,
          laName: (laCode) => (local && laCode === DEMO_LA.code ? DEMO_LA.name : undefined),
        },
        ...(local ? { localTeams: [localTeam()] } : {}),
      },
      warnings: {
        mutes: { caseload, mutes: opened.mutes },
        runDeadlineCheck: () => sweep.runOnce(),
        laConfig: opened.laConfig,
      },
      signInSettings: config.sso
        ? {
            mode: 'azure',
            clientId: config.sso.clientId,
            scope: `${config.sso.audiences[1] ?? `api://${config.sso.clientId}`}/${SSO_SCOPE}`,
            authority: ENTRA_AUTHORITY,
          }
        : { mode: 'local' },
    }),
    bot: (activity, authorization) =>
      processTurn(adapter, activity, authorization, (context) => bot.run(context), {
        timeoutMs: config.http.botTurnTimeoutMs,
        log,
      }),
    tabDir: config.tabDir,
    log,
    limits: config.http,
    ...(channel ? { checkChannel: channel.check, replyTargets: channel.replyTargets } : {}),
  });
  const http = server.node;
  const port = await listen(http, config.port, config.host);
  const url = `http://127.0.0.1:${port}`;
  log.info('listening', { url, mode: config.mode });
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    routes: server.routes,
    dispatchNow: () => dispatcher.runOnce(),
    sweepNow: () => sweep.runOnce(),
    deliverNow: () => notices.runOnce(),
    close: () => {
      closing ??= (async () => {
        await stop(http);
        await dispatcher.stop();
        await sweep.stop();
        await notices.stop();
        await opened.close();
      })();
      return closing;
    },
  };
}

/** The demo team, as the channel configuration page offers it in a plain browser. */
function localTeam() {
  const { teamId, name, channel } = DEMO_TEAM;
  return { teamId, name, tenantId: DEMO_TENANT_ID, channel: { id: channel.id, name: channel.name } };
}

/** What a digest calls a link in azure mode, until the links store gives names. */
function linkNameOf(link: ChannelLink): string {
  return link.kind === 'setting' ? `setting ${link.settingUrn}` : `LA ${link.laCode}`;
}

/** How often the dispatcher looks for work besides being told of it: retries, and work another instance left. */
const DISPATCH_INTERVAL_MS = 5_000;

/** Blob Storage for documents: the managed identity for an account, or Azurite's connection string. */
function attachmentStoreFor(config: Config): AttachmentStore | undefined {
  const settings = config.attachments;
  if (!settings) return undefined;
  return new BlobAttachmentStore(
    settings,
    settings.kind === 'account' ? new DefaultAzureCredential() : undefined,
  );
}

/** Azure mode's check of the tab's tokens, from the configuration. */
function ssoCheck(config: Config): SsoCheck | undefined {
  if (!config.sso) return undefined;
  return {
    keys: openIdKeys({ metadataUrl: config.sso.openIdMetadataUrl, timeoutMs: config.identityFetchTimeoutMs }),
    rules: {
      audiences: config.sso.audiences,
      allowedTenants: new Set(config.sso.allowedTenants),
      scope: SSO_SCOPE,
      clockSkewSeconds: SSO_CLOCK_SKEW_SECONDS,
    },
  };
}

/**
 * Azure mode's check of the Bot Framework's token on every activity, and the rule for where the bot
 * may reply (server/reply-targets.ts): where the same token vouches for.
 */
function channelCheck(config: Config): { check: ChannelCheck; replyTargets: ReplyTargetRule } | undefined {
  const bot = config.bot;
  if (config.mode !== 'azure' || !bot) return undefined;
  const keys = openIdKeys({ metadataUrl: bot.openIdMetadataUrl, timeoutMs: config.identityFetchTimeoutMs });
  const rules = {
    appId: bot.appId,
    clockSkewSeconds: CHANNEL_CLOCK_SKEW_SECONDS,
    allowedTenants: new Set(config.sso?.allowedTenants ?? []),
  };
  return {
    check: (authorization: string | undefined, activity: ChannelActivity) =>
      verifyChannelToken(authorization, activity, keys, rules),
    replyTargets: ({ serviceUrl, authorization }) =>
      vouchesForServiceUrl(authorization, serviceUrl, keys, rules),
  };
}

/**
 * Microsoft Graph in azure mode, with the app's own identity (managed identity in App Service), or the
 * local calendar outbox of .ics files.
 *
 * @remarks Graph needs the application permission Calendars.ReadWrite, scoped to the organisers'
 * mailboxes with Exchange RBAC for Applications (docs/deploy.md).
 */
function calendarFor(config: Config, now: () => Date): Calendar {
  if (config.calendar.kind === 'local') {
    return new IcsCalendar({ dir: config.calendar.dir, publicUrl: config.publicUrl, now });
  }
  const authProvider = new TokenCredentialAuthenticationProvider(new DefaultAzureCredential(), {
    scopes: ['https://graph.microsoft.com/.default'],
  });
  return new GraphCalendar({
    baseUrl: config.calendar.baseUrl,
    authProvider,
    publicUrl: config.publicUrl,
    now,
  });
}

/** The .ics file the local calendar wrote for a sent invitation of the file's review. */
function localInvitationFile(calendar: IcsCalendar): NonNullable<ArrangeDeps['invitationFile']> {
  return async (file, invitationId) => {
    const entry = file.outbox?.find((e) => e.effect.id === invitationId && e.state === 'done');
    if (!entry || !isCalendarEffect(entry.effect)) return undefined;
    const name = icsFileName(entry.effect.invitation, entry.effect.kind === 'cancel' ? 'CANCEL' : 'REQUEST');
    const text = await calendar.read(name);
    return text === undefined ? undefined : { name, text };
  };
}

/** Listens on `port`; a port in use is said plainly (another `npm start` is the usual reason). */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error & { code?: string }) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} is in use: is the server already running? Stop it, or set PORT to another port.`,
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function main(): Promise<void> {
  const log = consoleLog();
  // botbuilder prints whole errors, activity included, with console.error: one short line instead.
  routeConsoleTo(log);
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const app = await startApp(config, { log });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('stop failed', describeError(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    consoleLog().error('the server could not start', describeError(error));
    process.exit(1);
  });
}
