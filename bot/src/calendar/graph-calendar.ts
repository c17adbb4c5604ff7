import {
  AuthenticationHandler,
  type AuthenticationProvider,
  Client,
  GraphError,
  HTTPMessageHandler,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import type { InvitationContent } from '../review/outbox.ts';
import { type Calendar, CalendarError, type CalendarEvent, retryAfterMs } from './calendar.ts';
import { invitationHtml, updatedBody } from './invitation-body.ts';

export interface GraphCalendarOptions {
  /** `https://graph.microsoft.com` in Azure (no version: v1.0 is added); a loopback stand-in in tests (`GRAPH_BASE_URL`). */
  readonly baseUrl: string;
  readonly authProvider: AuthenticationProvider;
  /** The tab's public address: the invitation links to the case there. */
  readonly publicUrl: string;
  /** How long one call may take before it counts as a timeout (default 20 s). */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

/** The event as this adapter reads it back. */
interface GraphEvent {
  readonly id: string;
  readonly isOnlineMeeting?: boolean;
  readonly onlineMeeting?: { readonly joinUrl?: string } | null;
  readonly body?: { readonly contentType: string; readonly content: string };
}

/**
 * Meeting invitations as events in the organiser's Outlook calendar, through Microsoft Graph
 * (`@microsoft/microsoft-graph-client`).
 *
 * @remarks
 * - The middleware chain has no RetryHandler: the outbox dispatcher owns retries (Retry-After, backoff
 *   with jitter, and a lease across instances), so a call here is one attempt and fails fast.
 * - The client attaches the token only over https to Graph's hosts or `customHosts`, so a configured
 *   base URL's host is added there (a test stand-in serves https on loopback).
 * - `transactionId` makes a repeated create one event (Graph docs, event resource); it cannot change
 *   later, so it is the effect's fixed id.
 * - Outlook allows 4 concurrent requests per mailbox (429 with Retry-After beyond): the dispatcher
 *   sends one effect per case at a time.
 */
export class GraphCalendar implements Calendar {
  readonly #client: Client;
  readonly #publicUrl: string;
  readonly #timeoutMs: number;
  readonly #now: () => Date;

  constructor(options: GraphCalendarOptions) {
    const base = new URL(options.baseUrl);
    this.#client = Client.initWithMiddleware({
      baseUrl: `${base.origin}/`,
      defaultVersion: 'v1.0',
      customHosts: new Set([base.hostname]),
      middleware: [
        new AuthenticationHandler(options.authProvider),
        new TelemetryHandler(),
        new HTTPMessageHandler(),
      ],
    });
    this.#publicUrl = options.publicUrl;
    this.#timeoutMs = options.timeoutMs ?? 20_000;
    this.#now = options.now ?? (() => new Date());
  }

  async create(invitation: InvitationContent, transactionId: string): Promise<CalendarEvent> {
    const event = await this.#call<GraphEvent>(
      `/users/${encodeURIComponent(invitation.organiser.mailbox)}/events`,
      'post',
      {
        ...this.#details(invitation),
        body: { contentType: 'html', content: invitationHtml(invitation, this.#publicUrl) },
        ...(invitation.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
        allowNewTimeProposals: false,
        transactionId,
      },
    );
    const joinUrl = event.onlineMeeting?.joinUrl ?? undefined;
    return joinUrl ? { eventId: event.id, joinUrl } : { eventId: event.id };
  }

  async update(eventId: string, invitation: InvitationContent): Promise<{ joinUrl?: string }> {
    const path = `/users/${encodeURIComponent(invitation.organiser.mailbox)}/events/${encodeURIComponent(eventId)}`;
    const current = await this.#call<GraphEvent>(`${path}?$select=body,isOnlineMeeting,onlineMeeting`, 'get');
    const content = updatedBody(current.body?.content ?? '', invitation, this.#publicUrl);
    const event = await this.#call<GraphEvent>(path, 'patch', {
      ...this.#details(invitation),
      body: { contentType: 'html', content },
    });
    const joinUrl = event.onlineMeeting?.joinUrl ?? current.onlineMeeting?.joinUrl ?? undefined;
    return joinUrl ? { joinUrl } : {};
  }

  async cancel(eventId: string | undefined, invitation: InvitationContent, comment: string): Promise<void> {
    if (eventId === undefined) return;
    const path = `/users/${encodeURIComponent(invitation.organiser.mailbox)}/events/${encodeURIComponent(eventId)}/cancel`;
    try {
      await this.#call(path, 'post', { comment });
    } catch (error) {
      // Already cancelled or deleted: what the cancel was for is done.
      if (error instanceof CalendarError && error.failure === 'not-found') return;
      throw error;
    }
  }

  #details(invitation: InvitationContent) {
    return {
      subject: invitation.subject,
      start: { dateTime: `${invitation.start}:00`, timeZone: invitation.timeZone },
      end: { dateTime: `${invitation.end}:00`, timeZone: invitation.timeZone },
      location: { displayName: invitation.venue || (invitation.online ? 'Microsoft Teams meeting' : '') },
      attendees: invitation.attendees.map((attendee) => ({
        emailAddress: { address: attendee.email, name: attendee.name },
        type: 'required',
      })),
    };
  }

  async #call<T>(path: string, method: 'get' | 'post' | 'patch', body?: unknown): Promise<T> {
    const request = this.#client.api(path).options({ signal: AbortSignal.timeout(this.#timeoutMs) });
    try {
      if (method === 'get') return (await request.get()) as T;
      if (method === 'patch') return (await request.patch(body)) as T;
      return (await request.post(body)) as T;
    } catch (error) {
      throw this.#failure(error);
    }
  }

  #failure(error: unknown): CalendarError {
    if (error instanceof GraphError && error.statusCode > 0) {
      const status = error.statusCode;
      const retryAfter = retryAfterMs(error.headers?.get('retry-after'), this.#now());
      const options = {
        status,
        cause: error,
        ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
      };
      if (status === 429) return new CalendarError('throttled', options);
      if (status === 404) return new CalendarError('not-found', options);
      if (status === 408 || status >= 500) return new CalendarError('unavailable', options);
      return new CalendarError('rejected', options);
    }
    // The client wraps a fetch failure in a GraphError whose `code` is the original error's name.
    const name = error instanceof GraphError ? error.code : error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new CalendarError('timeout', { cause: error });
    }
    return new CalendarError('network', { cause: error });
  }
}
