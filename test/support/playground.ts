import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DirectoryUser } from '../../bot/src/identity/user-directory.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
/** The repository's Teams context for the Playground: the demo users, Rosa Penhallow (SENCo) current. */
export const PLAYGROUND_CONFIG = join(ROOT, '.m365agentsplayground.yml');

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
