import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorBody } from '../../bot/src/api/http-errors.ts';
import { loadConfig } from '../../bot/src/config.ts';
import { DEMO_USERS } from '../../bot/src/demo/demo-users.ts';
import { staticDirectory } from '../../bot/src/identity/static-directory.ts';
import type { DirectoryUser, UserDirectory } from '../../bot/src/identity/user-directory.ts';
import { type RunningApp, startApp } from '../../bot/src/main.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import type { CardActionTable } from '../../bot/src/teams/card-actions.ts';
import { startTestCosmos, type TestCosmos } from './cosmos.ts';

/** The demo data is built relative to today; a fixed instant keeps every run the same. */
export const TEST_NOW = new Date('2026-11-23T10:00:00Z');
export const TEST_TODAY = '2026-11-23';

export interface TestApp {
  readonly app: RunningApp;
  readonly cosmos: TestCosmos;
  readonly log: ReturnType<typeof memoryLog>;
  readonly tabDir: string;
  /** GET `path` as the demo user `userId` (no header without one). */
  get(path: string, userId?: string): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** POST `body` as JSON to `path` as the demo user `userId`. */
  post(
    path: string,
    body: unknown,
    userId?: string,
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
  teardown(): Promise<void>;
}

export interface TestAppOptions {
  /** Users besides the five demo users. */
  readonly extraUsers?: readonly DirectoryUser[];
  readonly env?: Readonly<Record<string, string>>;
  /** A built tab in a temporary folder (default), or none. */
  readonly tab?: 'built' | 'missing';
  /** The bot's card actions instead of its own table. */
  readonly cardActions?: CardActionTable;
}

/**
 * The real server, in this process, on a free port: local mode with the demo users and the demo data
 * on a fresh `@vercel/cosmosdb-server`, and a stand-in build of the tab.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const tabDir = await mkdtemp(join(tmpdir(), 'ehc-tab-'));
  if ((options.tab ?? 'built') === 'built') {
    await mkdir(join(tabDir, 'assets'));
    await writeFile(
      join(tabDir, 'index.html'),
      '<!doctype html><title>EHC Review Hub</title><div id="root"></div>',
    );
    await writeFile(join(tabDir, 'assets', 'app-1234abcd.js'), 'console.log("tab");');
  }
  const cosmos = await startTestCosmos();
  const log = memoryLog();
  try {
    const config = loadConfig({
      MODE: 'local',
      PORT: '0',
      TAB_DIR: tabDir,
      EHC_DATA_DIR: join(tabDir, 'data'),
      ...options.env,
    });
    const app = await startApp(config, {
      database: cosmos.db,
      log,
      now: () => TEST_NOW,
      directory: staticDirectory([...DEMO_USERS, ...(options.extraUsers ?? [])]),
      ...(options.cardActions ? { cardActions: options.cardActions } : {}),
    });
    return {
      app,
      cosmos,
      log,
      tabDir,
      get: (path, userId) =>
        request(`${app.url}${path}`, { headers: userId ? { 'X-Ehc-User': userId } : {} }),
      post: (path, body, userId) =>
        request(`${app.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(userId ? { 'X-Ehc-User': userId } : {}) },
          body: JSON.stringify(body),
        }),
      async teardown() {
        await app.close();
        await cosmos.teardown();
        await rm(tabDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await cosmos.teardown();
    throw error;
  }
}

/** The settings of azure mode for a server over `cosmos`, with the identity endpoints of the tests. */
export function azureEnv(
  cosmos: TestCosmos,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    MODE: 'azure',
    PORT: '0',
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    MICROSOFT_APP_TYPE: 'MultiTenant',
    AAD_APP_CLIENT_ID: '6a9b8c7d-1e2f-4a3b-9c8d-7e6f5a4b3c2d',
    AAD_APP_ID_URI: 'api://reviews.example.org/6a9b8c7d-1e2f-4a3b-9c8d-7e6f5a4b3c2d',
    SSO_ALLOWED_TENANTS: '3f7a2c1e-0b4d-4e8a-9c6f-1a2b3c4d5e6f,8e1d4b7a-2c3f-4a5b-8d9e-0f1a2b3c4d5e',
    // Nothing listens on port 9 of loopback: a test that needs the keys names its own issuer.
    SSO_OPENID_METADATA_URL: 'http://127.0.0.1:9/.well-known/openid-configuration',
    BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/.well-known/openid-configuration',
    ...overrides,
  };
}

/** A JSON answer of the API: a body of some route, or an error body. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: Record<string, unknown> & { readonly error?: ErrorBody['error'] };
}

export interface AzureTestApp {
  readonly app: RunningApp;
  readonly cosmos: TestCosmos;
  readonly log: ReturnType<typeof memoryLog>;
  /** GET `path` with `Authorization: Bearer <token>` (no header without one), JSON parsed. */
  get(path: string, token?: string, headers?: Record<string, string>): Promise<JsonAnswer>;
  /** `method` `path` with the token and a JSON body; an empty answer's body is `{}`. */
  send(method: 'PUT' | 'DELETE', path: string, token: string, body?: unknown): Promise<JsonAnswer>;
  teardown(): Promise<void>;
}

/** The real server in azure mode over a fresh local Cosmos server, with the directory the test gives. */
export async function startAzureTestApp(
  options: { readonly env?: Readonly<Record<string, string>>; readonly directory?: UserDirectory } = {},
): Promise<AzureTestApp> {
  const cosmos = await startTestCosmos();
  const log = memoryLog();
  try {
    const config = loadConfig(azureEnv(cosmos, options.env));
    const app = await startApp(config, {
      database: cosmos.db,
      log,
      now: () => TEST_NOW,
      ...(options.directory ? { directory: options.directory } : {}),
    });
    return {
      app,
      cosmos,
      log,
      async get(path, token, headers = {}) {
        const response = await fetch(`${app.url}${path}`, {
          headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        });
        return { status: response.status, body: (await response.json()) as JsonAnswer['body'] };
      },
      async send(method, path, token, body) {
        const response = await fetch(`${app.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        return { status: response.status, body: (text ? JSON.parse(text) : {}) as JsonAnswer['body'] };
      },
      async teardown() {
        await app.close();
        await cosmos.teardown();
      },
    };
  } catch (error) {
    await cosmos.teardown();
    throw error;
  }
}

async function request(
  url: string,
  init: RequestInit,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (the tab's page, an .ics file): the text.
  }
  return { status: response.status, body, headers: response.headers };
}
