import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DirectoryUser } from '../../bot/src/identity/user-directory.ts';

/**
 * Microsoft's local Teams simulator (the `agentsplayground` CLI) as a child process pointed at the bot,
 * with the repository's `.m365agentsplayground.yml` or another user's copy of it, and its conversation
 * stream (the web socket its chat view listens on), for end-to-end tests.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
/** The repository's Teams context for the Playground: the demo users, Rosa Penhallow (SENCo) current. */
export const PLAYGROUND_CONFIG = join(ROOT, '.m365agentsplayground.yml');

export interface PlaygroundMessage {
  readonly action: string;
  readonly actionConversationId: string;
  readonly message: {
    readonly text?: string;
    readonly attachments: readonly { readonly contentType: string; readonly content: unknown }[];
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts the Microsoft 365 Agents Playground pointed at `botUrl`, with the Teams context in `config`,
 * and resolves once it says it is listening on `port`.
 */
export async function startPlayground(
  botUrl: string,
  port: number,
  cwd: string,
  options: { readonly config?: string; readonly conversationId?: string } = {},
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'start',
      '-e',
      `${botUrl}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(port),
      '--dt',
      ...(options.conversationId ? ['--conversation-id', options.conversationId] : []),
    ],
    {
      cwd,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.config ?? PLAYGROUND_CONFIG,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes(`Listening on ${port}`)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`the Playground exited (${code}) before listening:\n${output}`)),
    );
  });
  return child;
}

export async function stopPlayground(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * The repository's Playground context with `user` as the current user (the Playground has no user
 * switcher: the person at its chat view is `currentUser`), written to `dir`; its path.
 */
export async function playgroundConfigAs(user: DirectoryUser, dir: string): Promise<string> {
  const [given = user.name, ...rest] = user.name.split(' ');
  const current = [
    'currentUser:',
    `  id: ${user.id}`,
    `  name: ${user.name}`,
    `  userPrincipleName: ${user.email}`,
    `  aadObjectId: "${user.identity.objectId}"`,
    `  givenName: ${given}`,
    `  surname: ${rest.join(' ') || given}`,
    `  email: ${user.email}`,
    '',
  ].join('\n');
  const yml = (await readFile(PLAYGROUND_CONFIG, 'utf8')).replace(/currentUser:\n(?: {2}.*\n)+/, current);
  if (!yml.includes(`aadObjectId: "${user.identity.objectId}"`)) throw new Error('no currentUser to replace');
  const path = join(dir, 'playground.yml');
  await writeFile(path, yml);
  return path;
}

/** The Playground's conversation stream: every message it shows, in order, awaited by a predicate. */
export async function openStream(url: string) {
  const seen: PlaygroundMessage[] = [];
  const waiting: { match: (m: PlaygroundMessage) => boolean; resolve: (m: PlaygroundMessage) => void }[] = [];
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`could not open ${url}`)), { once: true });
  });
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as PlaygroundMessage;
    if (message.action !== 'createMessage') return;
    seen.push(message);
    for (const [i, waiter] of waiting.entries())
      if (waiter.match(message)) {
        waiting.splice(i, 1);
        waiter.resolve(message);
        break;
      }
  });
  return {
    seen,
    /** The first message (shown already, or next) that `match` accepts. */
    next(match: (m: PlaygroundMessage) => boolean): Promise<PlaygroundMessage> {
      const found = seen.find(match);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiting.push({ match, resolve }));
    },
    close: () => socket.close(),
  };
}
