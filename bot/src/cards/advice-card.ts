import { AREAS_OF_NEED, type Outcome } from '../review/case.ts';
import {
  type AdviceContent,
  NOT_ABLE_TO_COMMENT_ADVICE,
  PROGRESS_WORDS,
  PROVISION_PROMPTS,
  SMART_PROMPT,
} from '../review/contribute/advice.ts';
import type { Problem } from '../review/errors.ts';
import { formatLong, type PlainDate } from '../review/plain-date.ts';
import { PROGRESS } from '../review/review.ts';
import {
  type AdaptiveCard,
  CARD_SCHEMA,
  CARD_VERSION,
  type CardElement,
  cardBytes,
  type ExecuteAction,
  TEAMS_CARD_LIMIT_BYTES,
} from './adaptive-card.ts';

/** The verbs of the advice card (teams/card-actions.ts): `<area>.<action>`. */
export const ADVICE_VERBS = {
  saveDraft: 'advice.saveDraft',
  submit: 'advice.submit',
  page: 'advice.page',
  refresh: 'advice.refresh',
} as const;

/** What the advice card is about: enough for the bot to find the request again, nothing personal. */
export interface AdviceCardSubject {
  readonly laCode: string;
  readonly caseId: string;
  readonly requestId: string;
}

export interface AdviceCardInput {
  readonly subject: AdviceCardSubject;
  /** The child's first name only: a card can be seen over a shoulder and in notifications. */
  readonly childFirstName: string;
  readonly meetingOn?: PlainDate;
  readonly outcomes: readonly Outcome[];
  /** What is saved so far (the draft), to fill the inputs. */
  readonly content: AdviceContent;
  /** Which page, from 0 (pages.ts: outcomes split so each page stays under the size budget). */
  readonly page: number;
  /** The problems of the last submit, each shown under the input it names. */
  readonly problems?: readonly Problem[];
  /**
   * Made once per card sent: Submit's command id is derived from it, so the same press delivered twice
   * (a retried invoke) stores one submission.
   */
  readonly cardId?: string;
  /** A line at the top: "Saved." */
  readonly notice?: string;
}

/** Outcomes on one page at most: a long card is hard to fill in on a phone. */
export const OUTCOMES_PER_PAGE = 4;

/**
 * What a page may take of the 28 KB: the rest is the header, the extras of the last page (a new
 * outcome, a need, a provision row), the actions and the problems.
 */
const OUTCOMES_BUDGET_BYTES = 18 * 1024;

/**
 * The outcomes split into pages: at most {@link OUTCOMES_PER_PAGE}, and no more than fit the budget
 * with what is already written in them, so a plan with 12 outcomes and long commentary still fits
 * Teams' limit (adaptive-card.ts TEAMS_CARD_LIMIT_BYTES).
 */
export function advicePages(outcomes: readonly Outcome[], content: AdviceContent): Outcome[][] {
  const pages: Outcome[][] = [];
  let current: Outcome[] = [];
  let bytes = 0;
  for (const outcome of outcomes) {
    const size = Buffer.byteLength(JSON.stringify(outcomeElements(outcome, content, [])), 'utf8');
    if (current.length > 0 && (current.length >= OUTCOMES_PER_PAGE || bytes + size > OUTCOMES_BUDGET_BYTES)) {
      pages.push(current);
      current = [];
      bytes = 0;
    }
    current.push(outcome);
    bytes += size;
  }
  pages.push(current);
  return pages;
}

/**
 * The advice request card (seeds: "Contribute Views"): for each outcome of the current plan a
 * progress choice in the seeds' words, commentary that supports it, a recommended change; on the last
 * page a new outcome (SMART), a new or changed need and a provision row; Save draft and Submit.
 *
 * @remarks `Action.Execute` with `associatedInputs: 'none'` on Submit: the bot checks every rule and
 * answers with the card again, each problem under its input, rather than the client refusing quietly.
 * Paging saves the draft, so nothing typed is lost between pages.
 */
export function adviceCard(input: AdviceCardInput): AdaptiveCard {
  const pages = advicePages(input.outcomes, input.content);
  const page = Math.min(Math.max(0, input.page), pages.length - 1);
  const last = page === pages.length - 1;
  const problems = input.problems ?? [];
  const data = (extra: Record<string, string> = {}) => ({
    laCode: input.subject.laCode,
    caseId: input.subject.caseId,
    requestId: input.subject.requestId,
    page: String(page),
    ...(input.cardId ? { cardId: input.cardId } : {}),
    ...extra,
  });
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `Advice for ${input.childFirstName}’s annual review`,
      style: 'heading',
      size: 'medium',
      weight: 'bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: input.meetingOn
        ? `The meeting is on ${formatLong(input.meetingOn)}. Your advice is shared with everyone invited, the family included: write in a strength-based way.`
        : 'Your advice is shared with everyone invited, the family included: write in a strength-based way.',
      wrap: true,
      isSubtle: true,
    },
    {
      type: 'TextBlock',
      text: `Outcomes, page ${page + 1} of ${pages.length}. ${NOT_ABLE_TO_COMMENT_ADVICE}`,
      wrap: true,
      size: 'small',
    },
    ...(input.notice
      ? [{ type: 'TextBlock' as const, text: input.notice, color: 'good' as const, wrap: true }]
      : []),
    ...(problems.length > 0
      ? [
          {
            type: 'TextBlock' as const,
            text: `Nothing was submitted: ${problems.length === 1 ? 'one thing needs' : `${problems.length} things need`} your attention, shown below.`,
            color: 'attention' as const,
            wrap: true,
          },
        ]
      : []),
    ...(pages[page] ?? []).flatMap((outcome) => outcomeElements(outcome, input.content, problems)),
    ...(last ? extraElements(input.content, problems) : []),
    ...problemsElsewhere(problems, pages[page] ?? [], last),
  ];
  const actions: ExecuteAction[] = [
    ...(page > 0
      ? [
          {
            type: 'Action.Execute' as const,
            title: 'Previous',
            verb: ADVICE_VERBS.page,
            data: data({ to: String(page - 1) }),
          },
        ]
      : []),
    ...(!last
      ? [
          {
            type: 'Action.Execute' as const,
            title: 'Next',
            verb: ADVICE_VERBS.page,
            data: data({ to: String(page + 1) }),
          },
        ]
      : []),
    { type: 'Action.Execute', title: 'Save draft', verb: ADVICE_VERBS.saveDraft, data: data() },
    {
      type: 'Action.Execute',
      title: 'Submit',
      verb: ADVICE_VERBS.submit,
      data: data(),
      style: 'positive',
      associatedInputs: 'auto',
    },
  ];
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    actions,
    fallbackText: 'Advice is requested for an annual review. Open EHC Review Hub to give it.',
  };
}

function outcomeElements(
  outcome: Outcome,
  content: AdviceContent,
  problems: readonly Problem[],
): CardElement[] {
  const given = content.outcomes.find((o) => o.outcomeId === outcome.id);
  const id = (field: string) => `outcomes.${outcome.id}.${field}`;
  return [
    { type: 'TextBlock', text: outcome.text, wrap: true, weight: 'bolder', separator: true },
    {
      type: 'Input.ChoiceSet',
      id: id('progress'),
      label: 'Progress',
      style: 'compact',
      placeholder: 'Choose',
      choices: PROGRESS.map((p) => ({ title: PROGRESS_WORDS[p], value: p })),
      ...(given?.progress ? { value: given.progress } : {}),
    },
    ...problemText(problems, id('progress')),
    {
      type: 'Input.Text',
      id: id('commentary'),
      label: 'Commentary that supports your judgement',
      isMultiline: true,
      maxLength: 10_000,
      ...(given?.commentary ? { value: given.commentary } : {}),
    },
    ...problemText(problems, id('commentary')),
    {
      type: 'Input.Text',
      id: id('recommendedChanges'),
      label: 'Recommended change to the outcome (optional)',
      isMultiline: true,
      maxLength: 5_000,
      ...(given?.recommendedChanges ? { value: given.recommendedChanges } : {}),
    },
  ];
}

const AREA_CHOICES = AREAS_OF_NEED.map((area) => ({ title: areaWords(area), value: area }));

function areaWords(area: string): string {
  const text = area.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function extraElements(content: AdviceContent, problems: readonly Problem[]): CardElement[] {
  const outcome = content.newOutcomes[0];
  const need = content.needs[0];
  const row = content.provision[0];
  const provisionInputs: CardElement[] = (
    Object.keys(PROVISION_PROMPTS) as (keyof typeof PROVISION_PROMPTS)[]
  ).flatMap((field) => [
    {
      type: 'Input.Text' as const,
      id: `provision.0.${field}`,
      label: PROVISION_LABELS[field],
      maxLength: field === 'intervention' ? 500 : 200,
      ...(row?.[field] ? { value: row[field] } : {}),
    },
    ...problemText(problems, `provision.0.${field}`),
  ]);
  return [
    { type: 'TextBlock', text: 'A new outcome (optional)', weight: 'bolder', separator: true, wrap: true },
    { type: 'TextBlock', text: SMART_PROMPT, wrap: true, size: 'small', isSubtle: true },
    {
      type: 'Input.ChoiceSet',
      id: 'newOutcomes.0.area',
      label: 'Area of need',
      style: 'compact',
      placeholder: 'Choose',
      choices: AREA_CHOICES,
      ...(outcome ? { value: outcome.area } : {}),
    },
    {
      type: 'Input.Text',
      id: 'newOutcomes.0.text',
      label: 'The outcome',
      isMultiline: true,
      maxLength: 2_000,
      ...(outcome?.text ? { value: outcome.text } : {}),
    },
    ...problemText(problems, 'newOutcomes.0.text'),
    {
      type: 'TextBlock',
      text: 'A new or changed area of need (optional)',
      weight: 'bolder',
      separator: true,
      wrap: true,
    },
    {
      type: 'Input.ChoiceSet',
      id: 'needs.0.area',
      label: 'Area of need',
      style: 'compact',
      placeholder: 'Choose',
      choices: AREA_CHOICES,
      ...(need ? { value: need.area } : {}),
    },
    {
      type: 'Input.Text',
      id: 'needs.0.description',
      label: 'The need',
      isMultiline: true,
      maxLength: 5_000,
      ...(need?.description ? { value: need.description } : {}),
    },
    ...problemText(problems, 'needs.0.description'),
    { type: 'TextBlock', text: 'Provision (optional)', weight: 'bolder', separator: true, wrap: true },
    ...provisionInputs,
  ];
}

const PROVISION_LABELS: Readonly<Record<keyof typeof PROVISION_PROMPTS, string>> = {
  intervention: 'Intervention or provision',
  providedBy: 'Who provides it',
  frequency: 'How often (e.g. daily, 3 x week)',
  duration: 'For how long (e.g. 20 minutes)',
  groupSize: 'Group size (e.g. 1:1, small group of 4)',
};

function problemText(problems: readonly Problem[], where: string): CardElement[] {
  return problems
    .filter((p) => p.where === where)
    .map((p) => ({
      type: 'TextBlock',
      text: p.message,
      color: 'attention',
      wrap: true,
      size: 'small',
      spacing: 'none',
    }));
}

/** Problems about inputs not on this page (another page's outcome), listed so none goes unseen. */
function problemsElsewhere(
  problems: readonly Problem[],
  shown: readonly Outcome[],
  last: boolean,
): CardElement[] {
  const here = new Set(shown.map((o) => `outcomes.${o.id}.`));
  const elsewhere = problems.filter(
    (p) =>
      ![...here].some((prefix) => p.where.startsWith(prefix)) &&
      !(last && /^(newOutcomes|needs|provision)\./.test(p.where)),
  );
  return elsewhere.map((p) => ({
    type: 'TextBlock',
    text: `On another page: ${p.message}`,
    color: 'attention',
    wrap: true,
    size: 'small',
  }));
}

/**
 * The read-only receipt the card becomes after submit, for the person who submitted: Teams refreshes
 * it for `userIds` (at most 60, Teams' limit for user-specific views).
 */
export function adviceReceiptCard(input: {
  readonly subject: AdviceCardSubject;
  readonly childFirstName: string;
  readonly submittedOn: PlainDate;
  readonly outcomesJudged: number;
  readonly userIds: readonly string[];
}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      {
        type: 'TextBlock',
        text: `Advice submitted for ${input.childFirstName}’s annual review`,
        style: 'heading',
        weight: 'bolder',
        wrap: true,
      },
      {
        type: 'FactSet',
        facts: [
          { title: 'Submitted', value: formatLong(input.submittedOn) },
          { title: 'Outcomes judged', value: String(input.outcomesJudged) },
        ],
      },
      {
        type: 'TextBlock',
        text: 'The SENCo can see it now. It can no longer be changed here.',
        wrap: true,
        isSubtle: true,
      },
    ],
    refresh: {
      action: {
        type: 'Action.Execute',
        title: 'Refresh',
        verb: ADVICE_VERBS.refresh,
        data: {
          laCode: input.subject.laCode,
          caseId: input.subject.caseId,
          requestId: input.subject.requestId,
        },
      },
      userIds: input.userIds.slice(0, MAX_REFRESH_USERS),
    },
    fallbackText: 'Advice submitted.',
  };
}

/** Teams refreshes a card automatically for at most 60 users. */
export const MAX_REFRESH_USERS = 60;

/** The card's size within Teams' limit (adaptive-card.ts). */
export function fitsTeams(card: AdaptiveCard): boolean {
  return cardBytes(card) <= TEAMS_CARD_LIMIT_BYTES;
}
