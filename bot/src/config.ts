import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { BlobSettings } from './attachments/blob-attachment-store.ts';
import type { Problem } from './review/errors.ts';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './server/http-limits.ts';

/** The repository's root: defaults are relative to it, so the server finds them from any directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bot's Entra ID app registration (azure mode); absent in local mode. */
export interface BotCredentials {
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId?: string;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** The Bot Framework's OpenID metadata: where the channel's signing keys are published. */
  readonly openIdMetadataUrl: string;
}

/** How the tab's Teams SSO (and MSAL) tokens are checked (azure mode). */
export interface SsoSettings {
  /** The tab's app registration. */
  readonly clientId: string;
  /** The tokens' accepted `aud`: the client id and the App ID URI. */
  readonly audiences: readonly string[];
  /** Lower-case tenant ids whose users may sign in: the LA's and its schools'. */
  readonly allowedTenants: readonly string[];
  readonly openIdMetadataUrl: string;
}

/** An LA admin named at deploy time: the first person who may manage the LA's directory. */
export interface FirstAdmin {
  readonly laCode: string;
  readonly email: string;
}

/** Entra ID's metadata for tokens of any organisation's tenant (its issuer is a `{tenantid}` template). */
export const ENTRA_METADATA_URL =
  'https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration';
/** Where the tab signs in with MSAL outside Teams: Entra ID, for accounts of any organisation. */
export const ENTRA_AUTHORITY = 'https://login.microsoftonline.com/organizations';
export const BOT_FRAMEWORK_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

export interface Config {
  readonly mode: 'local' | 'azure';
  /** 0 picks a free port (tests). */
  readonly port: number;
  /**
   * The address to listen on: loopback in local mode, where the API trusts a header for who the user
   * is and so must not be reachable from the network; every interface in azure mode (App Service).
   */
  readonly host: string;
  /** The built tab (Vite's output). */
  readonly tabDir: string;
  /** Where people open the tab, for the bot card's button. */
  readonly publicUrl: string;
  readonly databaseId: string;
  readonly store:
    | { readonly kind: 'local'; readonly port: number; readonly dataDir: string }
    | {
        readonly kind: 'azure';
        readonly endpoint: string;
        /** The account key; without it the app's managed identity (Entra ID) is used, as in App Service. */
        readonly key?: string;
      };
  readonly bot?: BotCredentials;
  /** Azure mode only. */
  readonly sso?: SsoSettings;
  /** The longest any fetch of an issuer's metadata or keys may take. */
  readonly identityFetchTimeoutMs: number;
  /** Azure mode: the first LA admins (`LA_ADMINS`). */
  readonly firstAdmins: readonly FirstAdmin[];
  /** When the daily deadline sweep runs, `HH:MM` Europe/London (`DEADLINE_SWEEP_AT`, default 06:30). */
  readonly deadlineSweepAt: string;
  /**
   * Where meeting invitations go: Microsoft Graph in azure mode (`GRAPH_BASE_URL`, default
   * https://graph.microsoft.com), the local calendar outbox of .ics files in local mode.
   */
  readonly calendar:
    | { readonly kind: 'local'; readonly dir: string }
    | { readonly kind: 'graph'; readonly baseUrl: string };
  /** Timeouts and the connection cap of the HTTP server (server/http-limits.ts). */
  readonly http: HttpLimits;
  /**
   * Where documents' bytes are: the storage account (`BLOB_ENDPOINT`, with the managed identity) in
   * azure mode; Azurite (`BLOB_CONNECTION_STRING`, which `npm start` sets) locally. Without either,
   * no document can be attached and the upload routes are absent.
   */
  readonly attachments?: BlobSettings;
}

export class ConfigError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(
      `The server's settings are not valid:\n${problems.map((p) => `  ${p.where}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be 0 to 65535' })
    .max(65535, { error: 'must be 0 to 65535' })
    .default(fallback);

const milliseconds = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(3_600_000, { error: 'must be at most 3600000 (an hour)' })
    .default(fallback);

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/**
 * The environment the server reads. The names the import command uses (COSMOS_*, LOCAL_COSMOS_PORT,
 * EHC_DATA_DIR) mean the same here, so `npm run import` lands in the store `npm start` serves.
 */
const EnvSchema = z.object({
  MODE: z.enum(['local', 'azure'], { error: 'must be local or azure' }).default('local'),
  PORT: port(3978),
  HOST: optionalText,
  PUBLIC_URL: z.url({ error: 'must be a URL, e.g. https://reviews.example.org' }).optional(),
  TAB_DIR: optionalText,
  COSMOS_ENDPOINT: z.url({ error: 'must be the URL of a Cosmos DB account' }).optional(),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: optionalText,
  LOCAL_COSMOS_PORT: port(8081),
  EHC_DATA_DIR: optionalText,
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  BOT_OPENID_METADATA_URL: z.url({ error: 'must be the URL of an OpenID metadata document' }).optional(),
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_TENANT_ID: optionalText,
  AAD_APP_ID_URI: optionalText,
  SSO_OPENID_METADATA_URL: z.url({ error: 'must be the URL of an OpenID metadata document' }).optional(),
  SSO_ALLOWED_TENANTS: optionalText,
  IDENTITY_FETCH_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int({ error: 'must be a whole number' })
    .min(50, { error: 'must be 50 to 30000' })
    .max(30_000, { error: 'must be 50 to 30000' })
    .default(3000),
  LA_ADMINS: optionalText,
  GRAPH_BASE_URL: z
    .url({ protocol: /^https$/, error: 'must be an https URL, e.g. https://graph.microsoft.com' })
    .optional(),
  HTTP_HEADERS_TIMEOUT_MS: milliseconds(DEFAULT_HTTP_LIMITS.headersTimeoutMs),
  HTTP_REQUEST_TIMEOUT_MS: milliseconds(DEFAULT_HTTP_LIMITS.requestTimeoutMs),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds(DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs),
  HTTP_MAX_CONNECTIONS: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .default(DEFAULT_HTTP_LIMITS.maxConnections),
  BOT_TURN_TIMEOUT_MS: milliseconds(DEFAULT_HTTP_LIMITS.botTurnTimeoutMs),
  // Before the school day, so the warnings are there when the SENCo opens Teams.
  BLOB_ENDPOINT: z.url({ error: 'must be the URL of a storage account’s blob service' }).optional(),
  BLOB_CONNECTION_STRING: optionalText,
  ATTACHMENTS_CONTAINER: z
    .string()
    .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, { error: 'must be a blob container name' })
    .default('attachments'),
  DEADLINE_SWEEP_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be HH:MM (24-hour, Europe/London), e.g. 06:30' })
    .default('06:30'),
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `SSO_ALLOWED_TENANTS`: tenant ids separated by commas or spaces. */
function tenantList(text: string, problems: Problem[]): string[] {
  const ids = text
    .split(/[\s,]+/)
    .map((id) => id.toLowerCase())
    .filter(Boolean);
  ids.forEach((id, index) => {
    if (!GUID.test(id))
      problems.push({ where: `SSO_ALLOWED_TENANTS[${index}]`, message: 'must be a tenant id (a GUID)' });
  });
  return [...new Set(ids)];
}

/** `LA_ADMINS`: `laCode:email` pairs separated by commas, e.g. `860:ann.officer@staffordshire.gov.uk`. */
function adminList(text: string, problems: Problem[]): FirstAdmin[] {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .flatMap((pair, index) => {
      const match = /^(\d{3}):([^\s@:]+@[^\s@]+\.[^\s@]+)$/.exec(pair);
      if (!match?.[1] || !match[2]) {
        problems.push({
          where: `LA_ADMINS[${index}]`,
          message: 'must be laCode:email, e.g. 860:ann.officer@staffordshire.gov.uk',
        });
        return [];
      }
      return [{ laCode: match[1], email: match[2].toLowerCase() }];
    });
}

/** Loopback addresses: 127.0.0.0/8 and ::1 (an IPv4-mapped 127.x address is checked as IPv4). */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

export const LOCAL_HOST_RULE =
  'must be a loopback address (127.0.0.1, ::1 or localhost) in local mode: local mode has no sign-in, ' +
  'trusts the X-Ehc-User header for who the user is and takes bot messages without a token, so anyone ' +
  'who could reach the server could act as any user. Leave HOST unset, or use MODE=azure.';

/** Whether `host` can only be reached from this machine: a loopback address, or `localhost`. */
export function isLoopback(host: string): boolean {
  const name = host.trim().toLowerCase();
  if (name === 'localhost') return true;
  if (isIPv4(name)) return LOOPBACK.check(name, 'ipv4');
  if (isIPv6(name)) return LOOPBACK.check(name, 'ipv6');
  return false;
}

const LOOPBACK_HOST_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether an HTTP `Host` header names this machine (`localhost`, `127.0.0.1` or `[::1]`) on `port`;
 * without a port only when `port` is 80. The local-mode rule of the server and of the local store.
 */
export function isLoopbackHostHeader(host: string | undefined, port: number | undefined): boolean {
  const match = /^(\[[^\]]*\]|[^:]+)(?::(\d{1,5}))?$/.exec(host?.trim().toLowerCase() ?? '');
  if (!match?.[1] || !LOOPBACK_HOST_NAMES.has(match[1])) return false;
  return match[2] === undefined ? port === 80 : Number(match[2]) === port;
}

/**
 * The server's configuration from `env`, or a ConfigError naming every variable that is wrong.
 *
 * @remarks Local mode needs nothing: it runs the local development store on loopback with its data in
 * `.data/`, and the bot takes activities without a token; since the API then trusts a header for who
 * the user is, it refuses a HOST that is not loopback. Azure mode needs the Cosmos DB account and
 * the bot's app registration, and refuses to start without them rather than fall back to local data.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ where: issue.path.join('.'), message: issue.message })),
    );
  }
  const e = parsed.data;
  const fromRepo = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));
  const fromCwd = (path: string) => resolve(process.cwd(), path);
  const container = e.ATTACHMENTS_CONTAINER;
  const attachments: BlobSettings | undefined = e.BLOB_CONNECTION_STRING
    ? { kind: 'connection-string', connectionString: e.BLOB_CONNECTION_STRING, container }
    : e.BLOB_ENDPOINT
      ? { kind: 'account', url: e.BLOB_ENDPOINT, container }
      : undefined;
  const common = {
    ...(attachments ? { attachments } : {}),
    mode: e.MODE,
    port: e.PORT,
    host: e.HOST ?? (e.MODE === 'local' ? '127.0.0.1' : '0.0.0.0'),
    tabDir: e.TAB_DIR ? fromCwd(e.TAB_DIR) : fromRepo('tab/dist'),
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT || 3978}/`,
    databaseId: e.COSMOS_DATABASE ?? 'ehc-review-hub',
    identityFetchTimeoutMs: e.IDENTITY_FETCH_TIMEOUT_MS,
    firstAdmins: [],
    deadlineSweepAt: e.DEADLINE_SWEEP_AT,
    http: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
      botTurnTimeoutMs: e.BOT_TURN_TIMEOUT_MS,
    },
  };
  if (e.MODE === 'local') {
    if (!isLoopback(common.host)) throw new ConfigError([{ where: 'HOST', message: LOCAL_HOST_RULE }]);
    const dataDir = e.EHC_DATA_DIR ? fromCwd(e.EHC_DATA_DIR) : fromRepo('.data');
    return {
      ...common,
      store: { kind: 'local', port: e.LOCAL_COSMOS_PORT, dataDir },
      calendar: { kind: 'local', dir: resolve(dataDir, 'calendar') },
    };
  }
  const missing: Problem[] = [];
  const need = (name: string, value: string | undefined, why: string): string => {
    if (!value) missing.push({ where: name, message: `required in azure mode: ${why}` });
    return value ?? '';
  };
  const endpoint = need('COSMOS_ENDPOINT', e.COSMOS_ENDPOINT, 'the Cosmos DB account');
  const appId = need('MICROSOFT_APP_ID', e.MICROSOFT_APP_ID, "the bot's Entra ID app registration");
  const appPassword = need('MICROSOFT_APP_PASSWORD', e.MICROSOFT_APP_PASSWORD, "the bot's client secret");
  if (e.MICROSOFT_APP_TYPE === 'SingleTenant')
    need('MICROSOFT_APP_TENANT_ID', e.MICROSOFT_APP_TENANT_ID, 'a single-tenant bot');
  const clientId = need('AAD_APP_CLIENT_ID', e.AAD_APP_CLIENT_ID, "the tab's app registration (Teams SSO)");
  const tenants = e.SSO_ALLOWED_TENANTS ?? e.AAD_APP_TENANT_ID;
  need(
    'SSO_ALLOWED_TENANTS',
    tenants,
    "the tenants whose users may sign in (the LA's and its schools'), or AAD_APP_TENANT_ID for the LA's alone",
  );
  const allowedTenants = tenantList(tenants ?? '', missing);
  const firstAdmins = adminList(e.LA_ADMINS ?? '', missing);
  if (missing.length > 0) throw new ConfigError(missing);
  return {
    ...common,
    store: { kind: 'azure', endpoint, ...(e.COSMOS_KEY ? { key: e.COSMOS_KEY } : {}) },
    calendar: { kind: 'graph', baseUrl: e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com' },
    bot: {
      appId,
      appPassword,
      appType: e.MICROSOFT_APP_TYPE,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL ?? BOT_FRAMEWORK_METADATA_URL,
      ...(e.MICROSOFT_APP_TENANT_ID ? { tenantId: e.MICROSOFT_APP_TENANT_ID } : {}),
    },
    sso: {
      clientId,
      audiences: [clientId, ...(e.AAD_APP_ID_URI ? [e.AAD_APP_ID_URI] : [])],
      allowedTenants,
      openIdMetadataUrl: e.SSO_OPENID_METADATA_URL ?? ENTRA_METADATA_URL,
    },
    firstAdmins,
  };
}
