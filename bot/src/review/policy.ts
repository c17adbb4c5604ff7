import type { PersonRole } from './case.ts';

/**
 * A team an LA always invites to its reviews (INVITEES: "LA policy can add more"), e.g. Staffordshire's
 * Disability Service.
 *
 * @remarks Configuration, not a role: which teams, and which statutory invitee (if any) a team stands
 * in for, differ by LA. Staffordshire's Disability Service liaises with an allocated social worker
 * (seed: "the Disability service will be responsible for liaising with the worker"), so it stands in
 * for the LA social care officer; another LA's always-invited team may stand in for none.
 */
export interface PolicyTeam {
  /** Stable id within the LA's configuration; an invitee added by this policy names it. */
  readonly id: string;
  readonly name: string;
  /** The team's generic mailbox (seed: "use the generic team email"). */
  readonly email: string;
  readonly role: PersonRole;
  /** The statutory invitee this team counts as in the invitation gate (INVITEES). */
  readonly standsInFor?: 'social-care';
}

/**
 * An LA's configuration of the statutory clock and its invitation policy.
 *
 * @remarks Durations are configuration with the statutory defaults: the Government consulted in 2022
 * on changing some of them (docs/statutory-rules.md). Each field names the rule it configures.
 */
export interface LaPolicy {
  /** REVIEW_DUE: months in the review period. */
  readonly reviewMonths: number;
  /** UNDER_FIVE: recommended review interval for a child under 5, 3 to 6 months. */
  readonly underFiveMonths: number;
  /** INVITE_NOTICE: weeks of notice of the meeting. */
  readonly inviteNoticeWeeks: number;
  /** ADVICE_CIRCULATED: weeks before the meeting that advice is circulated. */
  readonly adviceWeeks: number;
  /** REPORT_DUE: weeks after the meeting for the report. */
  readonly reportWeeks: number;
  /** DECISION_DUE: weeks after the meeting for the decision. */
  readonly decisionWeeks: number;
  /** AMEND_REPRESENTATIONS: days, beginning with the day the proposal is served. */
  readonly representationDays: number;
  /** AMEND_FINAL: weeks after the amendment notice for the final plan. */
  readonly finalPlanWeeks: number;
  /** PHASE_TRANSFER: months before a post-16 to post-16 transfer. */
  readonly post16TransferMonths: number;
  /** INVITEES: teams the LA always invites (Staffordshire: the Disability Service). */
  readonly alwaysInvite: readonly PolicyTeam[];
}

export const STATUTORY_DEFAULTS: LaPolicy = {
  reviewMonths: 12,
  underFiveMonths: 6,
  inviteNoticeWeeks: 2,
  adviceWeeks: 2,
  reportWeeks: 2,
  decisionWeeks: 4,
  representationDays: 15,
  finalPlanWeeks: 8,
  post16TransferMonths: 5,
  alwaysInvite: [],
};
