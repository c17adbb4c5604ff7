import { performance } from 'node:perf_hooks';
import { type RunStats, statsOf } from './stats.ts';

export interface LoadOptions {
  readonly requests: number;
  readonly concurrency: number;
  /** Requests before the measured ones, not counted (JIT, connection pool, caches). */
  readonly warmup?: number;
  /** No new request after this many seconds (the run still counts at least `minRequests`). */
  readonly maxSeconds?: number;
  readonly minRequests?: number;
}

/**
 * GETs `url` `requests` times, `concurrency` at a time (a closed loop: each worker sends its next
 * request when its last is answered), and measures each answer to the last byte. A status other
 * than 200 counts as an error. Bounded by `maxSeconds` so a slow path cannot stretch the bench.
 */
export async function load(
  url: string,
  headers: Record<string, string>,
  options: LoadOptions,
): Promise<RunStats & { bytes: number }> {
  const once = async (): Promise<{ ok: boolean; bytes: number }> => {
    const response = await fetch(url, { headers });
    const body = await response.arrayBuffer();
    return { ok: response.status === 200, bytes: body.byteLength };
  };
  for (let i = 0; i < (options.warmup ?? Math.min(20, options.requests)); i += 1) await once();
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const started = performance.now();

  const deadline = started + (options.maxSeconds ?? Number.POSITIVE_INFINITY) * 1000;
  const minimum = options.minRequests ?? 30;
  const worker = async () => {
    while (next < options.requests && (next < minimum || performance.now() < deadline)) {
      next += 1;
      const t0 = performance.now();
      const answer = await once();
      latencies.push(performance.now() - t0);
      if (!answer.ok) errors += 1;
      bytes = answer.bytes;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { ...statsOf(latencies, seconds, options.concurrency, errors), bytes };
}
