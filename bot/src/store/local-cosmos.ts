/**
 * The LOCAL DEVELOPMENT store: `@vercel/cosmosdb-server`, a Cosmos-compatible server held in memory,
 * on loopback, with an append-only journal and a JSON snapshot on disk, so that every write it
 * acknowledged survives a restart or a crash (docs/store.md, "Durability of the local store").
 *
 * Not a production store: one process, no transactional batch, no change feed, no TTL. Production
 * uses Azure Cosmos DB through the same `openDatabase` (docs/store.md).
 */
import { request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { Journal, type JournalEntry, listSegments } from './journal.ts';
import { isSignedLocalRequest } from './local-store-auth.ts';
import { readSnapshot, removeLeftoverTemporaries, restoreSnapshot, SNAPSHOT_FILE_NAME } from './snapshot.ts';
import { foldSegments } from './snapshot-fold.ts';
import { SnapshotWriter } from './snapshot-writer.ts';

/**
 * The key the local store checks every request's signature against (local-store-auth.ts). Not a
 * secret from this machine's user, but a web page cannot sign with it.
 */
export const LOCAL_STORE_KEY = Buffer.from('local development store: not a secret').toString('base64');

/** Set on every response of the local store, so another process can tell it from anything else on the port. */
export const LOCAL_STORE_HEADER = 'x-ehc-local-store';

export const DEFAULT_LOCAL_PORT = 8081;

export interface LocalCosmos {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly key: string;
  /** Folds the journal into the snapshot now (a no-op without a data directory). */
  flush(): Promise<void>;
  /** Stops the server, then folds the journal into the snapshot. */
  close(): Promise<void>;
}

export interface LocalCosmosOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Loopback only: the local store is for this machine alone. */
  readonly host?: '127.0.0.1' | '::1' | 'localhost';
  /** Where the journal and `cosmos-snapshot.json` live (the git-ignored `.data/`); without it, nothing is kept. */
  readonly dataDir?: string;
  /** A journal segment is folded into the snapshot once it holds this many bytes (default 4 MB). */
  readonly journalSegmentBytes?: number;
  /** A background fold failed (default: a process warning); the journal still has everything. */
  readonly onSnapshotError?: (error: unknown) => void;
}

/** Starts the local development store, loading the snapshot and journal in `dataDir` when there are any. */
export async function startLocalCosmos(options: LocalCosmosOptions = {}): Promise<LocalCosmos> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`the local store listens on loopback only, not ${host}`);
  let journaling: { journal: Journal; writer: SnapshotWriter } | undefined;
  const server = createHttpServer({ keepAlive: true });
  // Longer than any client's idle keep-alive (the SDK's agent keeps sockets until the server closes
  // them): Node's default 5 s closed sockets just as a write went out ("socket hang up").
  server.keepAliveTimeout = 65_000;
  guard(server, LOCAL_STORE_KEY, () => journaling);
  await listen(server, options.port ?? 0, host);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the local store has no TCP address');
  const endpoint = `http://${host === '::1' ? '[::1]' : host}:${address.port}`;
  const client = localClient(endpoint);
  try {
    if (options.dataDir !== undefined) {
      const { dataDir } = options;
      const file = join(dataDir, SNAPSHOT_FILE_NAME);
      await removeLeftoverTemporaries(file);
      // What the last run journalled joins the snapshot first, so one restore brings back everything.
      const segments = await listSegments(dataDir);
      const last = segments.at(-1)?.seq ?? 0;
      if (segments.length > 0) await foldSegments(dataDir, last, new Date());
      const snapshot = await readSnapshot(file);
      if (snapshot !== undefined) await restoreSnapshot(client, snapshot);
      // Opened after the restore: re-inserting the snapshot is not a write to journal.
      const journal = await Journal.open(dataDir, Math.max(last, snapshot?.journalSeq ?? 0) + 1);
      journaling = {
        journal,
        writer: new SnapshotWriter({
          dataDir,
          journal,
          ...(options.journalSegmentBytes === undefined ? {} : { segmentBytes: options.journalSegmentBytes }),
          onError: options.onSnapshotError ?? warnSnapshotFailed,
        }),
      };
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
    flush: () => journaling?.writer.flush() ?? Promise.resolve(),
    close: () => {
      closing ??= (async () => {
        try {
          client.dispose();
          await stop(server);
          await journaling?.writer.flush();
        } finally {
          await journaling?.journal.close();
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
 * and journals every write, whoever sent it. Writing the journal from here too would race with it.
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
 * Wraps the server's request handler: tags every response, refuses a request not signed with `key`
 * or not addressed to loopback (401), and journals every write before its answer goes out.
 *
 * @remarks The server keeps its data in a closure the package does not expose, and has no change
 * feed; its HTTP surface is the one place every write passes, whichever process sent it. A write's
 * answer is held until its journal line is on disk, so an answer the client saw is a write that
 * survives kill -9; the line is the resulting document (the server answers every write with it),
 * or the removal, so replaying it needs no ETag. A write the journal cannot describe (a transactional
 * batch, a user-defined function) is refused while journaling, rather than acknowledged and lost.
 */
function guard(
  server: Server,
  key: string,
  journaling: () => { journal: Journal; writer: SnapshotWriter } | undefined,
): void {
  const handlers = server.listeners('request') as ((
    request: IncomingMessage,
    response: ServerResponse,
  ) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    response.setHeader(LOCAL_STORE_HEADER, 'development');
    if (!isSignedLocalRequest(request, key, new Date())) {
      refuse(
        response,
        401,
        'Unauthorized',
        'the local store answers only requests signed with its key, on loopback',
      );
      return;
    }
    const active = journaling();
    if (active && isWrite(request)) {
      const write = describeWrite(request);
      if (write === 'unsupported') {
        refuse(
          response,
          400,
          'BadRequest',
          'the local store does not journal batches or user-defined functions',
        );
        return;
      }
      if (write !== undefined) holdUntilJournalled(response, write, active);
    }
    for (const handler of handlers) handler(request, response);
  });
}

function refuse(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  response.end(JSON.stringify({ code, message }));
}

type WriteShape =
  | { kind: 'db' }
  | { kind: 'coll'; db: string }
  | { kind: 'doc'; db: string; coll: string }
  | {
      kind: 'delete';
      entry: (pk: unknown) => JournalEntry;
    };

/** What a write request does, as far as the journal needs to know; `unsupported` for what it cannot replay. */
function describeWrite(request: IncomingMessage): WriteShape | 'unsupported' | undefined {
  if (String(request.headers['x-ms-cosmos-is-batch-request'] ?? '').toLowerCase() === 'true')
    return 'unsupported';
  const segments = pathSegments(request.url ?? '/');
  if (segments === undefined) return undefined;
  const [dbs, db, colls, coll, kind, id] = segments;
  if (dbs !== 'dbs') return undefined;
  if (kind === 'udfs') return 'unsupported';
  const method = request.method;
  if (segments.length === 1 && method === 'POST') return { kind: 'db' };
  if (segments.length === 2 && db !== undefined && method === 'DELETE') {
    return { kind: 'delete', entry: () => ({ op: 'dropDb', db }) };
  }
  if (colls !== 'colls' || db === undefined) return undefined;
  if (segments.length === 3 && method === 'POST') return { kind: 'coll', db };
  if (segments.length === 4 && coll !== undefined) {
    if (method === 'PUT') return { kind: 'coll', db };
    if (method === 'DELETE') return { kind: 'delete', entry: () => ({ op: 'dropColl', db, coll }) };
    return undefined;
  }
  if (kind !== 'docs' || coll === undefined) return undefined;
  if (segments.length === 5 && method === 'POST') return { kind: 'doc', db, coll };
  if (segments.length === 6 && id !== undefined) {
    if (method === 'PUT' || method === 'PATCH') return { kind: 'doc', db, coll };
    if (method === 'DELETE') return { kind: 'delete', entry: (pk) => ({ op: 'del', db, coll, id, pk }) };
  }
  return undefined;
}

/** The decoded segments of a request path, as the server routes it (a doubled or trailing slash ignored). */
function pathSegments(url: string): string[] | undefined {
  try {
    return (url.split('?')[0] ?? '')
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/** Holds the answer to a write until its journal line is on disk; a write that failed is not journalled. */
function holdUntilJournalled(
  response: ServerResponse,
  write: WriteShape,
  { journal, writer }: { journal: Journal; writer: SnapshotWriter },
): void {
  const end = response.end.bind(response) as (chunk?: unknown) => ServerResponse;
  response.end = ((chunk?: unknown) => {
    const entry = response.statusCode < 300 ? entryOf(write, response.req, chunk) : undefined;
    if (entry === undefined) return end(chunk);
    journal.append(entry).then(
      () => {
        end(chunk);
        writer.afterAppend();
      },
      () => {
        // Applied in memory but not on disk: not acknowledged, so the client tries again.
        response.statusCode = 503;
        end(
          JSON.stringify({
            code: 'ServiceUnavailable',
            message: 'the local store could not write its journal',
          }),
        );
      },
    );
    return response;
  }) as ServerResponse['end'];
}

function entryOf(write: WriteShape, request: IncomingMessage, chunk: unknown): JournalEntry | undefined {
  if (write.kind === 'delete') {
    const header = request.headers['x-ms-documentdb-partitionkey'];
    let pk: unknown;
    try {
      pk = typeof header === 'string' ? JSON.parse(header) : undefined;
    } catch {
      pk = undefined;
    }
    return write.entry(pk);
  }
  let body: unknown;
  try {
    body = JSON.parse(
      typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '',
    );
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || typeof (body as { id?: unknown }).id !== 'string')
    return undefined;
  const resource = body as { id: string } & Record<string, unknown>;
  if (write.kind === 'db') return { op: 'db', db: resource.id };
  if (write.kind === 'doc') return { op: 'put', db: write.db, coll: write.coll, doc: resource };
  const { id, partitionKey, indexingPolicy, uniqueKeyPolicy } = resource as {
    id: string;
    partitionKey?: { paths?: string[] };
    indexingPolicy?: Record<string, unknown>;
    uniqueKeyPolicy?: Record<string, unknown>;
  };
  return {
    op: 'coll',
    db: write.db,
    def: {
      id,
      partitionKey: { ...partitionKey, paths: partitionKey?.paths ?? ['/id'] },
      ...(indexingPolicy ? { indexingPolicy } : {}),
      ...(uniqueKeyPolicy ? { uniqueKeyPolicy } : {}),
    },
  };
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
