import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface Child<T> {
  readonly process: ChildProcess;
  /** What the child sent first: where it listens. */
  readonly ready: T;
  /** Sends `message` and resolves with the child's next message. */
  ask<R>(message: string): Promise<R>;
  stop(): Promise<void>;
}

/** Forks `bench/<script>` on this Node with `env` and waits for its first message. */
export async function start<T>(
  script: string,
  env: Record<string, string> = {},
  execArgv: string[] = [],
): Promise<Child<T>> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${script} exited with ${code} before it was ready`);
    }),
  ])) as [T];
  return {
    process: child,
    ready,
    async ask<R>(message: string): Promise<R> {
      const answer = once(child, 'message');
      child.send(message);
      return (await answer)[0] as R;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send('stop');
      await exited;
    },
  };
}
