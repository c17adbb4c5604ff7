import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';

/**
 * A loopback HTTPS stand-in for the part of Microsoft Graph the calendar adapter calls, checking each
 * request against Graph's documented shapes (event resource, "Create event", "Update event", "event:
 * cancel"; graph.microsoft.com/v1.0), and answering as Graph does. Tests inject faults into it.
 *
 * @remarks Not a fake of our own code: it stands where Microsoft's service stands, so the real Graph
 * client, its middleware and our adapter all run. What it enforces is what Graph documents:
 * - a create with a `transactionId` already used in the mailbox answers the event made the first time;
 * - a PATCH of `body` that drops the Teams join block makes the event stop being a Teams meeting;
 * - `/cancel` is for the organiser's own event, takes `{ comment }` and answers 202;
 * - unknown properties are refused with 400.
 */
export interface StandInEvent {
  id: string;
  mailbox: string;
  transactionId?: string;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location: { displayName: string };
  attendees: { emailAddress: { address: string; name?: string }; type: string }[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: string;
  onlineMeeting: { joinUrl: string } | null;
  isCancelled: boolean;
  cancelComment?: string;
}

export interface RecordedRequest {
  readonly method: string;
  /** Without the `/v1.0` prefix and the query. */
  readonly path: string;
  readonly query: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

/** What the next matching request meets instead of (or as well as) a normal answer. */
export type Fault =
  | { readonly status: 429 | 503 | 500 | 400; readonly retryAfterSeconds?: number }
  /** Handle the request, then answer only after `ms` (a client timeout; the work is done all the same). */
  | { readonly delayMs: number };

export const TEST_TOKEN = 'stand-in-test-token';
const TEAMS_BLOCK =
  '<div>________________________________________________________________________________</div>' +
  '<div><b>Microsoft Teams meeting</b></div><div>Join: <a href="JOIN">JOIN</a></div>';

const EVENT_PROPERTIES = new Set([
  'subject',
  'body',
  'start',
  'end',
  'location',
  'attendees',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'allowNewTimeProposals',
  'transactionId',
]);

export class GraphStandIn {
  readonly events = new Map<string, StandInEvent>();
  readonly requests: RecordedRequest[] = [];
  /** Mailboxes that cannot host Teams meetings: an online event comes back `isOnlineMeeting: false`. */
  readonly noTeams = new Set<string>();
  readonly #faults: { match: (method: string, path: string) => boolean; fault: Fault }[] = [];
  #server: Server | undefined;
  #pending = new Set<ServerResponse>();
  url = '';

  async start(): Promise<this> {
    trustStandIn();
    const dir = new URL('../fixtures/graph-tls/', import.meta.url);
    this.#server = createServer(
      { key: readFileSync(new URL('key.pem', dir)), cert: readFileSync(new URL('cert.pem', dir)) },
      (request, response) => {
        this.#handle(request, response).catch(() => send(response, 500, { error: { code: 'stand-in' } }));
      },
    );
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.url = `https://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const response of this.#pending) response.destroy();
    await new Promise<void>((resolve) => {
      this.#server?.close(() => resolve());
      this.#server?.closeAllConnections();
    });
  }

  /** The next request of `method` whose path ends with `pathEnd` meets `fault`. */
  failNext(method: string, pathEnd: string, fault: Fault): void {
    this.#faults.push({ match: (m, p) => m === method && p.endsWith(pathEnd), fault });
  }

  /** Events not cancelled, of every mailbox. */
  liveEvents(): StandInEvent[] {
    return [...this.events.values()].filter((event) => !event.isCancelled);
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'https://stand-in');
    const method = request.method ?? 'GET';
    const path = url.pathname.replace(/^\/v1\.0/, '');
    const text = await readBody(request);
    const body = text ? JSON.parse(text) : undefined;
    this.requests.push({
      method,
      path,
      query: url.search,
      authorization: request.headers.authorization,
      body,
    });
    if (request.headers.authorization !== `Bearer ${TEST_TOKEN}`) {
      return send(response, 401, graphError('InvalidAuthenticationToken', 'Access token is empty.'));
    }
    const index = this.#faults.findIndex((f) => f.match(method, path));
    const fault = index >= 0 ? this.#faults.splice(index, 1)[0]?.fault : undefined;
    if (fault && 'status' in fault) {
      const headers: Record<string, string> =
        fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      return send(
        response,
        fault.status,
        graphError(fault.status === 429 ? 'ApplicationThrottled' : 'ServiceUnavailable', 'Injected.'),
        headers,
      );
    }
    const [status, answer] = this.#route(method, path, body);
    if (fault && 'delayMs' in fault) {
      this.#pending.add(response);
      setTimeout(() => {
        this.#pending.delete(response);
        if (!response.destroyed) send(response, status, answer);
      }, fault.delayMs).unref();
      return;
    }
    send(response, status, answer);
  }

  #route(method: string, path: string, body: unknown): [number, unknown] {
    const create = /^\/users\/([^/]+)\/events$/.exec(path);
    if (create && method === 'POST') return this.#create(decodeURIComponent(create[1] ?? ''), body);
    const one = /^\/users\/([^/]+)\/events\/([^/]+)$/.exec(path);
    const cancel = /^\/users\/([^/]+)\/events\/([^/]+)\/cancel$/.exec(path);
    const [mailbox, eventId] = (cancel ?? one ?? []).slice(1).map((part) => decodeURIComponent(part ?? ''));
    const event = eventId ? this.events.get(eventId) : undefined;
    if (!event || event.mailbox !== mailbox) {
      return [404, graphError('ErrorItemNotFound', 'The specified object was not found in the store.')];
    }
    if (cancel && method === 'POST') {
      const problems = checkCancel(body);
      if (problems) return [400, graphError('ErrorInvalidRequest', problems)];
      event.isCancelled = true;
      event.cancelComment = (body as { comment: string }).comment;
      return [202, undefined];
    }
    if (one && method === 'GET') return [200, event];
    if (one && method === 'PATCH') return this.#patch(event, body);
    return [405, graphError('Request_BadRequest', 'Method not allowed.')];
  }

  #create(mailbox: string, body: unknown): [number, unknown] {
    const problems = checkEvent(body, true);
    if (problems) return [400, graphError('ErrorInvalidRequest', problems)];
    const sent = body as Omit<StandInEvent, 'id' | 'mailbox' | 'onlineMeeting' | 'isCancelled'>;
    const existing = [...this.events.values()].find(
      (event) => event.mailbox === mailbox && event.transactionId === sent.transactionId,
    );
    if (existing) return [201, existing];
    const id = `AAMk-${randomUUID()}`;
    const teams = sent.isOnlineMeeting === true && !this.noTeams.has(mailbox);
    const joinUrl = `https://teams.microsoft.com/l/meetup-join/${id}`;
    const event: StandInEvent = {
      ...sent,
      id,
      mailbox,
      isOnlineMeeting: teams,
      onlineMeeting: teams ? { joinUrl } : null,
      body: teams
        ? { ...sent.body, content: `${sent.body.content}${TEAMS_BLOCK.replaceAll('JOIN', joinUrl)}` }
        : sent.body,
      isCancelled: false,
    };
    this.events.set(id, event);
    return [201, event];
  }

  #patch(event: StandInEvent, body: unknown): [number, unknown] {
    const problems = checkEvent(body, false);
    if (problems) return [400, graphError('ErrorInvalidRequest', problems)];
    const patch = body as Partial<StandInEvent>;
    if ('transactionId' in patch)
      return [400, graphError('ErrorInvalidRequest', 'transactionId cannot change.')];
    Object.assign(event, patch);
    if (patch.body && event.onlineMeeting && !patch.body.content.includes(event.onlineMeeting.joinUrl)) {
      // Documented: the online meeting's part of the body must be kept, or the event stops being one.
      event.isOnlineMeeting = false;
      event.onlineMeeting = null;
    }
    return [200, event];
  }
}

/** The test process trusts the stand-in's self-signed certificate (added to Node's default CAs). */
let trusted = false;
function trustStandIn(): void {
  if (trusted) return;
  const cert = readFileSync(new URL('../fixtures/graph-tls/cert.pem', import.meta.url), 'utf8');
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), cert]);
  trusted = true;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** The first problem with an event body, as Graph would refuse it; undefined when it is well formed. */
function checkEvent(body: unknown, creating: boolean): string | undefined {
  if (typeof body !== 'object' || body === null) return 'The body must be a JSON object.';
  const event = body as Record<string, unknown>;
  for (const key of Object.keys(event)) {
    if (!EVENT_PROPERTIES.has(key))
      return `Property '${key}' does not exist on type 'microsoft.graph.event'.`;
  }
  if (creating && typeof event.subject !== 'string') return 'subject is required';
  const itemBody = event.body as { contentType?: unknown; content?: unknown } | undefined;
  if (
    itemBody !== undefined &&
    (!['html', 'text'].includes(String(itemBody.contentType)) || typeof itemBody.content !== 'string')
  ) {
    return 'body must be an itemBody { contentType: html | text, content }';
  }
  for (const key of ['start', 'end'] as const) {
    const value = event[key] as { dateTime?: unknown; timeZone?: unknown } | undefined;
    if (value === undefined && !creating) continue;
    if (
      !value ||
      typeof value.dateTime !== 'string' ||
      !DATE_TIME.test(value.dateTime) ||
      typeof value.timeZone !== 'string'
    ) {
      return `${key} must be a dateTimeTimeZone { dateTime, timeZone }`;
    }
  }
  const attendees = event.attendees;
  if (attendees !== undefined) {
    if (!Array.isArray(attendees)) return 'attendees must be an array';
    for (const attendee of attendees as { emailAddress?: { address?: unknown }; type?: unknown }[]) {
      if (typeof attendee.emailAddress?.address !== 'string' || !EMAIL.test(attendee.emailAddress.address)) {
        return 'each attendee needs emailAddress.address';
      }
      if (!['required', 'optional', 'resource'].includes(String(attendee.type)))
        return 'attendee type is required, optional or resource';
    }
  }
  if (
    event.onlineMeetingProvider !== undefined &&
    !['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown'].includes(
      String(event.onlineMeetingProvider),
    )
  ) {
    return 'onlineMeetingProvider is not an onlineMeetingProviderType';
  }
  if (creating && event.transactionId !== undefined && typeof event.transactionId !== 'string')
    return 'transactionId is a string';
  return undefined;
}

function checkCancel(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return 'The body must be a JSON object.';
  const keys = Object.keys(body);
  if (keys.some((key) => key !== 'comment')) return 'cancel takes only a comment';
  return typeof (body as { comment?: unknown }).comment === 'string' || keys.length === 0
    ? undefined
    : 'comment is a string';
}

function graphError(code: string, message: string) {
  return {
    error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } },
  };
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined) {
    response.writeHead(status, headers).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}
