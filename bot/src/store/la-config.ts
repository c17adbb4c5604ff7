import type { Container, Database } from '@azure/cosmos';
import type { WarningPolicy } from '../review/warning-policy.ts';
import { containerDefinition, openContainer } from './database.ts';

/**
 * The `la-config` container: what each LA has chosen for itself, one small document per choice,
 * partitioned by the LA's code. Today one choice: when the LA warns of its dates (id `warnings`).
 *
 * @remarks An LA that has chosen nothing has no document, and the product's defaults apply. The
 * documents name no person: who changed a choice is in the audit log.
 */
export const LA_CONFIG_CONTAINER = containerDefinition('la-config', '/laCode', ['/laCode/?']);

export const LA_CONFIG_SCHEMA_VERSION = 1;

const WARNINGS_ID = 'warnings';

interface WarningPolicyDocument {
  readonly id: typeof WARNINGS_ID;
  readonly laCode: string;
  readonly policy: WarningPolicy;
  readonly setAt: string;
  readonly schemaVersion: typeof LA_CONFIG_SCHEMA_VERSION;
}

/** An LA's chosen warning policy and when it was set. */
export interface StoredWarningPolicy {
  readonly policy: WarningPolicy;
  readonly setAt: string;
}

export class CosmosLaConfig {
  readonly #container: Container;

  constructor(container: Container) {
    this.#container = container;
  }

  static async open(
    database: Database,
    options: { createIfMissing?: boolean } = {},
  ): Promise<CosmosLaConfig> {
    return new CosmosLaConfig(await openContainer(database, LA_CONFIG_CONTAINER, options));
  }

  /** The LA's warning policy, if it chose one (a point read). */
  async warningPolicy(laCode: string): Promise<StoredWarningPolicy | undefined> {
    const { resource } = await this.#container.item(WARNINGS_ID, laCode).read<WarningPolicyDocument>();
    return resource ? { policy: policyOf(resource), setAt: resource.setAt } : undefined;
  }

  /** Sets the LA's warning policy (checked by the domain before it comes here); the last set holds. */
  async setWarningPolicy(laCode: string, policy: WarningPolicy, at: string): Promise<void> {
    const document: WarningPolicyDocument = {
      id: WARNINGS_ID,
      laCode,
      policy: { daysBefore: [...policy.daysBefore], overdueEveryDays: policy.overdueEveryDays },
      setAt: at,
      schemaVersion: LA_CONFIG_SCHEMA_VERSION,
    };
    await this.#container.items.upsert(document);
  }

  /**
   * Every LA's chosen warning policy, by LA code: what a sweep reads once at its start.
   *
   * @remarks One cross-partition query per sweep over one small document per LA (about 150 in
   * England); nothing on a user's request reads it.
   */
  async warningPolicies(): Promise<ReadonlyMap<string, WarningPolicy>> {
    const { resources } = await this.#container.items
      .query<WarningPolicyDocument>({
        query: 'SELECT * FROM c WHERE c.id = @id',
        parameters: [{ name: '@id', value: WARNINGS_ID }],
      })
      .fetchAll();
    return new Map(resources.map((document) => [document.laCode, policyOf(document)]));
  }
}

function policyOf(document: WarningPolicyDocument): WarningPolicy {
  return { daysBefore: document.policy.daysBefore, overdueEveryDays: document.policy.overdueEveryDays };
}
