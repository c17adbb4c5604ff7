import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/src/config.ts';
import { DEMO_USERS } from '../../bot/src/demo/demo-users.ts';
import { staticDirectory } from '../../bot/src/identity/static-directory.ts';
import type { DirectoryUser } from '../../bot/src/identity/user-directory.ts';
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
