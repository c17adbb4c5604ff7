/**
 * P2: the statutory clock over England's caseload (about 640,000 plans) in one thread. The plans are
 * generated (FICTIONAL) with every part the clock reads: births, plan and decision dates, phase
 * transfers, reviews at every stage with meetings and amendments.
 */
import { performance } from 'node:perf_hooks';
import { TRANSFER_KINDS } from '../bot/src/review/case.ts';
import type { CaseFile } from '../bot/src/review/case-file.ts';
import { clockFor } from '../bot/src/review/clock.ts';
import { addDays, fromEpochDay, type PlainDate, toEpochDay } from '../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../bot/src/review/policy.ts';
import { RECOMMENDATIONS, type Review, STAGES } from '../bot/src/review/review.ts';

export const ENGLAND_PLANS = 640_000;

/** A small, fast, seeded generator (mulberry32), so every run times the same plans. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` plans around `today`, the same for the same seed. */
export function generatePlans(count: number, today: PlainDate, seed = 10): CaseFile[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const day = (from: number, to: number): PlainDate =>
    fromEpochDay(toEpochDay(today) + from + Math.floor(next() * (to - from)));
  const plans: CaseFile[] = new Array(count);
  for (let n = 0; n < count; n += 1) {
    const planIssuedOn = day(-3650, -30);
    const stage = next() < 0.3 ? undefined : pick(STAGES);
    const meetingOn = stage && stage !== 'pending' && next() < 0.85 ? day(-120, 90) : undefined;
    const review: Review | undefined = stage && {
      id: `R-${n}`,
      stage,
      startedOn: addDays(today, -60),
      invitees: [],
      adviceRequests: [],
      advice: [],
      views: {},
      attendance: [],
      history: [],
      ...(meetingOn
        ? { meeting: { on: meetingOn, startTime: '10:00', endTime: '11:00', venue: 'School', online: false } }
        : {}),
      ...(stage === 'decided' || stage === 'amending' || stage === 'closed'
        ? {
            decision: {
              outcome: pick(RECOMMENDATIONS),
              decidedBy: 'officer',
              notifiedOn: day(-60, 0),
              reason: 'r',
            },
          }
        : {}),
      ...(stage === 'amending' || (stage === 'decided' && next() < 0.5)
        ? { amendment: { noticeOn: day(-50, 0), ...(next() < 0.3 ? { finalIssuedOn: day(-20, 0) } : {}) } }
        : {}),
    };
    const file: CaseFile = {
      case: {
        laCode: String(800 + (n % 150)),
        caseId: `P-${n}`,
        settingUrn: String(100_000 + (n % 20_000)),
        child: {
          name: 'Fictional',
          dateOfBirth: day(-25 * 365, -2 * 365),
          ...(next() < 0.05 ? { ncYear: { year: Math.floor(next() * 14), academicYearStart: 2025 } } : {}),
        },
        planIssuedOn,
        ...(next() < 0.7 ? { lastReviewDecisionOn: day(-400, -10) } : {}),
        ...(next() < 0.2 ? { phaseTransfer: { kind: pick(TRANSFER_KINDS), on: day(30, 700) } } : {}),
        outcomes: [],
        people: [],
        views: {},
      },
    };
    plans[n] = review ? { ...file, review } : file;
  }
  return plans;
}

export interface ClockBench {
  readonly plans: number;
  /** Milliseconds for the clock of every plan, best of `runs` and every run. */
  readonly best: number;
  readonly runs: readonly number[];
  /** Same-run baseline: one pass reading every plan's dates and comparing them to today. */
  readonly baseline: number;
  /** A checksum of the results, so the work cannot be optimised away and runs can be compared. */
  readonly checksum: number;
}

export function benchClock(today: PlainDate, runs = 3, count = ENGLAND_PLANS): ClockBench {
  const plans = generatePlans(count, today);
  let checksum = 0;
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    checksum = 0;
    const t0 = performance.now();
    for (const plan of plans) checksum += clockFor(plan, today, STATUTORY_DEFAULTS).overdue.length;
    times.push(performance.now() - t0);
  }
  const b0 = performance.now();
  let past = 0;
  for (const plan of plans) {
    if (plan.case.planIssuedOn < today) past += 1;
    if ((plan.case.lastReviewDecisionOn ?? plan.case.planIssuedOn) < today) past += 1;
    if (plan.review?.meeting && plan.review.meeting.on < today) past += 1;
  }
  const baseline = performance.now() - b0 + (past < 0 ? 1 : 0);
  return { plans: count, best: Math.min(...times), runs: times, baseline, checksum };
}
