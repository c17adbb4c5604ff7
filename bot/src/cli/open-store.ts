import { fileURLToPath } from 'node:url';
import { DEFAULT_LOCAL_PORT } from '../store/local-cosmos.ts';
import { type OpenedStores, openStores, type StoreSettings } from '../store/open-stores.ts';

export const DEFAULT_DATABASE_ID = 'ehc-review-hub';
const REPO_DATA_DIR = fileURLToPath(new URL('../../../.data/', import.meta.url));

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
export function storeSettingsFromEnv(env: NodeJS.ProcessEnv): StoreSettings {
  const databaseId = env.COSMOS_DATABASE || DEFAULT_DATABASE_ID;
  const { COSMOS_ENDPOINT: endpoint, COSMOS_KEY: key } = env;
  if (endpoint && key) return { kind: 'azure', endpoint, key, databaseId };
  if (endpoint || key) {
    throw new StoreConfigError(
      'set both COSMOS_ENDPOINT and COSMOS_KEY, or neither to use the local development store',
    );
  }
  return {
    kind: 'local',
    port: localPort(env.LOCAL_COSMOS_PORT),
    dataDir: env.EHC_DATA_DIR || REPO_DATA_DIR,
    databaseId,
    // The import writes in bulk; the snapshot writer backs off by itself, and closing saves the rest.
  };
}

/** The stores for a command, and the line that tells the person running it which store this is. */
export async function openStoreFromEnv(env: NodeJS.ProcessEnv): Promise<OpenedStores> {
  const settings = storeSettingsFromEnv(env);
  const opened = await openStores(settings);
  const hint = settings.kind === 'local' ? '; set COSMOS_ENDPOINT and COSMOS_KEY to use Azure Cosmos DB' : '';
  return { ...opened, description: `${opened.description}${hint}` };
}

function localPort(text: string | undefined): number {
  if (!text) return DEFAULT_LOCAL_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StoreConfigError(`LOCAL_COSMOS_PORT is not a port number: "${text}"`);
  }
  return port;
}
