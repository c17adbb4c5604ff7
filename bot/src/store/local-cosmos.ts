/**
 * The LOCAL DEVELOPMENT store: `@vercel/cosmosdb-server`, a Cosmos-compatible server held in memory,
 * on loopback, with a JSON snapshot on disk so that demo data survives a restart.
 *
 * Not a production store: no authentication (any key is accepted), no durability beyond the last
 * snapshot, no transactional batch, no change feed, no TTL. Production uses Azure Cosmos DB through
 * the same `openDatabase` (docs/store.md).
 */
import { request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { readSnapshot, restoreSnapshot, SNAPSHOT_FILE_NAME } from './snapshot.ts';
import { SnapshotWriter } from './snapshot-writer.ts';

/** The local server accepts any key; this one says what it is. Not a secret. */
export const LOCAL_STORE_KEY = Buffer.from('local development store: not a secret').toString('base64');

/** Set on every response of the local store, so another process can tell it from anything else on the port. */
export const LOCAL_STORE_HEADER = 'x-ehc-local-store';

export const DEFAULT_LOCAL_PORT = 8081;

export interface LocalCosmos {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly key: string;
  /** Saves the snapshot now if anything changed (a no-op without a data directory). */
  flush(): Promise<void>;
  /** Saves the snapshot, then stops the server. */
  close(): Promise<void>;
}

export interface LocalCosmosOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Loopback only: the local store has no authentication. */
  readonly host?: '127.0.0.1' | '::1' | 'localhost';
  /** Where `cosmos-snapshot.json` lives (the git-ignored `.data/`); without it, nothing is kept. */
  readonly dataDir?: string;
  /** Debounce of the snapshot after a write (default 250 ms). */
  readonly snapshotDelayMs?: number;
  /** A background snapshot failed (default: a process warning). */
  readonly onSnapshotError?: (error: unknown) => void;
}

/** Starts the local development store, loading the snapshot in `dataDir` when there is one. */
export async function startLocalCosmos(options: LocalCosmosOptions = {}): Promise<LocalCosmos> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`the local store listens on loopback only, not ${host}`);
  let writer: SnapshotWriter | undefined;
  const server = createHttpServer({ keepAlive: true });
  watchWrites(server, () => writer?.markDirty());
  await listen(server, options.port ?? 0, host);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the local store has no TCP address');
  const endpoint = `http://${host === '::1' ? '[::1]' : host}:${address.port}`;
  const client = localClient(endpoint);
  try {
    if (options.dataDir !== undefined) {
      const file = join(options.dataDir, SNAPSHOT_FILE_NAME);
      const snapshot = await readSnapshot(file);
      if (snapshot !== undefined) await restoreSnapshot(client, snapshot);
      // Created after the restore: re-inserting the snapshot is not a change to save.
      writer = new SnapshotWriter({
        client,
        file,
        delayMs: options.snapshotDelayMs ?? 250,
        onError: options.onSnapshotError ?? warnSnapshotFailed,
      });
    }
  } catch (error) {
    client.dispose();
    await stop(server);
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    endpoint,
    key: LOCAL_STORE_KEY,
    flush: () => writer?.flush() ?? Promise.resolve(),
    close: () => {
      closing ??= (async () => {
        try {
          await writer?.flush();
        } finally {
          client.dispose();
          await stop(server);
        }
      })();
      return closing;
    },
  };
}

/**
 * The local store on `port`: the one already running there (`npm start`), or a new one with the
 * snapshot in `dataDir`. What `npm run import` uses, so that an import while the server runs lands in
 * the running store.
 *
 * @remarks When `reused` is true, `flush` and `close` do nothing: the running process owns the data
 * and saves its own snapshot after every write, whoever sent it. Writing the snapshot from here too
 * would race with it.
 */
export async function connectLocalOrStart(
  options: Omit<LocalCosmosOptions, 'port'> & { port?: number } = {},
): Promise<LocalCosmos & { readonly reused: boolean }> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_LOCAL_PORT;
  const reuse = async (): Promise<(LocalCosmos & { reused: boolean }) | undefined> => {
    const found = await probe(host, port);
    if (found === 'nothing') return undefined;
    if (found === 'something-else') {
      throw new Error(`port ${port} is in use by something that is not the local store; choose another port`);
    }
    return {
      endpoint: `http://${host === '::1' ? '[::1]' : host}:${port}`,
      key: LOCAL_STORE_KEY,
      reused: true,
      flush: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
  };
  const running = await reuse();
  if (running !== undefined) return running;
  try {
    return { ...(await startLocalCosmos({ ...options, host, port })), reused: false };
  } catch (error) {
    // Another process started one between the probe and the listen.
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      const started = await reuse();
      if (started !== undefined) return started;
    }
    throw error;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function localClient(endpoint: string): CosmosClient {
  return new CosmosClient({
    endpoint,
    key: LOCAL_STORE_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
}

/**
 * Wraps the server's request handler to tag responses and to notice writes.
 *
 * @remarks The server keeps its data in a closure the package does not expose, and has no change
 * feed; its HTTP surface is the one place every write passes, whichever process sent it. A request is
 * a write unless it is a GET or a query (a POST the server itself routes as a query, by the same
 * headers); it counts once the response has finished with a success status, so the save that follows
 * sees it. Counting a read as a write would only cost an extra save.
 */
function watchWrites(server: Server, onWrite: () => void): void {
  const handlers = server.listeners('request') as ((
    request: IncomingMessage,
    response: ServerResponse,
  ) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    response.setHeader(LOCAL_STORE_HEADER, 'development');
    if (isWrite(request)) {
      response.once('finish', () => {
        if (response.statusCode < 400) onWrite();
      });
    }
    for (const handler of handlers) handler(request, response);
  });
}

function isWrite(request: IncomingMessage): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const isQuery =
    String(request.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true' ||
    request.headers['content-type'] === 'application/query+json';
  return !(request.method === 'POST' && isQuery);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Keep-alive connections (ours and other processes') would hold `close` open.
    server.closeAllConnections();
  });
}

/** What answers on the port: the local store, something else, or nothing. */
function probe(host: string, port: number): Promise<'local-store' | 'something-else' | 'nothing'> {
  return new Promise((resolve) => {
    const request = httpRequest(
      { host, port, path: '/', method: 'GET', agent: false, timeout: 2000 },
      (response) => {
        response.resume();
        resolve(response.headers[LOCAL_STORE_HEADER] === undefined ? 'something-else' : 'local-store');
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => {
      const refused = 'code' in error && error.code === 'ECONNREFUSED';
      resolve(refused ? 'nothing' : 'something-else');
    });
    request.end();
  });
}

function warnSnapshotFailed(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  process.emitWarning(`local store: the snapshot was not saved (${reason}); it will be tried again`);
}
