/**
 * `npm start`: the server in local mode (fictional demo data) and, once it answers, the Microsoft 365
 * Agents Playground pointed at its bot. Ctrl-C stops both. (`prestart` has built the tab.)
 *
 * Azurite's blob service (npm package `azurite`, in memory) is started first for documents attached
 * to advice, on BLOB_PORT (default 10000), unless BLOB_CONNECTION_STRING names a store already.
 *
 * Environment: PORT (server, default 3978), PLAYGROUND_PORT (default 56150), TEAMSAPPTESTER_BROWSER
 * (default `none`: the Playground opens no browser; unset it by setting a browser name), and everything
 * bot/src/config.ts reads.
 *
 * In the Playground you are Rosa Penhallow (SENCo, Harbour Primary School): send "reviews". There is no
 * user switcher; to write as another demo user, post an activity to the Playground's
 * `POST /_internal/v1/customActivities` with that user's `from.aadObjectId` (.m365agentsplayground.yml),
 * e.g. the body of `GET /_internal/v1/customActivities/template?conversationId=ehc-personal-chat` with
 * `type: "message"`, `text: "reviews"` and `from` changed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LocalBlob, startLocalBlob } from '../bot/src/attachments/local-blob.ts';
import { DEMO_TEAM } from '../bot/src/demo/demo-team.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PORT = Number(process.env.PORT || 3978);
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT || 56150);
const PLAYGROUND_CLI = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const PLAYGROUND_LOG = join(ROOT, 'devTools', 'm365agentsplayground.log');
const HEALTH_TIMEOUT_MS = 120_000;

const BLOB_PORT = Number(process.env.BLOB_PORT || 10000);

const children = new Set<ChildProcess>();
let blob: LocalBlob | undefined;
let stopping = false;

function run(name: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) return;
    void onUnexpectedExit(name, code, signal);
  });
  return child;
}

async function onUnexpectedExit(
  name: string,
  code: number | null,
  signal: NodeJS.Signals | null,
): Promise<void> {
  process.stderr.write(`\n${name} stopped (${signal ?? `exit code ${code}`}).\n`);
  if (name === 'Agents Playground') await explainPlaygroundFailure();
  await stopAll(code || 1);
}

/** The Playground says why it failed (a bad config file, a port in use) only in its log file. */
async function explainPlaygroundFailure(): Promise<void> {
  try {
    const log = await readFile(PLAYGROUND_LOG, 'utf8');
    const reasons = log
      .split('\n')
      .filter((line) => line.startsWith('error '))
      .slice(-3);
    if (reasons.length > 0) process.stderr.write(`From ${PLAYGROUND_LOG}:\n${reasons.join('\n')}\n`);
  } catch {
    // No log: the reason, if any, was printed above.
  }
}

async function stopAll(exitCode: number): Promise<void> {
  stopping = true;
  const exits = [...children].map(
    (child) => new Promise<void>((resolve) => child.once('exit', () => resolve())),
  );
  // SIGINT lets the server save the local store's snapshot before it exits.
  for (const child of children) child.kill('SIGINT');
  await Promise.all(exits);
  await blob?.close();
  process.exit(exitCode);
}

/** Resolves once `url` answers 2xx; rejects if it has not within the time limit. */
async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (stopping) return;
    if (Date.now() > deadline)
      throw new Error(`the server did not answer ${url} within ${HEALTH_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Installs the app in the demo team "Harbour Primary SEND team" of the Playground, as a team owner
 * would in Teams: the Playground sends the bot Teams' `installationUpdate` for the team's General
 * channel, and the bot keeps that channel's conversation reference. The channel is linked to Harbour
 * Primary School by the demo seed, so a deadline check (the tab's "Run the deadline check now", or
 * `npm run sweep`) posts its digest there. A repeat on the next start only replaces the reference.
 */
async function installInDemoTeam(): Promise<void> {
  const playground = `http://127.0.0.1:${PLAYGROUND_PORT}/_internal/v1/customActivities`;
  const query = new URLSearchParams({ conversationId: DEMO_TEAM.channel.id, type: 'install' });
  try {
    const template = await fetch(`${playground}/template?${query}`).then((response) => response.json());
    const response = await fetch(playground, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(template),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    process.stderr.write(
      `The app could not be installed in the Playground's demo team (${error instanceof Error ? error.message : String(error)}): open its General channel in the Playground to install it.\n`,
    );
  }
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  if (!process.env.BLOB_CONNECTION_STRING) blob = await startLocalBlob(BLOB_PORT);
  run('The server', ['bot/src/main.ts'], {
    ...process.env,
    MODE: process.env.MODE ?? 'local',
    PORT: String(PORT),
    ...(blob ? { BLOB_CONNECTION_STRING: blob.connectionString } : {}),
  });
  await waitFor(`http://127.0.0.1:${PORT}/healthz`);
  if (stopping) return;

  run(
    'Agents Playground',
    [
      PLAYGROUND_CLI,
      'start',
      '--app-endpoint',
      `http://127.0.0.1:${PORT}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(PLAYGROUND_PORT),
      '--disable-telemetry',
    ],
    { ...process.env, TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none' },
  );
  // The Playground listens before it reads its configuration; its own routes answer once that worked.
  await waitFor(`http://127.0.0.1:${PLAYGROUND_PORT}/_debug/ping`);
  if (stopping) return;
  await installInDemoTeam();
  process.stdout.write(
    [
      '',
      'EHC Review Hub is running in LOCAL MODE with fictional demo data.',
      `  Tab (pick a demo user):   http://localhost:${PORT}/`,
      `  Bot in Agents Playground: http://localhost:${PLAYGROUND_PORT}/  (you are Rosa Penhallow, SENCo: send "reviews")`,
      `  API description:          http://localhost:${PORT}/api/openapi.json`,
      ...(blob ? [`  Documents (Azurite):      ${blob.endpoint}`] : []),
      'Press Ctrl-C to stop both.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  await stopAll(1);
});
