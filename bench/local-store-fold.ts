/**
 * How much folding the local store's journal into its snapshot holds up requests: the latency of
 * point reads while a fold of a large store runs, as a ratio to the same reads with no fold running,
 * in the same run (bench/README.md).
 *
 * `node bench/local-store-fold.ts [entries]` (default 20,000 audit entries, about 8 MB of snapshot).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mapLimit } from '../bot/src/caseload/map-limit.ts';
import { CosmosAuditLog } from '../bot/src/store/cosmos-audit-log.ts';
import { openDatabase } from '../bot/src/store/database.ts';
import { startLocalCosmos } from '../bot/src/store/local-cosmos.ts';

const entries = Number(process.argv[2] ?? 20_000);
const dataDir = await mkdtemp(join(tmpdir(), 'ehc-bench-fold-'));
// A segment larger than the whole run: no fold until we ask for one.
const local = await startLocalCosmos({ dataDir, journalSegmentBytes: 1024 * 1024 * 1024 });
const db = await openDatabase({ endpoint: local.endpoint, key: local.key, databaseId: 'ehc' });
const audit = new CosmosAuditLog(db.audit);
await mapLimit(
  Array.from({ length: entries }, (_, n) => n),
  32,
  (n) =>
    audit.record({
      at: new Date(Date.UTC(2026, 0, 1) + n).toISOString(),
      actor: 'tenant/object',
      action: 'case.read',
      caseKey: `860/CASE-${n % 500}`,
      detail: { via: 'bench', stage: 'contributing' },
    }),
);

await db.audit.items.create({ id: 'probe', caseKey: '860/probe' });

/** Point reads one after another for `ms`, with the event loop's delay over the same time. */
async function reads(ms: number): Promise<{ p99: number; max: number; loopMax: number }> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const times: number[] = [];
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const started = performance.now();
    await db.audit.item('probe', '860/probe').read();
    times.push(performance.now() - started);
  }
  loop.disable();
  times.sort((a, b) => a - b);
  return {
    p99: times[Math.floor(times.length * 0.99)] ?? 0,
    max: times.at(-1) ?? 0,
    loopMax: loop.max / 1e6,
  };
}

const baseline = await reads(2000);
const folding = local.flush();
const during = await reads(2000);
await folding;
const size = (await stat(join(dataDir, 'cosmos-snapshot.json'))).size;
const round = (value: number) => Math.round(value * 10) / 10;
process.stdout.write(
  `${JSON.stringify({
    entries,
    snapshotBytes: size,
    baseline: { p99Ms: round(baseline.p99), maxMs: round(baseline.max), loopMaxMs: round(baseline.loopMax) },
    duringFold: { p99Ms: round(during.p99), maxMs: round(during.max), loopMaxMs: round(during.loopMax) },
    p99Ratio: round(during.p99 / baseline.p99),
  })}\n`,
);
db.close();
await local.close();
await rm(dataDir, { recursive: true, force: true });
