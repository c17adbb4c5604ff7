import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedReply {
  /** `POST` for a new activity, `PUT` for an update of one (`updateActivity`). */
  readonly method: string;
  readonly path: string;
  readonly activity: {
    readonly type: string;
    readonly text?: string;
    readonly attachments?: readonly { readonly contentType: string; readonly content: unknown }[];
    readonly conversation?: { readonly id: string };
  };
}

/**
 * A stand-in for the Bot Framework connector on loopback: the bot's replies are posted to
 * `{serviceUrl}/v3/conversations/{id}/activities/{replyToId}`, and each arrives here as an event.
 */
export interface ReplyServer {
  readonly serviceUrl: string;
  /** The next reply posted (one already received and not yet taken, or the next to arrive). */
  nextReply(): Promise<PostedReply>;
  /** Every reply posted so far, taken or not, in order. */
  readonly all: readonly PostedReply[];
  close(): Promise<void>;
}

export async function startReplyServer(): Promise<ReplyServer> {
  const received: PostedReply[] = [];
  const all: PostedReply[] = [];
  const waiting: ((reply: PostedReply) => void)[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 'reply-1' }));
      const reply = {
        method: request.method ?? '',
        path: request.url ?? '',
        activity: JSON.parse(body) as PostedReply['activity'],
      };
      all.push(reply);
      const waiter = waiting.shift();
      if (waiter) waiter(reply);
      else received.push(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    all,
    nextReply: () => {
      const first = received.shift();
      return first ? Promise.resolve(first) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
