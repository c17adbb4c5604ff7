import type { CaseFile } from '../case-file.ts';
import { clockFor } from '../clock.ts';
import { latestSensibleMeeting } from '../deadlines.ts';
import { formatLong, isAfter, type PlainDate, toEpochDay } from '../plain-date.ts';
import type { LaPolicy } from '../policy.ts';
import type { RuleId } from '../rules.ts';
import { isProfessional } from '../transitions.ts';

/** A warning about the arrangements: shown, never blocking; `rule` names the rule it is about, if any. */
export interface ArrangeWarning {
  readonly where: string;
  readonly rule?: RuleId;
  readonly message: string;
}

/**
 * The bank holiday on a date in England, by name, or undefined. A port: the domain holds no holiday
 * list; the shell and the tab answer it from a maintained holiday data package (date-holidays).
 */
export type BankHolidayOf = (date: PlainDate) => string | undefined;

/**
 * What the SENCo should know about the meeting and invitees as arranged on `today`.
 *
 * @remarks Warnings never block: a meeting may have to be late (a review that is already overdue must
 * still be held). The invitation gate (gates.ts) is what blocks sending.
 */
export function arrangeWarnings(
  file: CaseFile,
  today: PlainDate,
  policy: LaPolicy,
  bankHolidayOf: BankHolidayOf,
): ArrangeWarning[] {
  const review = file.review;
  if (!review) return [];
  const warnings: ArrangeWarning[] = [];
  const clock = clockFor(file, today, policy);
  const meeting = review.meeting;
  if (meeting) {
    const latest = latestSensibleMeeting(clock, today, policy);
    if (isAfter(meeting.on, latest.date)) {
      warnings.push({
        where: 'meeting.on',
        rule: latest.rule,
        message: `A meeting on ${formatLong(meeting.on)} is after the latest sensible date, ${formatLong(latest.date)}: ${latest.explanation}`,
      });
    }
    const inviteBy = clock.dates.invite_by;
    if (inviteBy && review.stage === 'arranging' && isAfter(today, inviteBy.date)) {
      warnings.push({
        where: 'meeting.on',
        rule: 'INVITE_NOTICE',
        message: `Invitations for a meeting on ${formatLong(meeting.on)} had to go out by ${formatLong(inviteBy.date)} (${policy.inviteNoticeWeeks} weeks' notice): choose a later date to send them.`,
      });
    }
    const day = weekday(meeting.on);
    if (day === 6 || day === 0) {
      warnings.push({
        where: 'meeting.on',
        message: `${formatLong(meeting.on)} is a ${day === 6 ? 'Saturday' : 'Sunday'}.`,
      });
    }
    const holiday = bankHolidayOf(meeting.on);
    if (holiday) {
      warnings.push({
        where: 'meeting.on',
        message: `${formatLong(meeting.on)} is a bank holiday in England (${holiday}).`,
      });
    }
  }
  for (const invitee of review.invitees) {
    if (isProfessional(invitee.person.role) && !invitee.requestInformation) {
      warnings.push({
        where: `invitees.${invitee.id}.requestInformation`,
        rule: 'ADVICE_CIRCULATED',
        message: `Information is not requested from ${invitee.person.name}: without it the team cannot accept, decline or allocate the request.`,
      });
    }
  }
  return warnings;
}

/** 0 Sunday to 6 Saturday. 1970-01-01 was a Thursday. */
function weekday(date: PlainDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}
