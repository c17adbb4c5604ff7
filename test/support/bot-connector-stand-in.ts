import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP stand-in for the part of the Bot Connector service a Teams bot calls to write
 * unprompted (Bot Framework REST API v3, "Conversations"): `POST /v3/conversations` (a new thread in
 * a channel: `isGroup: true`, `channelData.channel.id`), `POST /v3/conversations/{id}/activities`
 * (a message into a conversation) and `GET /v3/teams/{id}/conversations` (a team's channels). It
 * answers as the service does (201 with a `ResourceResponse` / `ConversationResourceResponse`, an
 * `ErrorResponse` otherwise) and records every request with the time of the injected clock.
 *
 * @remarks Not a fake of our code: it stands where Microsoft's service stands, so botbuilder's real
 * connector client runs. Faults are scripted per request (429 with Retry-After, 412, 502/503/504, or
 * "do the work, then answer late": a timeout whose post arrived). A message whose activity id was
 * seen before in that channel or conversation is answered as the first was and not delivered again:
 * that is how this stand-in drops a repeat, when the sender gives the id (Teams makes no such promise).
 */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
  /** The injected clock's milliseconds when the request arrived. */
  readonly at: number;
  readonly status: number;
}

/** A message that reached a conversation (once, whatever the repeats). */
export interface Delivered {
  /** The conversation it was posted into: a channel's thread (`<channel>;messageid=<id>`) or a chat. */
  readonly conversationId: string;
  /** The channel of a new thread; absent for a message into an existing conversation. */
  readonly channelId?: string;
  readonly activity: Record<string, unknown>;
  readonly at: number;
}

export type ConnectorFault =
  | { readonly status: 412 | 429 | 500 | 502 | 503 | 504 | 403 | 404; readonly retryAfterSeconds?: number }
  | { readonly answerAfterMs: number };

export class BotConnectorStandIn {
  readonly calls: RecordedCall[] = [];
  readonly delivered: Delivered[] = [];
  /** Channel ids a thread may be started in, with the team each belongs to. */
  readonly channels = new Map<string, { teamId: string; name?: string }>();
  /** Conversation ids messages may be sent into (personal chats, existing threads). */
  readonly conversations = new Set<string>();
  readonly #seen = new Map<string, unknown>();
  #fault: (call: { method: string; path: string; body: unknown }) => ConnectorFault | undefined = () =>
    undefined;
  readonly #now: () => number;
  #server: Server | undefined;
  #late = new Set<ServerResponse>();
  url = '';

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  /** Every request for which `rule` answers a fault meets it (instead of a normal answer). */
  faults(rule: (call: { method: string; path: string; body: unknown }) => ConnectorFault | undefined): void {
    this.#fault = rule;
  }

  /** The next `count` requests meet `fault`, then answers are normal again. */
  failNext(count: number, fault: ConnectorFault): void {
    let left = count;
    this.#fault = () => (left-- > 0 ? fault : undefined);
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      this.#handle(request, response).catch(() => {
        if (!response.headersSent) send(response, 500, error('ServiceError', 'stand-in failure'));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    for (const response of this.#late) response.destroy();
    await new Promise<void>((resolve) => {
      this.#server?.close(() => resolve());
      this.#server?.closeAllConnections();
    });
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : undefined;
    const method = request.method ?? 'GET';
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://stand-in').pathname);
    const at = this.#now();
    const record = (status: number) =>
      this.calls.push({ method, path, authorization: request.headers.authorization, body, at, status });
    const fault = this.#fault({ method, path, body });
    if (fault && 'status' in fault) {
      record(fault.status);
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      send(
        response,
        fault.status,
        error(fault.status === 429 ? 'Throttled' : 'ServiceError', 'scripted fault'),
        headers,
      );
      return;
    }
    const answer = this.#answer(method, path, body, at);
    record(answer.status);
    if (fault && 'answerAfterMs' in fault) {
      this.#late.add(response);
      setTimeout(() => {
        this.#late.delete(response);
        if (!response.destroyed) send(response, answer.status, answer.body);
      }, fault.answerAfterMs).unref();
      return;
    }
    send(response, answer.status, answer.body);
  }

  #answer(method: string, path: string, body: unknown, at: number): { status: number; body: unknown } {
    const activities = /^\/v3\/conversations\/([^/]+)\/activities$/.exec(path);
    const teamChannels = /^\/v3\/teams\/([^/]+)\/conversations$/.exec(path);
    if (method === 'POST' && path === '/v3/conversations') return this.#createConversation(body, at);
    if (method === 'POST' && activities) return this.#sendToConversation(activities[1] as string, body, at);
    if (method === 'GET' && teamChannels) {
      const teamId = teamChannels[1] as string;
      const conversations = [...this.channels]
        .filter(([, channel]) => channel.teamId === teamId)
        .map(([id, channel]) => ({ id, ...(channel.name ? { name: channel.name } : {}) }));
      return conversations.length > 0
        ? { status: 200, body: { conversations } }
        : { status: 404, body: error('NotFound', 'no such team') };
    }
    return { status: 404, body: error('NotFound', `no route ${method} ${path}`) };
  }

  #createConversation(body: unknown, at: number): { status: number; body: unknown } {
    const params = body as {
      isGroup?: unknown;
      bot?: { id?: unknown };
      channelData?: { channel?: { id?: unknown } };
      activity?: Record<string, unknown>;
    };
    const channelId = params?.channelData?.channel?.id;
    if (params?.isGroup !== true || typeof channelId !== 'string')
      return {
        status: 400,
        body: error('BadArgument', 'a channel post needs isGroup and channelData.channel.id'),
      };
    if (typeof params.bot?.id !== 'string' || !params.activity || params.activity.type !== 'message')
      return {
        status: 400,
        body: error('BadArgument', 'a channel post needs the bot and a message activity'),
      };
    if (!this.channels.has(channelId))
      return { status: 403, body: error('BotNotInConversationRoster', 'not in the team') };
    const repeat = this.#repeat(channelId, params.activity);
    if (repeat) return { status: 201, body: repeat };
    const activityId = String(1_700_000_000_000 + this.delivered.length);
    const conversationId = `${channelId};messageid=${activityId}`;
    this.conversations.add(conversationId);
    this.delivered.push({ conversationId, channelId, activity: params.activity, at });
    const answer = { id: conversationId, activityId };
    this.#remember(channelId, params.activity, answer);
    return { status: 201, body: answer };
  }

  #sendToConversation(conversationId: string, body: unknown, at: number): { status: number; body: unknown } {
    const activity = body as Record<string, unknown> | undefined;
    if (activity?.type !== 'message')
      return { status: 400, body: error('BadArgument', 'the body must be a message activity') };
    if (!this.conversations.has(conversationId))
      return { status: 404, body: error('ConversationNotFound', 'no such conversation') };
    const repeat = this.#repeat(conversationId, activity);
    if (repeat) return { status: 201, body: repeat };
    const answer = { id: randomUUID() };
    this.delivered.push({ conversationId, activity, at });
    this.#remember(conversationId, activity, answer);
    return { status: 201, body: answer };
  }

  #repeat(where: string, activity: Record<string, unknown>): unknown {
    return typeof activity.id === 'string' ? this.#seen.get(`${where}\n${activity.id}`) : undefined;
  }

  #remember(where: string, activity: Record<string, unknown>, answer: unknown): void {
    if (typeof activity.id === 'string') this.#seen.set(`${where}\n${activity.id}`, answer);
  }
}

function error(code: string, message: string) {
  return { error: { code, message } };
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
