import type { LaPolicy } from '../review/policy.ts';
import { type AdviceStore, CosmosAdviceStore } from './advice-store.ts';
import type { AuditLog } from './audit-log.ts';
import { type CaseListings, CosmosCaseListings } from './case-listings.ts';
import type { CaseStore } from './case-store.ts';
import { CosmosChannelLinks } from './channel-links.ts';
import { ConversationReferences } from './conversation-references.ts';
import { CosmosAuditLog } from './cosmos-audit-log.ts';
import { CosmosCaseStore } from './cosmos-case-store.ts';
import { CosmosDirectory } from './cosmos-directory.ts';
import { CosmosNotices } from './cosmos-notices.ts';
import { openDatabase, type StoreDatabase } from './database.ts';
import { CosmosDueListings, type DueListings } from './due-listings.ts';
import { CosmosLaConfig } from './la-config.ts';
import { connectLocalOrStart } from './local-cosmos.ts';
import { CosmosMutes } from './mutes.ts';
import { CosmosOutboxQueue, type OutboxQueue } from './outbox-queue.ts';
import { CosmosPersonIndex, withPersonIndex } from './person-index.ts';

/** Where the records are: Azure Cosmos DB, or the local development store on loopback. */
export type StoreSettings =
  | {
      readonly kind: 'azure';
      readonly endpoint: string;
      /** The account key; without it the managed identity (Entra ID) is used, as in App Service. */
      readonly key?: string;
      readonly databaseId: string;
    }
  | {
      readonly kind: 'local';
      readonly port: number;
      readonly dataDir: string;
      readonly databaseId: string;
    };

/** The repositories over one database, as the server and the command-line tools use them. */
export interface Stores {
  /** Case files, keeping the person index in step with every write. */
  readonly cases: CaseStore;
  /** The summaries the case writes keep beside each file, for the lists. */
  readonly listings: CaseListings;
  readonly people: CosmosPersonIndex;
  readonly audit: AuditLog;
  /** Azure mode's directory of people (identity/la-directory.ts). */
  readonly directory: CosmosDirectory;
  /** Where the outbox dispatcher finds work (outbox-queue.ts). */
  readonly outbox: OutboxQueue;
  /** The deadline warnings recorded once each, and the sweep's lease (cosmos-notices.ts). */
  readonly notices: CosmosNotices;
  /** Where the deadline sweep finds the cases with something due (due-listings.ts). */
  readonly dueListings: DueListings;
  /** Advice documents, one per piece of advice (advice-store.ts). */
  readonly advice: AdviceStore;
  /** The Teams channels linked to a setting's or an LA's cases (channel-links.ts). */
  readonly channelLinks: CosmosChannelLinks;
  /** The cases whose warnings a user muted for themself (mutes.ts). */
  readonly mutes: CosmosMutes;
  /** Where the bot may write unprompted: team channels and personal chats (conversation-references.ts). */
  readonly conversations: ConversationReferences;
  /** What each LA chose for itself, such as when it warns of its dates (la-config.ts). */
  readonly laConfig: CosmosLaConfig;
}

export interface OpenedStores extends Stores {
  readonly db: StoreDatabase;
  /** One line saying which store this is, for the person running a command (no secrets). */
  readonly description: string;
  /** Closes the connection and, for the local store this process started, saves its snapshot. */
  close(): Promise<void>;
}

export interface StoresOptions {
  readonly createIfMissing?: boolean;
  /** Each LA's policy, which the summary stored with each case is computed with (default: statutory). */
  readonly policyFor?: (laCode: string) => LaPolicy;
}

/**
 * The repositories over an opened database.
 *
 * @remarks Every writer goes through here, so no path (the server, an import, the demo seeding) can
 * write a case file without its person index entries.
 */
export async function storesOver(db: StoreDatabase, options: StoresOptions = {}): Promise<Stores> {
  const [people, directory, notices, advice, channelLinks, mutes, conversations, laConfig] =
    await Promise.all([
      CosmosPersonIndex.open(db.database, options),
      CosmosDirectory.open(db.database, options),
      CosmosNotices.open(db.database, options),
      CosmosAdviceStore.open(db.database, options),
      CosmosChannelLinks.open(db.database, options),
      CosmosMutes.open(db.database, options),
      ConversationReferences.open(db.database, options),
      CosmosLaConfig.open(db.database, options),
    ]);
  const policyFor = options.policyFor;
  return {
    cases: withPersonIndex(new CosmosCaseStore(db, policyFor ? { policyFor } : {}), people),
    listings: new CosmosCaseListings(db),
    people,
    audit: new CosmosAuditLog(db.audit),
    directory,
    outbox: new CosmosOutboxQueue(db.cases),
    notices,
    dueListings: new CosmosDueListings(db.cases),
    advice,
    channelLinks,
    mutes,
    conversations,
    laConfig,
  };
}

/** Opens the store `settings` name: the local one (started, or the one already running) or Azure. */
export async function openStores(
  settings: StoreSettings,
  options: Pick<StoresOptions, 'policyFor'> = {},
): Promise<OpenedStores> {
  const { databaseId } = settings;
  if (settings.kind === 'azure') {
    const { endpoint, key } = settings;
    // Without a key, the managed identity: its data-plane role cannot create containers, so Bicep
    // does (infra/cosmos-containers.json). @azure/identity is loaded only here; local mode never needs it.
    const db = key
      ? await openDatabase({ endpoint, key, databaseId })
      : await openDatabase({
          endpoint,
          credential: new (await import('@azure/identity')).DefaultAzureCredential(),
          databaseId,
          createIfMissing: false,
        });
    try {
      const stores = await storesOver(db, { ...options, createIfMissing: key !== undefined });
      return { ...stores, db, description: `Azure Cosmos DB at ${endpoint}`, close: async () => db.close() };
    } catch (error) {
      db.close();
      throw error;
    }
  }
  const local = await connectLocalOrStart({ port: settings.port, dataDir: settings.dataDir });
  try {
    const db = await openDatabase({ endpoint: local.endpoint, key: local.key, databaseId });
    const stores = await storesOver(db, options);
    return {
      ...stores,
      db,
      description:
        `the LOCAL DEVELOPMENT store at ${local.endpoint} ` +
        (local.reused ? '(the one already running)' : `(data in ${settings.dataDir})`),
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
