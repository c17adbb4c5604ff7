/**
 * `npm run load`: a bounded load run on loopback. A generated LA of 1,000 reviews (FICTIONAL), 100
 * simulated users at once (80 SENCos, 4 to a school, and 20 LA officers), each going round its steps
 * a fixed number of times over HTTP (the API and the bot's /api/messages), and writing through the
 * store the way the stages do. Afterwards it checks that nothing failed and no update was lost, and
 * writes the latency distribution of every step to docs/LOAD.md.
 *
 * @remarks To grow it as stages land, add a step to {@link STEPS}: a name, who takes it, and what it
 * does; a step that changes a case records what it expects to find afterwards, which {@link verify}
 * checks. No HTTP write exists yet (the arrange stage brings the first), so the two writes go through
 * the store's `update`, the read-modify-write under an ETag every stage uses.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { DirectoryUser } from '../bot/src/identity/user-directory.ts';
import { accountKey } from '../bot/src/identity/user-directory.ts';
import type { CaseRef } from '../bot/src/review/case.ts';
import { listingOf } from '../bot/src/review/listing.ts';
import { londonDate } from '../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../bot/src/review/policy.ts';
import { startReview } from '../bot/src/review/transitions.ts';
import type { ReadCaseDocument } from '../bot/src/store/case-document.ts';
import { openDatabase } from '../bot/src/store/database.ts';
import { storesOver } from '../bot/src/store/open-stores.ts';
import { LOAD_CASES, LOAD_LA, LOAD_TENANT, loadCases, loadSettingOf, loadUsers } from './data.ts';
import { type Child, start } from './processes.ts';
import { startReplies } from './replies.ts';
import { seedCases } from './seed.ts';
import { quantile } from './stats.ts';

const ITERATIONS = Number(process.env.LOAD_ITERATIONS ?? 3);
const now = new Date();
const today = londonDate(now);
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Context {
  readonly url: string;
  readonly serviceUrl: string;
  readonly user: DirectoryUser;
  readonly index: number;
  readonly iteration: number;
  /** The cases of the user's school (SENCos) or of the LA (officers), in id order. */
  readonly cases: readonly CaseRef[];
  readonly stores: Awaited<ReturnType<typeof storesOver>>;
  readonly expect: Expectations;
}

/** What the run changed, to be found afterwards. */
interface Expectations {
  readonly started: Set<string>;
  readonly people: Map<string, Set<string>>;
}

interface Step {
  readonly name: string;
  readonly who: 'senco' | 'officer' | 'anyone';
  /** Resolves when the step succeeded; throws otherwise. */
  run(ctx: Context): Promise<void>;
}

const key = (ref: CaseRef) => `${ref.laCode}/${ref.caseId}`;

async function getJson(ctx: Context, path: string): Promise<unknown> {
  const response = await fetch(`${ctx.url}${path}`, { headers: { 'X-Ehc-User': ctx.user.id } });
  const body = await response.json();
  if (response.status !== 200)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
  return body;
}

/** The steps every simulated user goes round, in order. */
const STEPS: readonly Step[] = [
  {
    name: 'api: my live cases',
    who: 'senco',
    async run(ctx) {
      const { cases } = (await getJson(ctx, '/api/cases')) as { cases: { caseId: string }[] };
      if (cases.length !== ctx.cases.length) throw new Error(`listed ${cases.length} of ${ctx.cases.length}`);
    },
  },
  {
    name: 'api: the LA’s list, 3 pages of 50',
    who: 'officer',
    async run(ctx) {
      let continuation: string | undefined;
      for (let page = 0; page < 3; page += 1) {
        const query = continuation ? `&continuation=${encodeURIComponent(continuation)}` : '';
        const body = (await getJson(ctx, `/api/las/${LOAD_LA}/cases?pageSize=50${query}`)) as {
          cases: unknown[];
          continuation?: string;
        };
        if (body.cases.length === 0) throw new Error('an empty page');
        continuation = body.continuation;
      }
    },
  },
  {
    name: 'api: one case',
    who: 'anyone',
    async run(ctx) {
      const ref = ctx.cases[(ctx.index * 13 + ctx.iteration * 7) % ctx.cases.length] as CaseRef;
      await getJson(ctx, `/api/cases/${ref.laCode}/${encodeURIComponent(ref.caseId)}`);
    },
  },
  {
    name: 'bot: "reviews"',
    who: 'anyone',
    async run(ctx) {
      const id = randomUUID();
      const activity = {
        type: 'message',
        id,
        timestamp: new Date().toISOString(),
        channelId: 'msteams',
        serviceUrl: ctx.serviceUrl,
        from: { id: `29:${ctx.user.id}`, name: 'Load user', aadObjectId: ctx.user.identity.objectId },
        recipient: { id: '28:ehc-review-hub', name: 'EHC Review Hub' },
        conversation: { id: `a:load-${id}`, conversationType: 'personal', tenantId: LOAD_TENANT },
        text: 'reviews',
        textFormat: 'plain',
        locale: 'en-GB',
        channelData: { tenant: { id: LOAD_TENANT } },
      };
      const response = await fetch(`${ctx.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/api/messages: ${response.status}`);
    },
  },
  {
    // The four SENCos of a school start the same case at about the same time: one start is written.
    name: 'store: start a review (the same case by 4 SENCos at once)',
    who: 'senco',
    async run(ctx) {
      const ref = ctx.cases[ctx.iteration % ctx.cases.length] as CaseRef;
      const by = accountKey(ctx.user.identity);
      const stored = await ctx.stores.cases.update(ref, (file) =>
        file.review ? file : startReview(file, `R-${key(ref)}`, { today, by, policy: STATUTORY_DEFAULTS }),
      );
      if (!stored?.file.review) throw new Error(`${key(ref)} was not started`);
      ctx.expect.started.add(key(ref));
    },
  },
  {
    // Each user adds someone to a case others are changing too: every addition must survive.
    name: 'store: add a person to a case (contended)',
    who: 'senco',
    async run(ctx) {
      const ref = ctx.cases[(ctx.iteration * 3 + Math.floor(ctx.index / 20)) % ctx.cases.length] as CaseRef;
      const email = `added-${ctx.index}-${ctx.iteration}@load.example`;
      const person = {
        name: `Added ${ctx.index}-${ctx.iteration}`,
        email,
        role: 'other-professional' as const,
      };
      await ctx.stores.cases.update(ref, (file) =>
        file.case.people.some((p) => p.email === email)
          ? file
          : { ...file, case: { ...file.case, people: [...file.case.people, person] } },
      );
      const expected = ctx.expect.people.get(key(ref)) ?? new Set<string>();
      expected.add(email);
      ctx.expect.people.set(key(ref), expected);
    },
  },
];

interface StepResult {
  readonly latencies: number[];
  errors: number;
  firstError?: string;
}

/** Every change the run expected is in the store, once, and each stored summary is its file's listing. */
async function verify(
  db: Awaited<ReturnType<typeof openDatabase>>,
  expected: Expectations,
): Promise<{ checked: number; lost: string[]; summariesOutOfStep: number }> {
  const { resources } = await db.cases.items
    .query<ReadCaseDocument>({
      query: 'SELECT * FROM c WHERE c.laCode = @la',
      parameters: [{ name: '@la', value: LOAD_LA }],
    })
    .fetchAll();
  const lost: string[] = [];
  let outOfStep = 0;
  for (const document of resources) {
    const k = `${document.laCode}/${document.file.case.caseId}`;
    if (expected.started.has(k) && document.file.review?.stage !== 'arranging')
      lost.push(`${k}: not started`);
    const emails = document.file.case.people.map((p) => p.email);
    for (const email of expected.people.get(k) ?? []) {
      const count = emails.filter((e) => e === email).length;
      if (count !== 1) lost.push(`${k}: ${email} present ${count} times`);
    }
    if (JSON.stringify(document.summary) !== JSON.stringify(listingOf(document.file, STATUTORY_DEFAULTS)))
      outOfStep += 1;
  }
  return { checked: resources.length, lost, summariesOutOfStep: outOfStep };
}

const cosmos = await start<{ endpoint: string; key: string }>('cosmos-process.ts');
let app: Child<{ url: string }> | undefined;
const replies = await startReplies();
const db = await openDatabase({
  endpoint: cosmos.ready.endpoint,
  key: cosmos.ready.key,
  databaseId: `load-${randomUUID()}`,
});
try {
  const files = loadCases(today);
  await seedCases(db, files, STATUTORY_DEFAULTS);
  const stores = await storesOver(db);
  app = await start<{ url: string }>('app-process.ts', {
    BENCH_COSMOS_ENDPOINT: cosmos.ready.endpoint,
    BENCH_COSMOS_KEY: cosmos.ready.key,
    BENCH_DATABASE: db.database.id,
    BENCH_NOW: now.toISOString(),
    // 100 users at once queue at the local store (one single-threaded process that scans a whole
    // container per query): the default 10 s turn budget would turn that queue into 502s, and this
    // run is to find errors and lost updates of the code, reporting the latency as it is.
    BENCH_BOT_TURN_TIMEOUT_MS: '120000',
  });
  const users = loadUsers();
  const everyCase = files.map((file) => ({ laCode: file.case.laCode, caseId: file.case.caseId }));
  const expect: Expectations = { started: new Set(), people: new Map() };
  const results = new Map<string, StepResult>(STEPS.map((step) => [step.name, { latencies: [], errors: 0 }]));
  say(`load: ${users.length} users, ${ITERATIONS} rounds each, over ${LOAD_CASES} cases of LA ${LOAD_LA}...`);
  const began = performance.now();
  const cpuBefore = {
    app: await app.ask<NodeJS.CpuUsage>('cpu'),
    cosmos: await cosmos.ask<NodeJS.CpuUsage>('cpu'),
  };
  const url = app.ready.url;
  await Promise.all(
    users.map(async (user, index) => {
      const officer = user.roles.some((role) => role.kind === 'la-officer');
      const cases = officer
        ? everyCase
        : files
            .filter((file) => file.case.settingUrn === loadSettingOf(index))
            .map((file) => ({ laCode: file.case.laCode, caseId: file.case.caseId }));
      for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
        for (const step of STEPS) {
          if (step.who !== 'anyone' && (step.who === 'officer') !== officer) continue;
          const result = results.get(step.name) as StepResult;
          const t0 = performance.now();
          try {
            await step.run({
              url,
              serviceUrl: replies.serviceUrl,
              user,
              index,
              iteration,
              cases,
              stores,
              expect,
            });
            result.latencies.push(performance.now() - t0);
          } catch (error) {
            result.errors += 1;
            result.firstError ??= error instanceof Error ? error.message : String(error);
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  const cpuSeconds = (after: NodeJS.CpuUsage, before: NodeJS.CpuUsage) =>
    (after.user + after.system - before.user - before.system) / 1e6;
  const cpu = {
    app: cpuSeconds(await app.ask<NodeJS.CpuUsage>('cpu'), cpuBefore.app),
    cosmos: cpuSeconds(await cosmos.ask<NodeJS.CpuUsage>('cpu'), cpuBefore.cosmos),
  };
  const checked = await verify(db, expect);
  const errors = [...results.values()].reduce((sum, r) => sum + r.errors, 0);
  const replied = replies.count();
  const bot = results.get('bot: "reviews"');
  const botRequests = (bot?.latencies.length ?? 0) + (bot?.errors ?? 0);
  say(
    `  ${seconds.toFixed(1)} s; ${errors} errors; ${checked.lost.length} lost updates; ${checked.summariesOutOfStep} summaries out of step; ${replied} bot replies for ${botRequests} messages`,
  );
  say(`  CPU: the server ${cpu.app.toFixed(1)} s, the local store ${cpu.cosmos.toFixed(1)} s`);
  const report = loadReport({ seconds, results, checked, replied, botRequests, users: users.length, cpu });
  await writeFile(fileURLToPath(new URL('../docs/LOAD.md', import.meta.url)), report);
  say('load: wrote docs/LOAD.md');
  if (errors > 0 || checked.lost.length > 0 || checked.summariesOutOfStep > 0 || replied !== botRequests) {
    for (const [name, r] of results)
      if (r.firstError) say(`  ${name}: ${r.errors} errors, first: ${r.firstError}`);
    for (const line of checked.lost.slice(0, 10)) say(`  lost: ${line}`);
    process.exitCode = 1;
  }
} finally {
  await app?.stop();
  db.close();
  await replies.close();
  await cosmos.stop();
}

function loadReport(r: {
  seconds: number;
  results: Map<string, StepResult>;
  checked: { checked: number; lost: string[]; summariesOutOfStep: number };
  replied: number;
  botRequests: number;
  users: number;
  cpu: { app: number; cosmos: number };
}): string {
  const rows = [...r.results].map(([name, result]) => {
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const q = (p: number) => `${quantile(sorted, p).toFixed(1)}`;
    return `| ${name} | ${sorted.length} | ${result.errors} | ${q(0.5)} | ${q(0.9)} | ${q(0.95)} | ${q(0.99)} | ${(sorted.at(-1) ?? 0).toFixed(1)} |`;
  });
  const errors = [...r.results.values()].reduce((sum, x) => sum + x.errors, 0);
  return `# Load run

Written by \`npm run load\` (bench/load.ts); do not edit by hand, run it again.

- **When:** ${now.toISOString()}; **machine:** ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average at the end ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}
- **What:** a generated LA (${LOAD_LA}) of ${LOAD_CASES} reviews across 20 schools (FICTIONAL), ${r.users} simulated users at once (80 SENCos, 4 to a school, and 20 LA officers), ${ITERATIONS} rounds of their steps each, over loopback HTTP to the real server (\`startApp\`, local mode, in its own process) and the local Cosmos DB server (in another). ${r.seconds.toFixed(1)} s in all.
- **Result:** ${errors} errors; ${r.checked.lost.length} lost updates (every case read back, ${r.checked.checked} of them: each review started is there once, each person added is there exactly once); ${r.checked.summariesOutOfStep} stored summaries out of step with their files; ${r.replied} bot replies delivered for ${r.botRequests} messages.

- **Where the time went:** CPU used during the run by the server process ${r.cpu.app.toFixed(1)} s, by the local store process ${r.cpu.cosmos.toFixed(1)} s (of ${r.seconds.toFixed(1)} s on ${os.cpus().length} shared cores). The local store is one single-threaded process that copies and filters every document of a container in JavaScript for each query (no index, and it ignores the partition key), so with 100 users at once requests queue there; that queue, not the server, is most of the latency below. Azure Cosmos DB serves these queries from indexes, in parallel.

Latency of each step in milliseconds, from the user's side:

| step | done | errors | p50 | p90 | p95 | p99 | max |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

The stages that write over HTTP do not exist yet (the arrange stage is the first), so the two writes
go through the store's \`update\` (read, change, write with If-Match, again on a conflict), which every
stage's write uses; the four SENCos of a school start the same review at once (one start is written,
the others change nothing), and additions to the same case from different users must all survive. As
stages land, each adds its step to \`STEPS\` in bench/load.ts.
`;
}
