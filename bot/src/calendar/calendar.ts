import type { InvitationContent } from '../review/outbox.ts';

/** What the calendar made: the event's id and, for a Teams meeting, its join URL. */
export interface CalendarEvent {
  readonly eventId: string;
  readonly joinUrl?: string;
}

/**
 * The port meeting invitations go through (DESIGN.md section 4, `src/calendar/`): Microsoft Graph in
 * azure mode (graph-calendar.ts), iCalendar files in local mode (ics-calendar.ts).
 *
 * @remarks Each call may be repeated by the dispatcher after a crash or a timeout, so each must be
 * safe to repeat: `create` with the same `transactionId` makes one event, `update` sends the whole
 * invitation, and `cancel` of an event already gone is done.
 */
export interface Calendar {
  create(invitation: InvitationContent, transactionId: string): Promise<CalendarEvent>;
  update(eventId: string, invitation: InvitationContent): Promise<{ readonly joinUrl?: string }>;
  /** Cancels the event with a message to attendees; `eventId` undefined when none was ever made. */
  cancel(eventId: string | undefined, invitation: InvitationContent, comment: string): Promise<void>;
}

export const CALENDAR_FAILURES = [
  'throttled',
  'unavailable',
  'timeout',
  'network',
  'rejected',
  'not-found',
] as const;
export type CalendarFailure = (typeof CALENDAR_FAILURES)[number];

/**
 * A calendar call that failed, as the dispatcher decides on it: transient failures are retried (after
 * `retryAfterMs` when the service said so), the others are not.
 */
export class CalendarError extends Error {
  readonly failure: CalendarFailure;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(
    failure: CalendarFailure,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(`calendar call failed: ${failure}${options.status ? ` (${options.status})` : ''}`, {
      cause: options.cause,
    });
    this.name = 'CalendarError';
    this.failure = failure;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  get transient(): boolean {
    return this.failure !== 'rejected' && this.failure !== 'not-found';
  }
}

/**
 * Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 section 10.2.3), relative to `now`.
 */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
