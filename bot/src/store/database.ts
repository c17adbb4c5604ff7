import {
  type Container,
  CosmosClient,
  type CosmosClientOptions,
  type Database,
  type IndexingPolicy,
} from '@azure/cosmos';

/**
 * The containers of the store, with their partition keys and indexing policies (docs/store.md).
 *
 * @remarks Each indexing policy opts in to the paths a query filters on and leaves the rest of the
 * document (the case file: children's details, advice, the report) out of the index: fewer RUs per
 * write and no personal data in the index. `id` and `_ts` are always indexed when the indexing mode is
 * consistent, so `ORDER BY c.id` needs no entry; a partition key path is not, so it is listed.
 */
export const CONTAINERS = {
  cases: {
    id: 'cases',
    partitionKey: { paths: ['/laCode'] },
    indexingPolicy: {
      indexingMode: 'consistent',
      automatic: true,
      includedPaths: [
        { path: '/laCode/?' },
        { path: '/settingUrn/?' },
        { path: '/outboxDue/?' },
        { path: '/summary/live/?' },
        { path: '/summary/nextDue/?' },
      ],
      excludedPaths: [{ path: '/*' }],
      // The LA's list, ordered by next due date and then id so that a page boundary is stable.
      compositeIndexes: [
        [
          { path: '/summary/nextDue', order: 'ascending' },
          { path: '/id', order: 'ascending' },
        ],
      ],
    },
  },
  settings: {
    id: 'settings',
    partitionKey: { paths: ['/id'] },
    indexingPolicy: {
      indexingMode: 'consistent',
      automatic: true,
      includedPaths: [],
      excludedPaths: [{ path: '/*' }],
    },
  },
  audit: {
    id: 'audit',
    partitionKey: { paths: ['/caseKey'] },
    indexingPolicy: {
      indexingMode: 'consistent',
      automatic: true,
      includedPaths: [{ path: '/caseKey/?' }],
      excludedPaths: [{ path: '/*' }],
    },
  },
} as const;

export type ContainerName = keyof typeof CONTAINERS;

export interface DatabaseOptions {
  /** `https://<account>.documents.azure.com:443/` in Azure; `http://127.0.0.1:<port>` for the local store. */
  readonly endpoint: string;
  readonly databaseId: string;
  /** The account key. Give this or `credential`. */
  readonly key?: string;
  /** An Entra ID credential (managed identity in App Service). Give this or `key`. */
  readonly credential?: CosmosClientOptions['aadCredentials'];
  /**
   * Create the database and containers when missing (default true).
   *
   * @remarks With Entra ID data-plane roles a client cannot create databases or containers (that is a
   * control-plane operation): there Bicep creates them from {@link CONTAINERS} and this is false.
   */
  readonly createIfMissing?: boolean;
  /**
   * Multi-region endpoint discovery. Off by default for an `http:` endpoint: the local server
   * advertises an `https:` endpoint it does not serve.
   */
  readonly endpointDiscovery?: boolean;
}

/** An opened database: one handle per container. */
export interface StoreDatabase {
  readonly client: CosmosClient;
  readonly database: Database;
  readonly cases: Container;
  readonly settings: Container;
  readonly audit: Container;
  /** Stops the client's background work; the handles are unusable afterwards. */
  close(): void;
}

/** Opens (and by default creates) the database and its containers; the same code for Azure and local. */
export async function openDatabase(options: DatabaseOptions): Promise<StoreDatabase> {
  if (options.key === undefined && options.credential === undefined) {
    throw new TypeError('openDatabase needs a key or a credential');
  }
  const client = new CosmosClient({
    endpoint: options.endpoint,
    ...(options.key !== undefined ? { key: options.key } : {}),
    ...(options.credential !== undefined ? { aadCredentials: options.credential } : {}),
    userAgentSuffix: 'ehc-review-hub',
    connectionPolicy: {
      enableEndpointDiscovery: options.endpointDiscovery ?? !options.endpoint.startsWith('http:'),
    },
  });
  try {
    const database = await openOrCreate(client, options);
    const container = (name: ContainerName) => openContainer(database, CONTAINERS[name], options);
    const [cases, settings, audit] = await Promise.all([
      container('cases'),
      container('settings'),
      container('audit'),
    ]);
    return { client, database, cases, settings, audit, close: () => client.dispose() };
  } catch (error) {
    client.dispose();
    throw error;
  }
}

/** A container's id, partition key and indexing policy, as {@link CONTAINERS} and the other stores define them. */
export interface ContainerDefinition {
  readonly id: string;
  readonly partitionKey: { readonly paths: readonly string[] };
  readonly indexingPolicy: {
    readonly indexingMode: 'consistent';
    readonly automatic: boolean;
    readonly includedPaths: readonly { readonly path: string }[];
    readonly excludedPaths: readonly { readonly path: string }[];
    readonly compositeIndexes?: readonly (readonly {
      readonly path: string;
      readonly order: 'ascending' | 'descending';
    }[])[];
  };
}

/**
 * A container partitioned by `partitionKey` that indexes only `indexedPaths` (each a property path
 * such as `/laCode/?`): nothing else a document holds, children's details included, is in the index.
 */
export function containerDefinition(
  id: string,
  partitionKey: string,
  indexedPaths: readonly string[],
): ContainerDefinition {
  return {
    id,
    partitionKey: { paths: [partitionKey] },
    indexingPolicy: {
      indexingMode: 'consistent',
      automatic: true,
      includedPaths: indexedPaths.map((path) => ({ path })),
      excludedPaths: [{ path: '/*' }],
    },
  };
}

/** The container `definition` names in `database`, created when missing unless `createIfMissing` is false. */
export async function openContainer(
  database: Database,
  definition: ContainerDefinition,
  options: { readonly createIfMissing?: boolean } = {},
): Promise<Container> {
  if (options.createIfMissing === false) return database.container(definition.id);
  const { container } = await database.containers.createIfNotExists({
    id: definition.id,
    partitionKey: { paths: [...definition.partitionKey.paths] },
    indexingPolicy: indexingPolicyOf(definition.indexingPolicy),
  });
  return container;
}

/** A mutable copy of a container's indexing policy, as the SDK takes it. */
function indexingPolicyOf(policy: ContainerDefinition['indexingPolicy']): IndexingPolicy {
  return {
    indexingMode: policy.indexingMode,
    automatic: policy.automatic,
    includedPaths: policy.includedPaths.map((path) => ({ ...path })),
    excludedPaths: policy.excludedPaths.map((path) => ({ ...path })),
    ...(policy.compositeIndexes
      ? { compositeIndexes: policy.compositeIndexes.map((index) => index.map((path) => ({ ...path }))) }
      : {}),
  };
}

async function openOrCreate(client: CosmosClient, options: DatabaseOptions): Promise<Database> {
  if (options.createIfMissing === false) return client.database(options.databaseId);
  const { database } = await client.databases.createIfNotExists({ id: options.databaseId });
  return database;
}
