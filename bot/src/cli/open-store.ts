import { fileURLToPath } from 'node:url';
import { openDatabase, type StoreDatabase } from '../store/database.ts';
import { connectLocalOrStart, DEFAULT_LOCAL_PORT } from '../store/local-cosmos.ts';

export const DEFAULT_DATABASE_ID = 'ehc-review-hub';
const REPO_DATA_DIR = fileURLToPath(new URL('../../../.data/', import.meta.url));

export interface OpenedStore {
  readonly db: StoreDatabase;
  /** One line saying which store this is, for the person running the command. */
  readonly description: string;
  close(): Promise<void>;
}

/** A setting of the environment that makes no sense; the command says so and stops. */
export class StoreConfigError extends Error {
  override readonly name = 'StoreConfigError';
}

/**
 * The store a command line tool works on, from the environment: Azure Cosmos DB when `COSMOS_ENDPOINT`
 * and `COSMOS_KEY` are both set, otherwise the local development store (`LOCAL_COSMOS_PORT`, default
 * 8081; data in `EHC_DATA_DIR`, default the repository's `.data/`). `COSMOS_DATABASE` names the database.
 *
 * @remarks Only one of the two Azure settings is an error rather than a fallback to the local store: an
 * officer who meant to import into Azure must not find the cases in a local file instead.
 */
export async function openStoreFromEnv(env: NodeJS.ProcessEnv): Promise<OpenedStore> {
  const databaseId = env.COSMOS_DATABASE || DEFAULT_DATABASE_ID;
  const { COSMOS_ENDPOINT: endpoint, COSMOS_KEY: key } = env;
  if (endpoint && key) {
    const db = await openDatabase({ endpoint, key, databaseId });
    return { db, description: `Azure Cosmos DB at ${endpoint}`, close: async () => db.close() };
  }
  if (endpoint || key) {
    throw new StoreConfigError(
      'set both COSMOS_ENDPOINT and COSMOS_KEY, or neither to use the local development store',
    );
  }
  const port = localPort(env.LOCAL_COSMOS_PORT);
  const dataDir = env.EHC_DATA_DIR || REPO_DATA_DIR;
  // Each snapshot reads the whole store: after every 250 ms of a 10,000-case import that is quadratic
  // (minutes instead of seconds). Saving every 30 s loses nothing an interrupted import needs: running
  // it again writes whatever the last snapshot missed, and closing the store saves the rest.
  const local = await connectLocalOrStart({ port, dataDir, snapshotDelayMs: 30_000 });
  try {
    const db = await openDatabase({ endpoint: local.endpoint, key: local.key, databaseId });
    return {
      db,
      description:
        `the LOCAL DEVELOPMENT store at ${local.endpoint} ` +
        (local.reused ? '(the one already running)' : `(data in ${dataDir})`) +
        '; set COSMOS_ENDPOINT and COSMOS_KEY to use Azure Cosmos DB',
      close: async () => {
        db.close();
        await local.close();
      },
    };
  } catch (error) {
    await local.close();
    throw error;
  }
}

function localPort(text: string | undefined): number {
  if (!text) return DEFAULT_LOCAL_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StoreConfigError(`LOCAL_COSMOS_PORT is not a port number: "${text}"`);
  }
  return port;
}
