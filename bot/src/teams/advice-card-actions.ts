import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import {
  ADVICE_VERBS,
  adviceCard,
  adviceLayout,
  adviceReceiptCard,
  MAX_CARD_ROWS,
  pageOf,
  ROW_KINDS,
  ROWS_KEY,
  type RowKind,
  rowsShown,
} from '../cards/advice-card.ts';
import type { Reader } from '../caseload/caseload.ts';
import { runAdviceCommand } from '../caseload/run-advice-command.ts';
import type { CaseRef } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { type AdviceContent, type AdviceDocument, EMPTY_ADVICE } from '../review/contribute/advice.ts';
import { isReviewError, type Problem } from '../review/errors.ts';
import { mayReadAdvice } from '../review/permissions.ts';
import { PROGRESS, type Progress } from '../review/review.ts';
import type { AdviceStore } from '../store/advice-store.ts';
import type { AnswerDeps } from './answer.ts';
import { readForCard } from './arrange-card-actions.ts';
import type { CardAction, CardActionResult, CardActionTable } from './card-actions.ts';
import { cardCaller } from './card-caller.ts';

export interface AdviceCardDeps {
  readonly store: AdviceStore;
}

/** The card's `data`: the request it answers, the page, the card's id; its inputs come beside them. */
const AdviceActionSchema = z.looseObject({
  laCode: z.string().regex(/^\d{3}$/),
  caseId: z.string().min(1).max(64),
  requestId: z.string().regex(/^r\d{1,4}$/),
  page: z
    .string()
    .regex(/^\d{1,2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{1,2}$/)
    .optional(),
  cardId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,48}$/)
    .optional(),
  /** "Add another ...": the kind of row to add. */
  add: z.enum(ROW_KINDS, { error: `one of ${ROW_KINDS.join(', ')}` }).optional(),
  ...Object.fromEntries(
    ROW_KINDS.map((kind) => [
      ROWS_KEY[kind],
      z
        .string()
        .regex(/^\d{1,2}$/)
        .optional(),
    ]),
  ),
});
type AdviceActionData = z.output<typeof AdviceActionSchema>;

/**
 * The advice card's verbs (cards/advice-card.ts), answered in the invoke response: page (saving the
 * draft), save draft, submit, and Teams' automatic refresh.
 *
 * @remarks The inputs of the page shown are merged into the draft as stored, so paging loses nothing.
 * Submit's id is the card's own (`<cardId>-submit`): the same press delivered twice is one submission.
 * Bad input comes back as the same card with each problem under its input; a card pressed after the
 * review moved to the meeting gets the domain's words (NO_MORE_ADVICE) as a message.
 */
export function adviceCardActions(deps: AnswerDeps, advice: AdviceCardDeps): CardActionTable {
  return {
    [ADVICE_VERBS.page]: (action) => handle(action, 'page'),
    [ADVICE_VERBS.saveDraft]: (action) => handle(action, 'save'),
    [ADVICE_VERBS.submit]: (action) => handle(action, 'submit'),
    [ADVICE_VERBS.refresh]: (action) => handle(action, 'refresh'),
    [ADVICE_VERBS.addRow]: (action) => handle(action, 'add'),
  };

  async function handle(
    action: CardAction,
    what: 'page' | 'save' | 'submit' | 'refresh' | 'add',
  ): Promise<CardActionResult> {
    const caller = await cardCaller(action, AdviceActionSchema, deps);
    if ('refused' in caller) return caller.refused;
    const { reader, data, ref } = caller;
    const file = await readForCard(reader, ref, deps);
    const stored = await ownAdvice(reader, file, ref, data.requestId);
    const page = Number(data.page ?? '0');
    const asked = rowsAsked(data);
    const view = (
      content: AdviceContent,
      extra: { page?: number; problems?: readonly Problem[]; notice?: string; rows?: RowCounts },
    ) => formCard(file, data, content, { rows: asked, ...extra });
    if (stored?.state === 'submitted') return receipt(file, data, stored, action);
    if (what === 'refresh' || action.trigger === 'automatic')
      return view(stored?.content ?? EMPTY_ADVICE, { page });
    const content = merged(stored?.content ?? EMPTY_ADVICE, data, file, page, asked);
    const commands = { ...deps.caseload, advice: advice.store };
    const type = what === 'submit' ? 'submitAdvice' : 'saveAdvice';
    const id = what === 'submit' && data.cardId ? `${data.cardId}-submit` : randomUUID();
    try {
      const answer = await runAdviceCommand(
        reader,
        ref,
        { id, type, requestId: data.requestId, content },
        commands,
      );
      if (what === 'submit' && answer.advice) return receipt(answer.file, data, answer.advice, action);
      if (what === 'page') return view(content, { page: Number(data.to ?? page) });
      if (what === 'add' && data.add) {
        const kind = data.add;
        const count = rowsShown(kind, content, asked[kind]) + 1;
        const rows = { ...asked, [kind]: count };
        const full = count > MAX_CARD_ROWS[kind];
        return view(content, {
          page: Math.max(0, pageOf(adviceLayout(file.case.outcomes, content, rows), `${kind}.${count - 1}.`)),
          rows,
          notice: full
            ? `Draft saved. The card takes ${MAX_CARD_ROWS[kind]} of these at most: add more in the tab.`
            : 'Draft saved, and a new row added below.',
        });
      }
      return view(content, { page, notice: 'Draft saved: only you can see it until you submit.' });
    } catch (error) {
      if (!isReviewError(error) || error.problems.length === 0 || error.kind === 'not-found') throw error;
      if (error.code !== 'INVALID_INPUT')
        return { kind: 'message', text: error.problems.map((p) => p.message).join(' ') };
      return view(content, {
        page: pageOfProblem(file, content, error.problems, page, asked),
        problems: error.problems,
      });
    }
  }

  async function ownAdvice(reader: Reader, file: CaseFile, ref: CaseRef, requestId: string) {
    const review = file.review;
    if (!review) return undefined;
    const found = await advice.store.get(ref, review.id, requestId);
    return found && mayReadAdvice(reader.actor, found.advice, file) ? found.advice : undefined;
  }
}

/**
 * The advice card of `requestId` for `reader` as it stands: their draft filled in, or their receipt
 * once submitted (the "requests" chat command sends it; teams/request-cards.ts).
 */
export async function adviceCardFor(
  reader: Reader,
  file: CaseFile,
  ref: CaseRef,
  requestId: string,
  advice: AdviceCardDeps,
): Promise<AdaptiveCard> {
  const review = file.review;
  const found = review ? await advice.store.get(ref, review.id, requestId) : undefined;
  const stored = found && mayReadAdvice(reader.actor, found.advice, file) ? found.advice : undefined;
  const data = { laCode: ref.laCode, caseId: ref.caseId, requestId };
  const result = formCard(file, data, stored?.content ?? EMPTY_ADVICE, {});
  if (result.kind !== 'card') throw new Error('the advice card was not made');
  return result.card;
}

type RowCounts = Partial<Record<RowKind, number>>;

/** The rows of each kind the pressed card showed (its `data`), so a save keeps the empty ones added. */
function rowsAsked(data: AdviceActionData): RowCounts {
  const values = data as Record<string, unknown>;
  return Object.fromEntries(
    ROW_KINDS.flatMap((kind) => {
      const count = values[ROWS_KEY[kind]];
      return typeof count === 'string' ? [[kind, Number(count)]] : [];
    }),
  );
}

function formCard(
  file: CaseFile,
  data: AdviceActionData,
  content: AdviceContent,
  extra: { page?: number; problems?: readonly Problem[]; notice?: string; rows?: RowCounts },
): CardActionResult {
  return {
    kind: 'card',
    card: adviceCard({
      subject: { laCode: data.laCode, caseId: data.caseId, requestId: data.requestId },
      childFirstName: firstName(file),
      ...(file.review?.meeting ? { meetingOn: file.review.meeting.on } : {}),
      outcomes: file.case.outcomes,
      content,
      page: extra.page ?? 0,
      cardId: data.cardId ?? randomUUID().replace(/-/g, ''),
      ...(extra.problems ? { problems: extra.problems } : {}),
      ...(extra.notice ? { notice: extra.notice } : {}),
      ...(extra.rows ? { rows: extra.rows } : {}),
    }),
  };
}

function receipt(
  file: CaseFile,
  data: AdviceActionData,
  advice: AdviceDocument,
  action: CardAction,
): CardActionResult {
  return {
    kind: 'card',
    card: adviceReceiptCard({
      subject: { laCode: data.laCode, caseId: data.caseId, requestId: data.requestId },
      childFirstName: firstName(file),
      submittedOn: advice.submittedOn ?? advice.savedOn,
      outcomesJudged: advice.content.outcomes.filter((o) => o.progress).length,
      userIds: action.userId ? [action.userId] : [],
    }),
  };
}

function firstName(file: CaseFile): string {
  return file.case.child.name.split(/\s+/)[0] ?? 'the child';
}

/**
 * The page's inputs (every value a string, as Teams sends them) over the stored draft. On the last
 * page the rows the card showed replace the draft's first ones (empty rows dropped, so the draft
 * holds no blank row); rows beyond what the card shows (written in the tab) are kept.
 */
function merged(
  stored: AdviceContent,
  data: AdviceActionData,
  file: CaseFile,
  page: number,
  asked: RowCounts,
): AdviceContent {
  const values = data as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof values[key] === 'string' ? (values[key] as string) : undefined;
  const pages = adviceLayout(file.case.outcomes, stored, asked);
  const shown = pages[page]?.outcomes ?? [];
  const rowsHere = new Set((pages[page]?.rows ?? []).map((r) => `${r.kind}.${r.index}`));
  const outcomes = file.case.outcomes.flatMap((outcome) => {
    const before = stored.outcomes.find((o) => o.outcomeId === outcome.id);
    if (!shown.includes(outcome)) return before ? [before] : [];
    const progress = text(`outcomes.${outcome.id}.progress`);
    const commentary = text(`outcomes.${outcome.id}.commentary`) ?? '';
    const changes = text(`outcomes.${outcome.id}.recommendedChanges`)?.trim();
    return [
      {
        outcomeId: outcome.id,
        ...(progress && PROGRESS.includes(progress as Progress) ? { progress: progress as Progress } : {}),
        commentary,
        ...(changes ? { recommendedChanges: changes } : {}),
      },
    ];
  });
  type Area = AdviceContent['needs'][number]['area'];
  const rows = <T>(kind: RowKind, read: (i: number) => T | undefined): T[] => {
    const count = rowsShown(kind, stored, asked[kind]);
    const fromCard = Array.from({ length: count }, (_, i) =>
      rowsHere.has(`${kind}.${i}`) ? read(i) : (stored[kind] as readonly T[])[i],
    ).filter((r): r is T => r !== undefined);
    return [...fromCard, ...(stored[kind] as readonly T[]).slice(count)];
  };
  const newOutcomes = rows('newOutcomes', (i) => {
    const area = text(`newOutcomes.${i}.area`) as Area | undefined;
    const body = text(`newOutcomes.${i}.text`)?.trim();
    return body || area ? { area: area ?? ('' as never), text: body ?? '' } : undefined;
  });
  const needs = rows('needs', (i) => {
    const area = text(`needs.${i}.area`) as Area | undefined;
    const description = text(`needs.${i}.description`)?.trim();
    return description || area ? { area: area ?? ('' as never), description: description ?? '' } : undefined;
  });
  const provision = rows('provision', (i) => {
    const field = (name: string) => text(`provision.${i}.${name}`)?.trim() ?? '';
    const row = {
      intervention: field('intervention'),
      providedBy: field('providedBy'),
      frequency: field('frequency'),
      duration: field('duration'),
      groupSize: field('groupSize'),
    };
    return Object.values(row).some((v) => v !== '') ? row : undefined;
  });
  return { outcomes, newOutcomes, needs, provision };
}

/** The page that holds the first problem's input, so the user sees it; the page they were on otherwise. */
function pageOfProblem(
  file: CaseFile,
  content: AdviceContent,
  problems: readonly Problem[],
  page: number,
  rows: RowCounts,
): number {
  const first = problems[0]?.where;
  const index = first ? pageOf(adviceLayout(file.case.outcomes, content, rows), `${first}.`) : -1;
  return index < 0 ? page : index;
}
