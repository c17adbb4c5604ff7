import type { Container, Database } from '@azure/cosmos';
import { type Identity, identityKey } from '../review/case.ts';
import { cosmosStatus, STATUS } from './cosmos-status.ts';
import { containerDefinition, openContainer } from './database.ts';
import { documentIdOf } from './document-id.ts';

/**
 * The `conversations` container: where the bot can write to unprompted. One document per team
 * channel (keyed by the channel's conversation id) and per user who installed the app personally
 * (keyed by their account), each alone in its partition, so a send is one point read.
 *
 * @remarks Teams gives the bot a conversation's address (its `serviceUrl` and ids) only in an
 * activity: the install, a channel's creation. A proactive post needs it later, so it is kept here
 * (Teams platform docs, "Send proactive messages"). Only `teamId` is indexed besides the key: a
 * team's removal forgets its channels with one query. No person's name is stored; a channel's and a
 * team's names are kept for the tab's configuration page.
 */
export const CONVERSATIONS_CONTAINER = containerDefinition('conversations', '/key', ['/key/?', '/teamId/?']);

export const REFERENCE_SCHEMA_VERSION = 1;

/** Where and as whom the bot writes into a conversation. */
export interface ConversationReference {
  /** The Bot Connector's base URL for this conversation (Teams' regional `smba` URL). */
  readonly serviceUrl: string;
  /** `msteams`. */
  readonly channelId: string;
  readonly tenantId: string;
  /** The bot's own account id in the conversation (`28:<app id>`). */
  readonly botId: string;
  /** A channel's id (a post starts a thread in it), or a personal chat's conversation id. */
  readonly conversationId: string;
}

export interface ChannelReference extends ConversationReference {
  readonly kind: 'channel';
  readonly teamId: string;
  readonly teamName?: string;
  readonly channelName?: string;
}

export interface PersonalReference extends ConversationReference {
  readonly kind: 'personal';
  /** `tenantId/objectId` (`actorKey` of the user). */
  readonly userKey: string;
}

export type StoredReference = ChannelReference | PersonalReference;

interface ReferenceDocument {
  readonly id: 'reference';
  readonly key: string;
  readonly teamId?: string;
  readonly schemaVersion: typeof REFERENCE_SCHEMA_VERSION;
  readonly updatedAt: string;
  readonly reference: StoredReference;
}

const channelKey = (conversationId: string) => documentIdOf(`channel:${conversationId}`);
const userKey = (identity: Identity) => documentIdOf(`user:${identityKey(identity)}`);

export class ConversationReferences {
  readonly #container: Container;

  constructor(container: Container) {
    this.#container = container;
  }

  static async open(
    database: Database,
    options: { createIfMissing?: boolean } = {},
  ): Promise<ConversationReferences> {
    return new ConversationReferences(await openContainer(database, CONVERSATIONS_CONTAINER, options));
  }

  /** Keeps `reference` (a repeat, or a rename, replaces what was kept). */
  async put(reference: StoredReference, at: string): Promise<void> {
    const key = reference.kind === 'channel' ? channelKey(reference.conversationId) : keyOfUser(reference);
    const document: ReferenceDocument = {
      id: 'reference',
      key,
      ...(reference.kind === 'channel' ? { teamId: reference.teamId } : {}),
      schemaVersion: REFERENCE_SCHEMA_VERSION,
      updatedAt: at,
      reference,
    };
    await this.#container.items.upsert(document);
  }

  async channel(conversationId: string): Promise<ChannelReference | undefined> {
    const found = await this.#read(channelKey(conversationId));
    return found?.kind === 'channel' ? found : undefined;
  }

  async personal(identity: Identity): Promise<PersonalReference | undefined> {
    const found = await this.#read(userKey(identity));
    return found?.kind === 'personal' ? found : undefined;
  }

  /** The channels kept of team `teamId`. */
  async channelsOfTeam(teamId: string): Promise<readonly ChannelReference[]> {
    const { resources } = await this.#container.items
      .query<ReferenceDocument>({
        query: 'SELECT * FROM c WHERE c.teamId = @teamId',
        parameters: [{ name: '@teamId', value: teamId }],
      })
      .fetchAll();
    return resources.flatMap((document) =>
      document.reference.kind === 'channel' ? [document.reference] : [],
    );
  }

  async forgetChannel(conversationId: string): Promise<void> {
    await this.#delete(channelKey(conversationId));
  }

  /** Forgets the personal chat of the user `userKey` (`tenantId/objectId`): the app uninstalled. */
  async forgetPersonal(userKey: string): Promise<void> {
    await this.#delete(documentIdOf(`user:${userKey}`));
  }

  /** Forgets every channel of team `teamId` (the app removed from the team, the team deleted). */
  async forgetTeam(teamId: string): Promise<number> {
    const channels = await this.channelsOfTeam(teamId);
    for (const channel of channels) await this.forgetChannel(channel.conversationId);
    return channels.length;
  }

  async #read(key: string): Promise<StoredReference | undefined> {
    try {
      const { resource } = await this.#container.item('reference', key).read<ReferenceDocument>();
      return resource?.reference;
    } catch (error) {
      if (cosmosStatus(error) === STATUS.notFound) return undefined;
      throw error;
    }
  }

  async #delete(key: string): Promise<void> {
    try {
      await this.#container.item('reference', key).delete();
    } catch (error) {
      if (cosmosStatus(error) !== STATUS.notFound) throw error;
    }
  }
}

function keyOfUser(reference: PersonalReference): string {
  return documentIdOf(`user:${reference.userKey}`);
}
