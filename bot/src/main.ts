/**
 * The composition root: reads the configuration, builds the adapters (store, directory, bot, HTTP
 * server) and starts. The only file that knows every adapter (DESIGN.md section 4).
 *
 * `node bot/src/main.ts` (or `npm start`, which also starts the Agents Playground).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'botbuilder';
import type restify from 'restify';
import type { SsoCheck } from './api/authenticate.ts';
import { apiRoutes } from './api/routes.ts';
import { type Config, ConfigError, ENTRA_AUTHORITY, loadConfig } from './config.ts';
import { DEMO_USERS } from './demo/demo-users.ts';
import { DEMO_LA, demoPolicyFor, demoSettingName } from './demo/northshire.ts';
import { seedDemoData } from './demo/seed.ts';
import {
  CHANNEL_CLOCK_SKEW_SECONDS,
  type ChannelActivity,
  verifyChannelToken,
} from './identity/channel-token.ts';
import { laDirectory } from './identity/la-directory.ts';
import { openIdKeys } from './identity/openid-keys.ts';
import { SSO_CLOCK_SKEW_SECONDS, SSO_SCOPE } from './identity/sso-token.ts';
import { staticDirectory } from './identity/static-directory.ts';
import type { UserDirectory } from './identity/user-directory.ts';
import { londonDate } from './review/plain-date.ts';
import { STATUTORY_DEFAULTS } from './review/policy.ts';
import { createHttpServer, registeredRoutes } from './server/http-server.ts';
import { consoleLog, describeError, type Log } from './server/log.ts';
import type { StoreDatabase } from './store/database.ts';
import { openStores, type Stores, storesOver } from './store/open-stores.ts';
import { type ChannelCheck, createBotAdapter } from './teams/bot-adapter.ts';
import { ReviewBot } from './teams/review-bot.ts';

export interface StartOverrides {
  /** An opened database to use instead of the configured store (tests: a fresh local server). */
  readonly database?: StoreDatabase;
  readonly now?: () => Date;
  readonly directory?: UserDirectory;
  readonly log?: Log;
}

export interface RunningApp {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The routes the server answers (restify's paths, `:param`), for diagnostics and the OpenAPI test. */
  readonly routes: readonly { readonly method: string; readonly path: string }[];
  /** Stops taking requests, then closes the store (saving the local snapshot). */
  close(): Promise<void>;
}

/** Starts the server for `config`; resolves once it is listening. */
export async function startApp(config: Config, overrides: StartOverrides = {}): Promise<RunningApp> {
  const log = overrides.log ?? consoleLog();
  const opened = overrides.database
    ? {
        ...(await storesOver(overrides.database)),
        description: 'a database opened by the caller',
        close: async () => {},
      }
    : await openStores({ ...config.store, databaseId: config.databaseId });
  log.info(`store: ${opened.description}`);
  try {
    return await serve(config, opened, { ...overrides, log });
  } catch (error) {
    await opened.close();
    throw error;
  }
}

async function serve(
  config: Config,
  opened: Stores & { close(): Promise<void> },
  overrides: StartOverrides & { log: Log },
): Promise<RunningApp> {
  const { log } = overrides;
  const now = overrides.now ?? (() => new Date());
  const local = config.mode === 'local';
  const { cases: store, people, audit } = opened;
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
    const seeded = await seedDemoData({ store, audit, today: londonDate(now()), now });
    log.info(
      seeded.seeded ? 'demo data loaded' : 'demo data already present (delete .data/ to load it afresh)',
      {
        cases: seeded.seeded ? seeded.created : undefined,
      },
    );
  }

  const caseload = {
    store,
    people,
    audit,
    policyFor: local ? demoPolicyFor : () => STATUTORY_DEFAULTS,
    settingName: local ? demoSettingName : () => undefined,
    now,
  };
  const sso = ssoCheck(config);
  const checkChannel = channelCheck(config);
  const adapter = createBotAdapter(config.bot, log, checkChannel);
  const bot = new ReviewBot({ directory, caseload, tabUrl: config.publicUrl, log });
  const server = createHttpServer({
    mode: config.mode,
    routes: apiRoutes({
      mode: config.mode,
      directory,
      caseload,
      ...(sso ? { sso } : {}),
      ...(laRun ? { laDirectory: laRun } : {}),
      signInSettings: config.sso
        ? {
            mode: 'azure',
            clientId: config.sso.clientId,
            scope: `${config.sso.audiences[1] ?? `api://${config.sso.clientId}`}/${SSO_SCOPE}`,
            authority: ENTRA_AUTHORITY,
          }
        : { mode: 'local' },
    }),
    bot: (request, response) =>
      adapter.process(request as unknown as Request, response as unknown as Response, (context) =>
        bot.run(context),
      ),
    ...(checkChannel ? { checkChannel } : {}),
    tabDir: config.tabDir,
    log,
  });
  const port = await listen(server, config.port, config.host);
  // restify wraps a Node HTTP server; closing goes to it directly, to end keep-alive connections too.
  const http = server.server;
  const url = `http://127.0.0.1:${port}`;
  log.info('listening', { url, mode: config.mode });
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    routes: registeredRoutes(server),
    close: () => {
      closing ??= (async () => {
        await stop(http);
        await opened.close();
      })();
      return closing;
    },
  };
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

/** Azure mode's check of the Bot Framework's token on every activity. */
function channelCheck(config: Config): ChannelCheck | undefined {
  const bot = config.bot;
  if (config.mode !== 'azure' || !bot) return undefined;
  const keys = openIdKeys({ metadataUrl: bot.openIdMetadataUrl, timeoutMs: config.identityFetchTimeoutMs });
  const rules = {
    appId: bot.appId,
    clockSkewSeconds: CHANNEL_CLOCK_SKEW_SECONDS,
    allowedTenants: new Set(config.sso?.allowedTenants ?? []),
  };
  return (authorization: string | undefined, activity: ChannelActivity) =>
    verifyChannelToken(authorization, activity, keys, rules);
}

/** Listens on `port`; a port in use is said plainly (another `npm start` is the usual reason). */
function listen(server: restify.Server, port: number, host: string): Promise<number> {
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
