import type { Identity } from './case.ts';
import type { CaseFile } from './case-file.ts';

/**
 * Side effects as data: what a command needs the outside world to be told (a calendar invite, an
 * update, a cancel; later cards and channel posts), kept in the case file's outbox until a dispatcher
 * has done it (DESIGN.md section 4, "transactional outbox").
 *
 * @remarks The outbox is written in the same ETag write as the change that caused it, so a crash
 * between the write and the send loses nothing: the effect is still there for the next dispatcher.
 * Each effect has a fixed id, `<reviewId>:<kind>:<seq>`, which the receiver uses to drop a repeat
 * (Graph's `transactionId`), so sending it twice does it once. Times here are ISO 8601 instants the
 * shell passes in; the domain never reads a clock.
 */
export type Effect = CalendarInvite | CalendarUpdate | CalendarCancel | AdviceRequestCard;
export type EffectKind = Effect['kind'];
export type CalendarEffect = CalendarInvite | CalendarUpdate | CalendarCancel;

export function isCalendarEffect(effect: Effect): effect is CalendarEffect {
  return effect.kind !== 'advice-request';
}

/** Whose calendar the event is in. */
export interface Organiser {
  /** The mailbox: an Entra object id (Graph's `/users/{id}`), or an email address for one without. */
  readonly mailbox: string;
  /** Their email address, for an iCalendar ORGANIZER. */
  readonly email?: string;
}

/** A calendar invitation as the calendar adapters send it: everything the invite says, and to whom. */
export interface InvitationContent {
  readonly organiser: Organiser;
  /** A stable id of the event for every version of it (iCalendar UID). */
  readonly uid: string;
  /** iCalendar SEQUENCE: 0 for the invite, one more for each update and the cancel. */
  readonly sequence: number;
  readonly subject: string;
  /** What the meeting is and the link to the case: only the child's first name (no other detail). */
  readonly text: string;
  /** The case's address in the tab, relative (`#/cases/999/C1`): the adapter puts the public URL before it. */
  readonly casePath: string;
  /** Local wall-clock times in `timeZone`, `YYYY-MM-DDTHH:MM`. */
  readonly start: string;
  readonly end: string;
  readonly timeZone: 'Europe/London';
  readonly venue: string;
  readonly online: boolean;
  readonly attendees: readonly { readonly name: string; readonly email: string }[];
}

interface EffectBase {
  /** `<reviewId>:<kind>:<seq>`: fixed for the effect's life; Graph's `transactionId` on a create. */
  readonly id: string;
  readonly reviewId: string;
}

export interface CalendarInvite extends EffectBase {
  readonly kind: 'invite';
  readonly invitation: InvitationContent;
}

export interface CalendarUpdate extends EffectBase {
  readonly kind: 'update';
  readonly invitation: InvitationContent;
}

/**
 * The cancel of an abandoned review's event, with the message to attendees.
 *
 * @remarks It carries what an iCalendar CANCEL must repeat (UID, SEQUENCE, attendees, the time): the
 * review's content is deleted at once, and this effect, the last of it, leaves the outbox once sent.
 */
export interface CalendarCancel extends EffectBase {
  readonly kind: 'cancel';
  readonly invitation: InvitationContent;
  readonly comment: string;
}

/**
 * Who a request for advice asks, as the card's sender needs it: a person (their account when the
 * review knows it, else their address), or a team's mailbox, whose allocators get the card.
 */
export type AskedOf =
  | { readonly person: { readonly identity?: Identity; readonly email: string } }
  | { readonly team: { readonly email: string } };

/**
 * The advice card sent into the personal chat of whoever a request asks (issue 9, "Requests in
 * Teams"), once, when the request is made, re-sent or allocated.
 *
 * @remarks It carries only what finds the request and its recipient: the card itself is built from
 * the case file when it is sent, so it shows the request as it is then (and no child's detail sits
 * in the outbox).
 */
export interface AdviceRequestCard extends EffectBase {
  readonly kind: 'advice-request';
  readonly requestId: string;
  readonly to: AskedOf;
}

export const EFFECT_STATES = ['pending', 'done', 'failed'] as const;
export type EffectState = (typeof EFFECT_STATES)[number];

/** An effect in the outbox, with the dispatcher's bookkeeping. */
export interface OutboxEntry {
  readonly effect: Effect;
  readonly state: EffectState;
  /** Sends tried so far. */
  readonly attempts: number;
  /** Not to be tried before this instant (a Retry-After, or a backoff). */
  readonly notBefore?: string;
  /** Held by one dispatcher until `until`, so that of several server instances only one sends it. */
  readonly lease?: { readonly holder: string; readonly until: string };
  /** The last failure: a stable code and HTTP status, never a message with personal data. */
  readonly lastError?: { readonly code: string; readonly status?: number };
  readonly doneAt?: string;
  /** How a done card effect ended: sent, or nobody asked has a chat with the bot (see the tab). */
  readonly delivery?: Delivery;
  /**
   * The accounts (`tenantId/objectId`) a card effect to several people (a team's allocators) has
   * reached so far: a retry after a failure sends only to the others.
   */
  readonly reached?: readonly string[];
}

export const DELIVERIES = ['sent', 'no-chat', 'not-open'] as const;
/** `not-open`: the request was answered or closed before its card went out, so none was sent. */
export type Delivery = (typeof DELIVERIES)[number];

/** What the calendar (or the card's sender) answered for a done effect. */
export interface EffectOutcome {
  readonly eventId?: string;
  readonly joinUrl?: string;
  readonly delivery?: Delivery;
}

/** Appends `effects` to the outbox, pending. */
export function enqueue(file: CaseFile, effects: readonly Effect[]): CaseFile {
  if (effects.length === 0) return file;
  const added: OutboxEntry[] = effects.map((effect) => ({ effect, state: 'pending', attempts: 0 }));
  return {
    ...file,
    outbox: [...(file.outbox ?? []), ...added],
    outboxSeq: nextSeq(file) + effects.length - 1,
  };
}

/** The seq the next effect will take (effect ids count up per case file, never reused). */
export function nextSeq(file: CaseFile): number {
  return (file.outboxSeq ?? 0) + 1;
}

export function effectId(reviewId: string, kind: EffectKind, seq: number): string {
  return `${reviewId}:${kind}:${seq}`;
}

/** Not sent yet and not given up on. */
export function isPending(entry: OutboxEntry): boolean {
  return entry.state === 'pending';
}

/**
 * Pending, never tried and held by no one: it can still be changed or dropped instead of sent. (A lease
 * counts an attempt, so an entry never tried is held by no one.)
 */
export function isUntouched(entry: OutboxEntry): boolean {
  return entry.state === 'pending' && entry.attempts === 0;
}

/**
 * Which effects must go out in order: a case's calendar effects form one lane (an update after its
 * invite, a cancel last), and each card is its own, so a card waiting for a chat that is throttled
 * or down never holds a calendar invite, nor another person's card.
 */
export function laneOf(effect: Effect): string {
  // Stryker disable next-line StringLiteral: the calendar lane's name is only a key, and no effect id is "" (ids are `<reviewId>:<kind>:<seq>`)
  return isCalendarEffect(effect) ? 'calendar' : effect.id;
}

/** The first pending entry of each lane, in the outbox's order. */
function laneHeads(file: CaseFile): OutboxEntry[] {
  const seen = new Set<string>();
  const heads: OutboxEntry[] = [];
  // Stryker disable next-line ArrayDeclaration: a stray element in place of no outbox is not pending, so it is skipped as the empty list is
  for (const entry of file.outbox ?? []) {
    if (!isPending(entry)) continue;
    const lane = laneOf(entry.effect);
    if (seen.has(lane)) continue;
    seen.add(lane);
    heads.push(entry);
  }
  return heads;
}

function dueAtOf(entry: OutboxEntry): string {
  const times = [entry.notBefore, entry.lease?.until].filter((t): t is string => t !== undefined);
  return times.sort().at(-1) ?? EPOCH;
}

/**
 * The entries a dispatcher may send now: the head of each lane (laneOf), if it is due and not leased
 * by someone else, in the outbox's order.
 */
export function dueEntries(file: CaseFile, now: string): OutboxEntry[] {
  return laneHeads(file).filter((head) => dueAtOf(head) <= now);
}

/** The first entry a dispatcher may send now (dueEntries). */
export function nextDue(file: CaseFile, now: string): OutboxEntry | undefined {
  return dueEntries(file, now)[0];
}

/**
 * When the file next has work for a dispatcher: the earliest instant a lane's first pending effect
 * becomes due (its backoff or lease ends), or undefined when nothing is pending. The store indexes it
 * (docs/store.md).
 */
export function outboxDueAt(file: CaseFile): string | undefined {
  return laneHeads(file).map(dueAtOf).sort()[0];
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/** Takes `id` for `holder` until `until` and counts the attempt. */
export function lease(file: CaseFile, id: string, holder: string, until: string): CaseFile {
  return changeEntry(file, id, (entry) => ({
    ...entry,
    attempts: entry.attempts + 1,
    lease: { holder, until },
  }));
}

/** `id` failed; it is tried again from `retryAt`, or given up on when `retryAt` is undefined. */
export function failed(
  file: CaseFile,
  id: string,
  error: { code: string; status?: number },
  retryAt: string | undefined,
  reached: readonly string[] = [],
): CaseFile {
  return changeEntry(file, id, (entry) => {
    const { lease: _lease, notBefore: _notBefore, ...rest } = entry;
    const all = [...new Set([...(entry.reached ?? []), ...reached])];
    const kept = all.length > 0 ? { ...rest, reached: all } : rest;
    return retryAt === undefined
      ? { ...kept, state: 'failed', lastError: error }
      : { ...kept, notBefore: retryAt, lastError: error };
  });
}

/** Marks `id` done (a repeat changes nothing) and records what the calendar answered in the file. */
export function completed(file: CaseFile, id: string, outcome: EffectOutcome, at: string): CaseFile {
  const outbox = file.outbox ?? [];
  const entry = outbox.find((e) => e.effect.id === id);
  if (!entry || entry.state === 'done') return file;
  const { lease: _lease, notBefore: _notBefore, ...rest } = entry;
  const done: OutboxEntry = {
    ...rest,
    state: 'done',
    doneAt: at,
    ...(outcome.delivery ? { delivery: outcome.delivery } : {}),
  };
  const marked = outbox.map((e) => (e === entry ? done : e));
  return recordOutcome({ ...file, outbox: prune(marked, file.review?.id) }, entry.effect, outcome);
}

function recordOutcome(file: CaseFile, effect: Effect, outcome: EffectOutcome): CaseFile {
  const review = file.review;
  if (effect.kind === 'advice-request') return file;
  if (effect.kind === 'cancel') {
    return { ...file, tombstones: (file.tombstones ?? []).filter((t) => t.reviewId !== effect.reviewId) };
  }
  if (review?.id !== effect.reviewId) {
    // The review was abandoned while its invite was in flight: the cancel needs the event's id. An
    // update in flight then names no event, and must not take the tombstone's away. (Before its
    // invite's answer a tombstone has no event id, so an answer without one changes nothing.)
    if (effect.kind !== 'invite') return file;
    const eventId = outcome.eventId;
    return {
      ...file,
      tombstones: (file.tombstones ?? []).map((t) =>
        t.reviewId === effect.reviewId ? { ...t, eventId } : t,
      ),
    };
  }
  const invitation = review.invitation;
  if (!invitation || !review.meeting) return file;
  const online = effect.invitation.online;
  // An update without a link keeps the meeting's; an invite is a review's first calendar effect, so
  // before its answer the meeting has no link of its own.
  const joinUrl = outcome.joinUrl ?? review.meeting.joinUrl;
  const { joinUrl: _old, ...meeting } = review.meeting;
  const { teamsMeetingMissing: _missing, ...sent } = invitation;
  return {
    ...file,
    review: {
      ...review,
      meeting: joinUrl ? { ...meeting, joinUrl } : meeting,
      invitation: {
        ...sent,
        ...(outcome.eventId ? { eventId: outcome.eventId } : {}),
        ...(online && !joinUrl ? { teamsMeetingMissing: true } : {}),
      },
    },
  };
}

/**
 * Done effects of a review that is no longer in the file (not `current`) leave the outbox: an abandoned
 * review's content is deleted (seed: "all information will be permanently deleted"), attendees included.
 */
function prune(outbox: readonly OutboxEntry[], current: string | undefined): OutboxEntry[] {
  return outbox.filter((e) => e.state !== 'done' || e.effect.reviewId === current);
}

function changeEntry(file: CaseFile, id: string, change: (entry: OutboxEntry) => OutboxEntry): CaseFile {
  return {
    ...file,
    outbox: (file.outbox ?? []).map((entry) => (entry.effect.id === id ? change(entry) : entry)),
  };
}
