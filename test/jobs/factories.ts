import type { Calendar } from '../../bot/src/calendar/calendar.ts';
import type { Reader } from '../../bot/src/caseload/caseload.ts';
import { type CommandDeps, runCommand } from '../../bot/src/caseload/run-command.ts';
import { OutboxDispatcher } from '../../bot/src/jobs/outbox-dispatcher.ts';
import type { ArrangeCommand } from '../../bot/src/review/arrange/arrange-commands.ts';
import { identityKey } from '../../bot/src/review/case.ts';
import type { Actor } from '../../bot/src/review/permissions.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import type { StoreDatabase } from '../../bot/src/store/database.ts';
import { type Stores, storesOver } from '../../bot/src/store/open-stores.ts';
import { type CommandBody, newId, pendingFile, policy, senco } from '../review/arrange/factories.ts';

/** A clock a test moves by hand. */
export function manualClock(start = '2025-01-06T09:00:00.000Z') {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export function writerOf(actor: Actor = senco): Reader {
  return { actor, accountKey: actor.identity ? identityKey(actor.identity) : 'unknown', via: 'api' };
}

/** The stores over `db`, the test case created (pending), and a way to run commands on it. */
export async function arrangeBench(db: StoreDatabase, clock: ReturnType<typeof manualClock>) {
  const stores: Stores = await storesOver(db);
  const file = pendingFile();
  await stores.cases.create(file);
  const ref = { laCode: file.case.laCode, caseId: file.case.caseId };
  const deps: CommandDeps = {
    store: stores.cases,
    audit: stores.audit,
    policyFor: () => policy,
    now: clock.now,
  };
  const run = (command: CommandBody & { id?: string }, actor: Actor = senco) =>
    runCommand(writerOf(actor), ref, { id: newId(), ...command } as ArrangeCommand, deps);
  const dispatcher = (calendar: Calendar, holder = 'instance-a', store = stores.cases) =>
    new OutboxDispatcher({
      queue: stores.outbox,
      store,
      calendar,
      holder,
      now: clock.now,
      random: () => 0,
      log: memoryLog(),
      leaseMs: 60_000,
    });
  return { stores, ref, run, dispatcher, deps };
}

export const MEETING = {
  on: '2025-03-03',
  startTime: '10:00',
  endTime: '11:00',
  venue: 'Library',
  online: true,
} as const;
