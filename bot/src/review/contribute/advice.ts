import { AREAS_OF_NEED, type AreaOfNeed, type Outcome, type Person, type Provision } from '../case.ts';
import type { Problem } from '../errors.ts';
import type { PlainDate } from '../plain-date.ts';
import { type AttachmentRef, PROGRESS, type Progress } from '../review.ts';

/**
 * The progress choices in the seeds' words (seed: "the drop-down box offers the following choices:
 * On track - Complete and Not on track - Not able to comment").
 */
export const PROGRESS_WORDS: Readonly<Record<Progress, string>> = {
  'on-track': 'On track',
  complete: 'Complete',
  'not-on-track': 'Not on track',
  'not-able-to-comment': 'Not able to comment',
};

/** The seed's advice on the last choice, shown wherever it can be chosen. */
export const NOT_ABLE_TO_COMMENT_ADVICE =
  'Avoid "Not able to comment": if you choose it, say why. Otherwise include commentary that supports your judgement (for "not on track", what they are able to do).';

/** The seed's SMART prompt for a new outcome. */
export const SMART_PROMPT = 'Make new outcomes SMART: Specific, Measurable, Achievable, Realistic and Timed.';

/** What one piece of advice says about one outcome of the current plan. */
export interface OutcomeAdviceInput {
  readonly outcomeId: string;
  /** Absent in a draft that has not judged this outcome yet. */
  readonly progress?: Progress;
  readonly commentary: string;
  readonly recommendedChanges?: string;
}

/** A new outcome (SMART) in an area of need. */
export interface NewOutcomeInput {
  readonly area: AreaOfNeed;
  readonly text: string;
}

/** A new area of need, or a change to one (seed: "adding new areas of need or amending existing needs"). */
export interface NeedInput {
  readonly area: AreaOfNeed;
  readonly description: string;
}

/** The advice form as a whole: what a card or the tab sends on save and on submit. */
export interface AdviceContent {
  readonly outcomes: readonly OutcomeAdviceInput[];
  readonly newOutcomes: readonly NewOutcomeInput[];
  readonly needs: readonly NeedInput[];
  /** Provision rows (seed: "the name of interventions, who will provide the support, how often, duration and group size"). */
  readonly provision: readonly Provision[];
}

export const EMPTY_ADVICE: AdviceContent = { outcomes: [], newOutcomes: [], needs: [], provision: [] };

/**
 * One piece of advice: its own document in the case's partition, one per request (or the setting's
 * own), never inside the case file.
 *
 * @remarks A draft is readable only by `writtenBy` (seed: "only you can see this prior to
 * submission"): the case file's index says that a draft exists, never what it says. `lastCommandId`
 * is the command that last changed the document: a command whose id it holds has been applied here,
 * so a retry after a crash between this write and the case file's changes the document no further.
 */
export interface AdviceDocument {
  /** The key within the review: the request's id, or `setting`. */
  readonly key: string;
  readonly laCode: string;
  readonly caseId: string;
  readonly reviewId: string;
  readonly requestId?: string;
  /** Whose advice it is. */
  readonly author: Person;
  /** Who wrote it down on the author's behalf, when that is someone else. */
  readonly recordedBy?: Person;
  /** The account key of whoever saves it: the only reader of a draft. */
  readonly writtenBy: string;
  readonly state: 'draft' | 'submitted';
  readonly content: AdviceContent;
  readonly attachments: readonly AttachmentRef[];
  readonly savedOn: PlainDate;
  readonly submittedOn?: PlainDate;
  readonly lastCommandId: string;
}

/** The key of the setting's own advice (no request): the SENCo's. */
export const SETTING_ADVICE_KEY = 'setting';

export function adviceKey(requestId: string | undefined): string {
  return requestId ?? SETTING_ADVICE_KEY;
}

/**
 * What is wrong with `content` against the plan's `outcomes`; with `complete`, also what a submission
 * needs (every outcome judged, each with commentary; "not able to comment" with its reason). Each
 * problem names its field as the form and the card name their inputs: `outcomes.<outcomeId>.commentary`,
 * `provision.<row>.frequency`.
 */
export function adviceProblems(
  content: AdviceContent,
  outcomes: readonly Outcome[],
  complete: boolean,
): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(outcomes.map((o) => o.id));
  const seen = new Set<string>();
  for (const given of content.outcomes) {
    const where = `outcomes.${given.outcomeId}`;
    if (!known.has(given.outcomeId)) {
      problems.push({ where, message: 'no such outcome in the current plan' });
      continue;
    }
    if (seen.has(given.outcomeId)) problems.push({ where, message: 'this outcome is given twice' });
    seen.add(given.outcomeId);
    if (given.progress !== undefined && !PROGRESS.includes(given.progress)) {
      problems.push({ where: `${where}.progress`, message: `choose one of: ${progressChoices()}` });
    }
  }
  if (complete) {
    for (const outcome of outcomes) {
      const given = content.outcomes.find((o) => o.outcomeId === outcome.id);
      const where = `outcomes.${outcome.id}`;
      if (!given?.progress) {
        problems.push({ where: `${where}.progress`, message: `choose the progress: ${progressChoices()}` });
      }
      if (!given?.commentary.trim()) {
        problems.push({
          where: `${where}.commentary`,
          message:
            given?.progress === 'not-able-to-comment'
              ? 'say why you are not able to comment'
              : 'add commentary that supports your judgement',
        });
      }
    }
  }
  content.newOutcomes.forEach((outcome, row) => {
    if (!AREAS_OF_NEED.includes(outcome.area)) {
      problems.push({ where: `newOutcomes.${row}.area`, message: 'choose an area of need' });
    }
    if (!outcome.text.trim()) {
      problems.push({ where: `newOutcomes.${row}.text`, message: `describe the outcome. ${SMART_PROMPT}` });
    }
  });
  content.needs.forEach((need, row) => {
    if (!AREAS_OF_NEED.includes(need.area)) {
      problems.push({ where: `needs.${row}.area`, message: 'choose an area of need' });
    }
    if (!need.description.trim()) {
      problems.push({ where: `needs.${row}.description`, message: 'describe the need' });
    }
  });
  content.provision.forEach((row, index) => {
    for (const field of PROVISION_FIELDS) {
      if (!row[field].trim()) {
        problems.push({ where: `provision.${index}.${field}`, message: PROVISION_PROMPTS[field] });
      }
    }
  });
  return problems;
}

const PROVISION_FIELDS = ['intervention', 'providedBy', 'frequency', 'duration', 'groupSize'] as const;

/** The seed's words for each part of a provision row. */
export const PROVISION_PROMPTS: Readonly<Record<(typeof PROVISION_FIELDS)[number], string>> = {
  intervention: 'name the intervention or provision',
  providedBy: 'say who will provide it',
  frequency: 'say how often (e.g. daily or 3 x week)',
  duration: 'say for how long (e.g. 20 minutes)',
  groupSize: 'give the group size (e.g. 1:1 or small group of 4)',
};

function progressChoices(): string {
  return PROGRESS.map((p) => PROGRESS_WORDS[p]).join(', ');
}
