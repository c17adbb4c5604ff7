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
import { executeAction, problemText } from './card-parts.ts';

/** The verbs of the advice card (teams/card-actions.ts): `<area>.<action>`. */
export const ADVICE_VERBS = {
  saveDraft: 'advice.saveDraft',
  submit: 'advice.submit',
  page: 'advice.page',
  refresh: 'advice.refresh',
  /** Saves the draft and shows one more empty row of the kind in `data.add` (new outcome, need, provision). */
  addRow: 'advice.addRow',
} as const;

/** The kinds of row the last page can hold several of. */
export const ROW_KINDS = ['newOutcomes', 'needs', 'provision'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/**
 * Rows of each kind the card shows at most: with 12 outcomes and every row filled to the inputs'
 * limits, the page that holds them stays under Teams' 28 KB (the size test). More are written in the
 * tab, which has no such limit; rows beyond these are kept, never shown or lost by the card.
 */
export const MAX_CARD_ROWS: Readonly<Record<RowKind, number>> = { newOutcomes: 3, needs: 2, provision: 4 };

/** The `data` key that says how many rows of a kind the card shows (empty rows included). */
export const ROWS_KEY: Readonly<Record<RowKind, string>> = {
  newOutcomes: 'newOutcomeRows',
  needs: 'needRows',
  provision: 'provisionRows',
};

/** How many rows of `kind` the card shows: those in the draft, at least one, at least `asked`, at most the maximum. */
export function rowsShown(kind: RowKind, content: AdviceContent, asked = 0): number {
  return Math.min(MAX_CARD_ROWS[kind], Math.max(1, content[kind].length, asked));
}

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
  /** Rows asked for by "Add another" (empty ones included), per kind; the draft's own count otherwise. */
  readonly rows?: Partial<Record<RowKind, number>>;
}

/** Outcomes on one page at most: a long card is hard to fill in on a phone. */
export const OUTCOMES_PER_PAGE = 4;

/**
 * What a page may take of the 28 KB: the rest is the header, the actions and the problems. The last
 * page's extras (new outcomes, needs, provision rows) count against it too.
 */
const OUTCOMES_BUDGET_BYTES = 18 * 1024;

/** One row of the extras: `<kind>.<index>`. */
export interface RowRef {
  readonly kind: RowKind;
  readonly index: number;
}

/** What one page of the card holds: some outcomes of the plan, then some rows of the extras. */
export interface AdvicePage {
  readonly outcomes: readonly Outcome[];
  readonly rows: readonly RowRef[];
}

/**
 * The card's pages: the outcomes split as {@link advicePages} says, then the rows of the extras (new
 * outcomes, needs, provision; `rows` of each as {@link rowsShown} says) packed after them, a page
 * ending where the next row would pass the budget. So 12 outcomes and every row the card takes, all
 * written to the inputs' limits, still fit Teams' limit page by page.
 */
export function adviceLayout(
  outcomes: readonly Outcome[],
  content: AdviceContent,
  rows: Partial<Record<RowKind, number>> = {},
): AdvicePage[] {
  const pages: { outcomes: Outcome[]; rows: RowRef[]; bytes: number }[] = outcomePages(outcomes, content).map(
    (page) => ({
      outcomes: page,
      rows: [],
      bytes: page.reduce((sum, o) => sum + outcomeBytes(o, content), 0),
    }),
  );
  for (const kind of ROW_KINDS) {
    for (let index = 0; index < rowsShown(kind, content, rows[kind]); index += 1) {
      const size = Buffer.byteLength(JSON.stringify(rowElements({ kind, index }, content, [])), 'utf8');
      let current = pages[pages.length - 1];
      if (!current || current.bytes + size > OUTCOMES_BUDGET_BYTES) {
        current = { outcomes: [], rows: [], bytes: 0 };
        pages.push(current);
      }
      current.rows.push({ kind, index });
      current.bytes += size;
    }
  }
  return pages.map(({ outcomes: o, rows: r }) => ({ outcomes: o, rows: r }));
}

/** The outcomes of each page of the card ({@link adviceLayout}); a page of extras only has none. */
export function advicePages(
  outcomes: readonly Outcome[],
  content: AdviceContent,
  rows: Partial<Record<RowKind, number>> = {},
): Outcome[][] {
  return adviceLayout(outcomes, content, rows).map((page) => [...page.outcomes]);
}

/** The page of the card that shows the input `where` (`outcomes.o1.progress`, `provision.2.duration`). */
export function pageOf(pages: readonly AdvicePage[], where: string): number {
  return pages.findIndex((page) => prefixesOf(page).some((prefix) => where.startsWith(prefix)));
}

function prefixesOf(page: AdvicePage): string[] {
  return [...page.outcomes.map((o) => `outcomes.${o.id}.`), ...page.rows.map((r) => `${r.kind}.${r.index}.`)];
}

function outcomeBytes(outcome: Outcome, content: AdviceContent): number {
  return Buffer.byteLength(JSON.stringify(outcomeElements(outcome, content, [])), 'utf8');
}

function outcomePages(outcomes: readonly Outcome[], content: AdviceContent): Outcome[][] {
  const pages: Outcome[][] = [];
  let current: Outcome[] = [];
  let bytes = 0;
  for (const outcome of outcomes) {
    const size = outcomeBytes(outcome, content);
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
  const rows = Object.fromEntries(
    ROW_KINDS.map((kind) => [kind, rowsShown(kind, input.content, input.rows?.[kind])]),
  ) as Record<RowKind, number>;
  const pages = adviceLayout(input.outcomes, input.content, rows);
  const page = Math.min(Math.max(0, input.page), pages.length - 1);
  const last = page === pages.length - 1;
  const shown = pages[page] ?? { outcomes: [], rows: [] };
  const problems = input.problems ?? [];
  const data = (extra: Record<string, string> = {}) => ({
    laCode: input.subject.laCode,
    caseId: input.subject.caseId,
    requestId: input.subject.requestId,
    page: String(page),
    ...(input.cardId ? { cardId: input.cardId } : {}),
    ...Object.fromEntries(ROW_KINDS.map((kind) => [ROWS_KEY[kind], String(rows[kind])])),
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
      text: `Page ${page + 1} of ${pages.length}. ${NOT_ABLE_TO_COMMENT_ADVICE}`,
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
    ...shown.outcomes.flatMap((outcome) => outcomeElements(outcome, input.content, problems)),
    ...shown.rows.flatMap((row) => [
      ...(row.index === 0 ? sectionHeading(row.kind) : []),
      ...rowElements(row, input.content, problems),
      ...(row.index === rows[row.kind] - 1 && rows[row.kind] < MAX_CARD_ROWS[row.kind]
        ? [
            {
              type: 'ActionSet' as const,
              actions: [executeAction(ADD_TITLES[row.kind], ADVICE_VERBS.addRow, data({ add: row.kind }))],
            },
          ]
        : []),
    ]),
    ...(last
      ? [
          {
            type: 'TextBlock' as const,
            text: `The card takes up to ${MAX_CARD_ROWS.newOutcomes} new outcomes, ${MAX_CARD_ROWS.needs} needs and ${MAX_CARD_ROWS.provision} provision rows; the tab takes more.`,
            wrap: true,
            size: 'small' as const,
            isSubtle: true,
          },
        ]
      : []),
    ...problemsElsewhere(problems, shown),
  ];
  const actions: ExecuteAction[] = [
    ...(page > 0 ? [executeAction('Previous', ADVICE_VERBS.page, data({ to: String(page - 1) }))] : []),
    ...(!last ? [executeAction('Next', ADVICE_VERBS.page, data({ to: String(page + 1) }))] : []),
    executeAction('Save draft', ADVICE_VERBS.saveDraft, data()),
    executeAction('Submit', ADVICE_VERBS.submit, data(), { style: 'positive', associatedInputs: 'auto' }),
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

const ADD_TITLES: Readonly<Record<RowKind, string>> = {
  newOutcomes: 'Add another outcome',
  needs: 'Add another need',
  provision: 'Add another provision row',
};

function sectionHeading(kind: RowKind): CardElement[] {
  const heading = (text: string): CardElement => ({
    type: 'TextBlock',
    text,
    weight: 'bolder',
    separator: true,
    wrap: true,
  });
  if (kind === 'newOutcomes')
    return [
      heading('New outcomes (optional)'),
      { type: 'TextBlock', text: SMART_PROMPT, wrap: true, size: 'small', isSubtle: true },
    ];
  return [heading(kind === 'needs' ? 'New or changed areas of need (optional)' : 'Provision (optional)')];
}

/** One row of the extras, each input `<kind>.<index>.<field>` (the draft's value filled), its problems under it. */
function rowElements(row: RowRef, content: AdviceContent, problems: readonly Problem[]): CardElement[] {
  const { kind, index: i } = row;
  const areaInput = (id: string, value: string | undefined): CardElement[] => [
    {
      type: 'Input.ChoiceSet',
      id,
      label: 'Area of need',
      style: 'compact',
      placeholder: 'Choose',
      choices: AREA_CHOICES,
      ...(value ? { value } : {}),
    },
    ...problemText(problems, id),
  ];
  if (kind === 'newOutcomes') {
    const outcome = content.newOutcomes[i];
    return [
      rowHeading(`New outcome ${i + 1}`),
      ...areaInput(`newOutcomes.${i}.area`, outcome?.area),
      {
        type: 'Input.Text',
        id: `newOutcomes.${i}.text`,
        label: 'The outcome',
        isMultiline: true,
        maxLength: 2_000,
        ...(outcome?.text ? { value: outcome.text } : {}),
      },
      ...problemText(problems, `newOutcomes.${i}.text`),
    ];
  }
  if (kind === 'needs') {
    const need = content.needs[i];
    return [
      rowHeading(`Need ${i + 1}`),
      ...areaInput(`needs.${i}.area`, need?.area),
      {
        type: 'Input.Text',
        id: `needs.${i}.description`,
        label: 'The need',
        isMultiline: true,
        maxLength: 5_000,
        ...(need?.description ? { value: need.description } : {}),
      },
      ...problemText(problems, `needs.${i}.description`),
    ];
  }
  const given = content.provision[i];
  return [
    rowHeading(`Provision row ${i + 1}`),
    ...(Object.keys(PROVISION_PROMPTS) as (keyof typeof PROVISION_PROMPTS)[]).flatMap(
      (field): CardElement[] => [
        {
          type: 'Input.Text',
          id: `provision.${i}.${field}`,
          label: PROVISION_LABELS[field],
          maxLength: field === 'intervention' ? 500 : 200,
          ...(given?.[field] ? { value: given[field] } : {}),
        },
        ...problemText(problems, `provision.${i}.${field}`),
      ],
    ),
  ];
}

function rowHeading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'bolder', size: 'small', wrap: true };
}

const PROVISION_LABELS: Readonly<Record<keyof typeof PROVISION_PROMPTS, string>> = {
  intervention: 'Intervention or provision',
  providedBy: 'Who provides it',
  frequency: 'How often (e.g. daily, 3 x week)',
  duration: 'For how long (e.g. 20 minutes)',
  groupSize: 'Group size (e.g. 1:1, small group of 4)',
};

/** Problems about inputs not on this page (another page's outcome or row), listed so none goes unseen. */
function problemsElsewhere(problems: readonly Problem[], shown: AdvicePage): CardElement[] {
  const here = prefixesOf(shown);
  return problems
    .filter((p) => !here.some((prefix) => p.where.startsWith(prefix)))
    .map((p) => ({
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
