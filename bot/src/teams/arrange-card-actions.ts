import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import { ARRANGE_INPUTS, ARRANGE_VERBS, arrangeCard } from '../cards/arrange-card.ts';
import type { Reader } from '../caseload/caseload.ts';
import { readCase } from '../caseload/read-case.ts';
import { runCommand } from '../caseload/run-command.ts';
import type { MeetingFields } from '../review/arrange/arrange-commands.ts';
import type { BankHolidayOf } from '../review/arrange/arrange-warnings.ts';
import { arrangementOf } from '../review/arrange/arrangement.ts';
import type { CaseRef } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { COMMAND_ID_PATTERN } from '../review/command.ts';
import { isReviewError, type Problem } from '../review/errors.ts';
import { londonDate, parsePlainDate } from '../review/plain-date.ts';
import type { AnswerDeps } from './answer.ts';
import type { CardAction, CardActionResult, CardActionTable } from './card-actions.ts';
import { cardCaller } from './card-caller.ts';

/** What the arrange card needs besides the bot's own dependencies. */
export interface ArrangeCardDeps {
  readonly bankHolidayOf: BankHolidayOf;
  readonly effectsQueued?: () => void;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The card's `data` with its inputs, as Teams sends them: every value a string. */
const ArrangeActionSchema = z.object({
  laCode: z.string().regex(/^\d{3}$/),
  caseId: z.string().min(1).max(64),
  commandId: z.string().regex(COMMAND_ID_PATTERN),
  [ARRANGE_INPUTS.on]: z.string().optional(),
  [ARRANGE_INPUTS.startTime]: z.string().optional(),
  [ARRANGE_INPUTS.endTime]: z.string().optional(),
  [ARRANGE_INPUTS.venue]: z.string().max(200).optional(),
  [ARRANGE_INPUTS.online]: z.enum(['true', 'false']).optional(),
});
type ArrangeActionData = z.output<typeof ArrangeActionSchema>;

/**
 * The arrange card's verbs: "Save in draft" and "Confirm and send invitations", answered in the invoke
 * response (DESIGN.md section 5: fast; the invitation itself goes out through the outbox).
 *
 * @remarks Each press carries the card's command id, so a second press of the same card, or Teams
 * retrying the invoke, changes nothing. Each step's id is derived from it (`-start`, `-save`, `-send`).
 * A problem comes back as the same card with the error under the input it names.
 */
export function arrangeCardActions(deps: AnswerDeps, arrange: ArrangeCardDeps): CardActionTable {
  return {
    [ARRANGE_VERBS.saveDraft]: (action) => handle(action, false),
    [ARRANGE_VERBS.confirm]: (action) => handle(action, true),
  };

  async function handle(action: CardAction, confirm: boolean): Promise<CardActionResult> {
    const caller = await cardCaller(action, ArrangeActionSchema, deps);
    if ('refused' in caller) return caller.refused;
    const { reader, data, ref } = caller;
    const typed = typedValues(data);
    if (action.trigger === 'automatic') return card(await readable(reader, ref), ref, {});
    const { meeting, problems } = meetingOf(data);
    if (problems.length > 0) return card(await readable(reader, ref), ref, { typed, problems });
    const commands = {
      ...deps.caseload,
      ...(arrange.effectsQueued ? { effectsQueued: arrange.effectsQueued } : {}),
    };
    try {
      let file = await readable(reader, ref);
      if (!file.review) {
        file = (
          await runCommand(reader, ref, { id: `${data.commandId}-start`, type: 'startReview' }, commands)
        ).file;
      }
      file = (
        await runCommand(
          reader,
          ref,
          { id: `${data.commandId}-save`, type: 'saveMeeting', meeting },
          commands,
        )
      ).file;
      if (confirm) {
        file = (
          await runCommand(reader, ref, { id: `${data.commandId}-send`, type: 'sendInvitations' }, commands)
        ).file;
      }
      const notice = confirm ? 'Invitations confirmed: they are being sent to everyone invited.' : 'Saved.';
      return card(file, ref, { notice });
    } catch (error) {
      if (!isReviewError(error) || error.problems.length === 0 || error.kind === 'not-found') throw error;
      return card(await readable(reader, ref), ref, { typed, problems: error.problems });
    }
  }

  /** The file, if the reader may read it (the read audited); CASE_NOT_FOUND otherwise. */
  async function readable(reader: Reader, ref: CaseRef): Promise<CaseFile> {
    return readForCard(reader, ref, deps);
  }

  function card(
    file: CaseFile,
    ref: CaseRef,
    extra: { typed?: Record<string, string>; problems?: readonly Problem[]; notice?: string },
  ): CardActionResult {
    return { kind: 'card', card: arrangeCardFor(file, ref, deps, arrange, extra) };
  }
}

/** The arrange card of `file` on the server's today, with a fresh command id. */
export function arrangeCardFor(
  file: CaseFile,
  ref: CaseRef,
  deps: AnswerDeps,
  arrange: ArrangeCardDeps,
  extra: { typed?: Record<string, string>; problems?: readonly Problem[]; notice?: string } = {},
): AdaptiveCard {
  const today = londonDate(deps.caseload.now());
  const arrangement = arrangementOf(
    file,
    today,
    deps.caseload.policyFor(file.case.laCode),
    arrange.bankHolidayOf,
  );
  return arrangeCard({
    ref,
    childFirstName: file.case.child.name.trim().split(/\s+/)[0] ?? '',
    arrangement,
    commandId: randomUUID(),
    ...extra,
  });
}

/** Reads a case file for a card: checked with `can` and audited like any read. */
export function readForCard(reader: Reader, ref: CaseRef, deps: AnswerDeps): Promise<CaseFile> {
  return readCase(reader, ref, 'arrange-card', deps.caseload);
}

/** The meeting from the card's inputs, or the problems, each named by its input id. */
function meetingOf(data: ArrangeActionData): { meeting: Partial<MeetingFields>; problems: Problem[] } {
  const problems: Problem[] = [];
  const on = data[ARRANGE_INPUTS.on]?.trim() ?? '';
  const date = parsePlainDate(on);
  if (!on) problems.push({ where: ARRANGE_INPUTS.on, message: 'required: the date of the meeting' });
  else if (!date) problems.push({ where: ARRANGE_INPUTS.on, message: 'not a calendar date (YYYY-MM-DD)' });
  for (const key of [ARRANGE_INPUTS.startTime, ARRANGE_INPUTS.endTime] as const) {
    const time = data[key]?.trim() ?? '';
    if (!time) problems.push({ where: key, message: 'required: HH:MM' });
    else if (!TIME.test(time)) problems.push({ where: key, message: 'a time of day, HH:MM (24-hour)' });
  }
  const meeting: Partial<MeetingFields> = {
    ...(date ? { on: date } : {}),
    startTime: data[ARRANGE_INPUTS.startTime]?.trim() ?? '',
    endTime: data[ARRANGE_INPUTS.endTime]?.trim() ?? '',
    venue: data[ARRANGE_INPUTS.venue]?.trim() ?? '',
    online: (data[ARRANGE_INPUTS.online] ?? 'true') === 'true',
  };
  return { meeting, problems };
}

function typedValues(data: ArrangeActionData): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const id of Object.values(ARRANGE_INPUTS)) {
    const value = data[id];
    if (value !== undefined) typed[id] = value;
  }
  return typed;
}
