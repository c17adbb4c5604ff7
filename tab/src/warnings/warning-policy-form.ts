import type { Problem } from '../../../bot/src/review/errors.ts';
import type { WarningPolicy } from '../../../bot/src/review/warning-policy.ts';

/** What the "Deadline warnings" page's form holds: the days as typed. */
export interface WarningPolicyForm {
  /** Days before each date, separated by commas or spaces: "28, 7, 0". */
  readonly daysBefore: string;
  readonly overdueEveryDays: string;
}

export function formOf(policy: WarningPolicy): WarningPolicyForm {
  return { daysBefore: policy.daysBefore.join(', '), overdueEveryDays: String(policy.overdueEveryDays) };
}

/**
 * The policy the form asks for, or the problems of what cannot be read as days at all (a word, a
 * blank), each under the field it belongs to.
 *
 * @remarks Only reading: the ranges and every other rule are the domain's, judged by the server,
 * whose problems the page shows beside the same fields ({@link fieldOf}).
 */
export function policyFrom(form: WarningPolicyForm): { policy: WarningPolicy } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const tokens = form.daysBefore.split(/[\s,]+/).filter((token) => token !== '');
  const daysBefore = tokens.map(Number);
  const notDays = tokens.filter((token) => !/^\d+$/.test(token));
  if (notDays.length > 0) {
    problems.push({
      where: 'daysBefore',
      message: `${notDays.map((t) => `“${t}”`).join(', ')} ${notDays.length === 1 ? 'is' : 'are'} not a number of days; write whole days, such as 28, 7, 0`,
    });
  }
  const every = form.overdueEveryDays.trim();
  if (!/^\d+$/.test(every)) {
    problems.push({ where: 'overdueEveryDays', message: 'write a whole number of days, such as 7' });
  }
  return problems.length > 0 ? { problems } : { policy: { daysBefore, overdueEveryDays: Number(every) } };
}

/** The field a problem belongs to: `daysBefore.2` is the days-before field's third day. */
export function fieldOf(where: string): keyof WarningPolicyForm | undefined {
  if (where === 'daysBefore' || where.startsWith('daysBefore.')) return 'daysBefore';
  if (where === 'overdueEveryDays') return 'overdueEveryDays';
  return undefined;
}

/** The messages for `field`, one line; a day's problem says which day it is about. */
export function messageFor(
  problems: readonly Problem[],
  field: keyof WarningPolicyForm,
  asked?: WarningPolicy,
): string | undefined {
  const lines = problems
    .filter((p) => fieldOf(p.where) === field)
    .map((p) => {
      const at = /^daysBefore\.(\d+)$/.exec(p.where);
      const day = at && asked ? asked.daysBefore[Number(at[1])] : undefined;
      return day === undefined || p.message.startsWith(String(day)) ? p.message : `${day}: ${p.message}`;
    });
  return lines.length > 0 ? lines.join('; ') : undefined;
}
