import type { Container, Database } from '@azure/cosmos';
import { type CaseRef, caseKey } from '../review/case.ts';
import { type Delivery, muteSilences } from '../review/mutes.ts';
import type { Warning } from '../review/warnings.ts';
import { cosmosStatus, STATUS } from './cosmos-status.ts';
import { containerDefinition, openContainer } from './database.ts';
import { documentIdOf } from './document-id.ts';

/**
 * The `mutes` container: one document per (user, case) whose warnings the user muted for themself,
 * partitioned by the user's key.
 *
 * @remarks The dispatcher asks {@link CosmosMutes.isMuted} before each personal message: a point read
 * in the user's partition (id: the case key). Only the partition key is indexed; a mute names the
 * user by account key and the case by its key, nothing else.
 */
export const MUTES_CONTAINER = containerDefinition('mutes', '/userKey', ['/userKey/?']);

export const MUTE_SCHEMA_VERSION = 1;

interface MuteDocument {
  readonly id: string;
  /** The account key (`actorKey`: `tenantId/objectId`, or `email:<address>`). */
  readonly userKey: string;
  readonly laCode: string;
  readonly caseId: string;
  readonly mutedAt: string;
  readonly schemaVersion: typeof MUTE_SCHEMA_VERSION;
}

export class CosmosMutes {
  readonly #container: Container;

  constructor(container: Container) {
    this.#container = container;
  }

  static async open(database: Database, options: { createIfMissing?: boolean } = {}): Promise<CosmosMutes> {
    return new CosmosMutes(await openContainer(database, MUTES_CONTAINER, options));
  }

  /** Mutes the case's warnings for `userKey` (muting twice is one mute, from the first time). */
  async mute(userKey: string, ref: CaseRef, at: string): Promise<void> {
    const document: MuteDocument = {
      id: documentIdOf(caseKey(ref)),
      userKey: partitionOf(userKey),
      laCode: ref.laCode,
      caseId: ref.caseId,
      mutedAt: at,
      schemaVersion: MUTE_SCHEMA_VERSION,
    };
    try {
      await this.#container.items.create(document);
    } catch (error) {
      if (cosmosStatus(error) !== STATUS.conflict) throw error;
    }
  }

  /** Ends the mute: true when there was one. */
  async unmute(userKey: string, ref: CaseRef): Promise<boolean> {
    try {
      await this.#container.item(documentIdOf(caseKey(ref)), partitionOf(userKey)).delete();
      return true;
    } catch (error) {
      if (cosmosStatus(error) === STATUS.notFound) return false;
      throw error;
    }
  }

  /** Whether `userKey` muted the case's warnings (a point read). */
  async isMuted(userKey: string, laCode: string, caseId: string): Promise<boolean> {
    const { resource } = await this.#container
      .item(documentIdOf(caseKey({ laCode, caseId })), partitionOf(userKey))
      .read<MuteDocument>();
    return resource !== undefined;
  }

  /**
   * Whether `warning`, delivered to `userKey` as `delivery`, is silenced: muted by them, and a warning
   * a mute may silence (review/mutes.ts `muteSilences`). The dispatcher's one question.
   */
  async silences(userKey: string, warning: Warning, delivery: Delivery): Promise<boolean> {
    if (!muteSilences(warning, delivery)) return false;
    return this.isMuted(userKey, warning.laCode, warning.caseId);
  }
}

/**
 * A user's key as the partition holds it: lower case.
 *
 * @remarks The key is written from a Teams SSO token (`tid`/`oid`) and read from a Bot Framework
 * activity (`tenantId`, `aadObjectId`): the same GUIDs, which one source may write in capitals.
 */
function partitionOf(userKey: string): string {
  return userKey.toLowerCase();
}
