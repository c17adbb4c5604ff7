/**
 * The catalogue of statutory rules behind the review clock (docs/statutory-rules.md, "Rules").
 *
 * @remarks The clock names the rule behind every date it shows, so a SENCo or an LA officer can see
 * why a date is what it is. Ids are stable: stored warnings and channel posts refer to them.
 * Durations are not written here: they are configuration (`LaPolicy` in policy.ts), defaulting to the law.
 */
export const RULES = {
  REVIEW_DUE: {
    title: 'Annual review due',
    source: 'CFA 2014 s.44(1); CoP 9.169',
    summary:
      'The LA must have reviewed the plan, its decision notified, within 12 months starting with the date the ' +
      'plan was made, then within 12 months starting with each previous review decision; not from the date ' +
      'a plan was finalised after amendment.',
  },
  UNDER_FIVE: {
    title: 'Review of a child under five (recommended)',
    source: 'CoP 9.178',
    summary:
      'For a child under 5 the LA should consider reviewing the plan every 3 to 6 months. Guidance: shown ' +
      'as recommended, never as overdue in law.',
  },
  INVITE_NOTICE: {
    title: 'Notice of the meeting',
    source: 'SEND Regs 2014 reg 20(3), 21(3)',
    summary: "Everyone who must be invited gets at least 2 weeks' notice of the meeting date.",
  },
  INVITEES: {
    title: 'Who must be invited',
    source: 'SEND Regs 2014 reg 20(2), 21(2)',
    summary:
      'The parent or young person; the head or principal of the setting (or early years provider); an LA ' +
      'SEN officer; a health care professional named by the health commissioning body; an LA social care ' +
      'officer. LA policy can add more (e.g. the Disability Service).',
  },
  ADVICE_CIRCULATED: {
    title: 'Advice circulated before the meeting',
    source: 'SEND Regs 2014 reg 20(4), 21(4); CoP 9.176',
    summary:
      'Advice and information is sought from everyone invited and sent to all of them at least 2 weeks ' +
      'before the meeting.',
  },
  PREPARING_FOR_ADULTHOOD: {
    title: 'Preparing for adulthood',
    source: 'SEND Regs 2014 reg 20(6), 21(6); CoP 9.184',
    summary:
      'From Year 9 the review must consider preparing for adulthood: employment, independent living, ' +
      'participation in society and health.',
  },
  REPORT_DUE: {
    title: 'Report of the meeting',
    source: 'SEND Regs 2014 reg 20(7), 21(7); CoP 9.176',
    summary:
      'The report of the meeting (recommended amendments, disagreements) is prepared and sent to everyone ' +
      'invited within 2 weeks of the meeting.',
  },
  DECISION_DUE: {
    title: 'Review decision',
    source: 'SEND Regs 2014 reg 20(10)-(11); CoP 9.176',
    summary:
      'The LA decides to maintain, amend or cease the plan and notifies the parent or young person within ' +
      '4 weeks of the meeting. A maintain or cease notice states the right of appeal, its time limits, the ' +
      'mediation requirement and where to get advice.',
  },
  AMEND_PROPOSAL: {
    title: 'Proposed amendments',
    source: 'SEND Regs 2014 reg 22(2); R (L, M & P) v Devon CC [2022] EWHC 493',
    summary:
      'On amend, the proposed amendments and the evidence for them go out with the decision, so within ' +
      '4 weeks of the meeting.',
  },
  AMEND_REPRESENTATIONS: {
    title: 'Representations on the proposed amendments',
    source: 'SEND Regs 2014 reg 22(2)',
    summary:
      'The parent or young person has at least 15 days, beginning with the day the proposal was served, to ' +
      'comment, ask for a particular school or ask for a meeting.',
  },
  AMEND_FINAL: {
    title: 'Final amended plan',
    source: 'SEND Regs 2014 reg 22(3); R (L, M & P) v Devon CC [2022] EWHC 493',
    summary:
      'The final amended plan is issued as soon as practicable and within 8 weeks of the amendment notice, ' +
      'so at most 12 weeks after the meeting.',
  },
  PHASE_TRANSFER: {
    title: 'Phase transfer',
    source: 'SEND Regs 2014 regs 2, 18; CoP 9.179-9.180',
    summary:
      'For a move between phases the review is completed and the plan amended, naming the new setting, by ' +
      '15 February of the calendar year of the transfer; from secondary school to a post-16 institution by ' +
      '31 March; between post-16 institutions at least 5 months before the transfer.',
  },
  SUGGESTED_TIMELINE: {
    title: 'Suggested working timeline',
    source: 'EHC Hub annual review guidance, "Suggested timeline"',
    summary:
      'Counted from the meeting in week 8: set the date and invite in week 1 (7 weeks before the meeting), ' +
      'advice in week 6, report in week 10, decision in week 12, final plan in week 16. With no meeting ' +
      'set yet, set it 7 weeks before the latest sensible meeting date. Guidance: shown as recommended, ' +
      'never as overdue in law.',
  },
  PERSONAL_BUDGET: {
    title: 'Personal budget',
    source: 'CFA 2014 s.49; CoP 9.168',
    summary:
      'The review takes account of the right to request a personal budget and reviews any direct payments.',
  },
  CEASE_APPEAL: {
    title: 'Appeal rights on cease or maintain',
    source: 'SEND Regs 2014 regs 29-33',
    summary:
      'A cease or maintain notice states the appeal rights: the parent or young person must contact a ' +
      'mediation adviser within 2 months of the decision notice before appealing. Support continues while ' +
      'an appeal against ceasing is pending.',
  },
} as const satisfies Record<string, { title: string; source: string; summary: string }>;

export type RuleId = keyof typeof RULES;
