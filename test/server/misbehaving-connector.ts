import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How a stand-in Bot Connector fails the bot's reply. */
export type Misbehaviour = 'server-error' | 'not-json' | 'drop' | 'hang';

export const REMOTE_SECRET = 'text-from-the-remote-that-must-not-be-echoed';

export interface MisbehavingConnector {
  readonly serviceUrl: string;
  /** The bodies of every request it received, in order. */
  readonly received: string[];
  close(): Promise<void>;
}

/** A loopback "connector" that fails every reply the way `how` says. */
export async function startMisbehavingConnector(how: Misbehaviour): Promise<MisbehavingConnector> {
  const received: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      received.push(body);
      if (how === 'server-error') {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(REMOTE_SECRET);
      } else if (how === 'not-json') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`<html>${REMOTE_SECRET}`);
      } else if (how === 'drop') {
        request.socket.destroy();
      }
      // 'hang': never answers.
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback address where nothing listens: a port that was free a moment ago. */
export async function refusingServiceUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}
