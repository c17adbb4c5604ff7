import { type Problem, ReviewError } from './errors.ts';

/**
 * When an LA warns of a date: the days before it, the day itself, then every `overdueEveryDays` while
 * the step is not done.
 *
 * @remarks LA configuration (issue 13: "When to warn is LA configuration with sensible defaults"),
 * set by the LA's officers or admins on its "Deadline warnings" page and kept per LA
 * (store/la-config.ts); an LA that set nothing has {@link DEFAULT_WARNING_POLICY}. The seed's
 * complaint is that today's portals send no reminder at all ("you will not be sent a reminder, so
 * ensure you are aware of when they are due").
 */
export interface WarningPolicy {
  /** Days before the date, each a warning, longest lead first; 0 is the day itself. */
  readonly daysBefore: readonly number[];
  /** Days between warnings while the step is overdue; the first is on the first day overdue. */
  readonly overdueEveryDays: number;
}

/** 4 weeks and 1 week before, on the day, then weekly while overdue. */
export const DEFAULT_WARNING_POLICY: WarningPolicy = { daysBefore: [28, 7, 0], overdueEveryDays: 7 };

/**
 * What an LA may choose.
 *
 * @remarks
 * - At least one warning before or on the day: a policy that only tells people once a date is missed
 *   is the silence the product replaces.
 * - At most 12 weeks ahead: the sweep reads every case with a date within the longest lead of any LA,
 *   so a longer lead makes every sweep read more of every LA's cases; 12 weeks is a term's notice.
 * - At most 6 warnings before a date, so a step warned of is not a daily stream of messages.
 * - While overdue, between every day and every 4 weeks: an overdue statutory step is never left
 *   without a reminder for longer.
 */
export const WARNING_POLICY_LIMITS = {
  longestLeadDays: 84,
  mostWarningsBefore: 6,
  overdueEveryDays: { least: 1, most: 28 },
} as const;

/**
 * The policy an LA asked for, checked against {@link WARNING_POLICY_LIMITS} and put in order
 * (longest lead first), or INVALID_INPUT naming each field that is wrong.
 */
export function checkWarningPolicy(asked: WarningPolicy): WarningPolicy {
  const problems: Problem[] = [];
  const { longestLeadDays, mostWarningsBefore, overdueEveryDays } = WARNING_POLICY_LIMITS;
  if (asked.daysBefore.length === 0) {
    problems.push({
      where: 'daysBefore',
      message: 'choose at least one warning before the date (0 is the day itself)',
    });
  }
  if (asked.daysBefore.length > mostWarningsBefore) {
    problems.push({ where: 'daysBefore', message: `at most ${mostWarningsBefore} warnings before a date` });
  }
  const seen = new Set<number>();
  asked.daysBefore.forEach((days, i) => {
    if (!Number.isInteger(days) || days < 0 || days > longestLeadDays) {
      problems.push({
        where: `daysBefore.${i}`,
        message: `must be a whole number of days from 0 (the day itself) to ${longestLeadDays} (12 weeks)`,
      });
    } else if (seen.has(days)) {
      problems.push({ where: `daysBefore.${i}`, message: `${days} days before is listed twice` });
    }
    seen.add(days);
  });
  const every = asked.overdueEveryDays;
  if (!Number.isInteger(every) || every < overdueEveryDays.least || every > overdueEveryDays.most) {
    problems.push({
      where: 'overdueEveryDays',
      message: `must be a whole number of days from ${overdueEveryDays.least} to ${overdueEveryDays.most}`,
    });
  }
  if (problems.length > 0) throw new ReviewError('INVALID_INPUT', problems);
  return { daysBefore: [...asked.daysBefore].sort((a, b) => b - a), overdueEveryDays: every };
}

/** How far ahead a sweep must look: the longest lead of the policy. */
export function horizonDays(policy: WarningPolicy): number {
  return Math.max(0, ...policy.daysBefore);
}

/** How far ahead a sweep over every LA must look: the longest lead of any LA's policy, or the default's. */
export function horizonOfAll(policies: Iterable<WarningPolicy>): number {
  let longest = horizonDays(DEFAULT_WARNING_POLICY);
  for (const policy of policies) longest = Math.max(longest, horizonDays(policy));
  return longest;
}

/** The policy in words: "4 weeks before, 1 week before and on the day, then every 7 days while overdue". */
export function describeWarningPolicy(policy: WarningPolicy): string {
  const leads = [...policy.daysBefore].sort((a, b) => b - a).map(leadWords);
  const every = policy.overdueEveryDays === 1 ? 'every day' : `every ${policy.overdueEveryDays} days`;
  return `${listWords(leads)}, then ${every} while overdue`;
}

function leadWords(days: number): string {
  if (days === 0) return 'on the day';
  if (days % 7 === 0) return `${days / 7} ${days === 7 ? 'week' : 'weeks'} before`;
  return `${days} ${days === 1 ? 'day' : 'days'} before`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
