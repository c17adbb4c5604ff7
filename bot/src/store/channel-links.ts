import type { Container, Database } from '@azure/cosmos';
import type { LinkedChannel } from '../review/delivery/recipients.ts';
import type { ChannelLink } from '../review/digest.ts';
import { cosmosStatus, STATUS, withoutSystemProperties } from './cosmos-status.ts';
import { containerDefinition, openContainer } from './database.ts';
import { documentIdOf } from './document-id.ts';

/**
 * The `channel-links` container: one document per Teams channel linked to cases (issue 13), whose id
 * is the channel's id, partitioned by that id.
 *
 * @remarks Partitioned by channel, so the configuration page's read and write are point operations.
 * The dispatcher's daily {@link CosmosChannelLinks.all} is the one cross-partition read: there is one
 * document per linked channel (a setting's or an LA's SEND team, so hundreds, not the caseload) and
 * each is a few hundred bytes, so it reads them all once a day in pages. Only the link's kind and keys
 * are indexed, for the lists by setting and by LA; a link holds no personal data (the person who made
 * it is an account key).
 */
export const CHANNEL_LINKS_CONTAINER = containerDefinition('channel-links', '/id', [
  '/id/?',
  '/link/kind/?',
  '/link/settingUrn/?',
  '/link/laCode/?',
]);

export const CHANNEL_LINK_SCHEMA_VERSION = 1;

/** A channel linked to a setting's or an LA's cases, and who linked it, confirming who is in it. */
export interface ChannelLinkRecord {
  /** The channel's id (`19:...@thread.tacv2`): the conversation id a post into the channel goes to. */
  readonly channelId: string;
  /** The team's thread id (Teams `channelData.team.id`). */
  readonly teamId: string;
  readonly tenantId: string;
  readonly link: ChannelLink;
  /** The account key of who linked it (`actorKey`). */
  readonly linkedBy: string;
  /** ISO 8601 instant. */
  readonly linkedAt: string;
  /**
   * Whoever linked the channel confirmed that only people working on these reviews are in it (issue
   * 13): always true, since a link is refused without it; stored so the record says so.
   */
  readonly onlyReviewersConfirmed: true;
}

interface ChannelLinkDocument extends ChannelLinkRecord {
  readonly id: string;
  readonly schemaVersion: typeof CHANNEL_LINK_SCHEMA_VERSION;
}

/** How many links a page of {@link CosmosChannelLinks.all} holds. */
const PAGE_SIZE = 100;

export class CosmosChannelLinks {
  readonly #container: Container;

  constructor(container: Container) {
    this.#container = container;
  }

  static async open(
    database: Database,
    options: { createIfMissing?: boolean } = {},
  ): Promise<CosmosChannelLinks> {
    return new CosmosChannelLinks(await openContainer(database, CHANNEL_LINKS_CONTAINER, options));
  }

  /** Links the channel, replacing what it was linked to: the same link twice is one link. */
  async link(record: ChannelLinkRecord): Promise<ChannelLinkRecord> {
    const document: ChannelLinkDocument = {
      ...record,
      id: documentIdOf(record.channelId),
      schemaVersion: CHANNEL_LINK_SCHEMA_VERSION,
    };
    await this.#container.items.upsert(document);
    return record;
  }

  /** Unlinks the channel: true when it was linked (an unlink repeated finds nothing and changes nothing). */
  async unlink(channelId: string): Promise<boolean> {
    const id = documentIdOf(channelId);
    try {
      await this.#container.item(id, id).delete();
      return true;
    } catch (error) {
      if (cosmosStatus(error) === STATUS.notFound) return false;
      throw error;
    }
  }

  /** The channel's link, if it has one (a point read). */
  async of(channelId: string): Promise<ChannelLinkRecord | undefined> {
    const id = documentIdOf(channelId);
    const { resource } = await this.#container.item(id, id).read<ChannelLinkDocument>();
    return resource ? recordOf(resource) : undefined;
  }

  /**
   * Every linked channel, a page of 100 at a time, in channel id order: what the dispatcher posts the
   * daily digests to.
   *
   * @remarks One cross-partition query a day over small documents (see {@link CHANNEL_LINKS_CONTAINER});
   * nothing on a user's request reads it.
   */
  async *all(): AsyncGenerator<readonly ChannelLinkRecord[]> {
    const query = this.#container.items.query<ChannelLinkDocument>('SELECT * FROM c ORDER BY c.id', {
      maxItemCount: PAGE_SIZE,
    });
    while (query.hasMoreResults()) {
      const { resources } = await query.fetchNext();
      if (resources.length > 0) yield resources.map(recordOf);
    }
  }

  /** Every linked channel as the notice dispatcher posts to it: its conversation id and its link. */
  async linkedChannels(): Promise<LinkedChannel[]> {
    const channels: LinkedChannel[] = [];
    for await (const page of this.all()) {
      for (const record of page) channels.push({ conversationId: record.channelId, link: record.link });
    }
    return channels;
  }

  /** The channels linked to `link` (a setting's, or an LA's), in channel id order. */
  async linkedTo(link: ChannelLink): Promise<readonly ChannelLinkRecord[]> {
    const [path, value] = link.kind === 'setting' ? ['settingUrn', link.settingUrn] : ['laCode', link.laCode];
    const { resources } = await this.#container.items
      .query<ChannelLinkDocument>({
        query: `SELECT * FROM c WHERE c.link.kind = @kind AND c.link.${path} = @value ORDER BY c.id`,
        parameters: [
          { name: '@kind', value: link.kind },
          { name: '@value', value },
        ],
      })
      .fetchAll();
    return resources.map(recordOf);
  }
}

function recordOf(document: ChannelLinkDocument): ChannelLinkRecord {
  const { id: _id, schemaVersion: _version, ...record } = withoutSystemProperties(document);
  return record;
}
