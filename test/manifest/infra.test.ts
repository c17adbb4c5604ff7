import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADVICE_CONTAINER } from '../../bot/src/store/advice-store.ts';
import { CHANNEL_LINKS_CONTAINER } from '../../bot/src/store/channel-links.ts';
import { CONVERSATIONS_CONTAINER } from '../../bot/src/store/conversation-references.ts';
import { DIRECTORY_CONTAINER } from '../../bot/src/store/cosmos-directory.ts';
import { NOTICES_CONTAINER } from '../../bot/src/store/cosmos-notices.ts';
import { CONTAINERS } from '../../bot/src/store/database.ts';
import { LA_CONFIG_CONTAINER } from '../../bot/src/store/la-config.ts';
import { MUTES_CONTAINER } from '../../bot/src/store/mutes.ts';
import { PEOPLE_CONTAINER } from '../../bot/src/store/person-index.ts';
import { readJson, readText } from './project-files.ts';

/**
 * The Bicep cannot be compiled here (the Bicep CLI is a download from GitHub), so these tests read the
 * files as text: they hold the store's containers to what the server opens, and keep the security
 * choices of docs/deploy.md from being edited away unnoticed.
 */
const MODULES = readdirSync(new URL('../../infra/modules/', import.meta.url)).map(
  (file) => `infra/modules/${file}`,
);
const bicep = (path: string) => readText(path);
const allBicep = ['infra/main.bicep', ...MODULES].map(bicep).join('\n');

interface StoreDefinition {
  readonly databaseId: string;
  readonly containers: readonly { readonly id: string }[];
}

describe('infra: Cosmos DB', () => {
  const store = readJson<StoreDefinition>('infra/cosmos-containers.json');

  it('creates each container the server opens, with the same partition key and indexing policy', () => {
    // With Entra ID auth the server cannot create containers, so Bicep must make exactly these.
    const opened = [
      ...Object.values(CONTAINERS),
      PEOPLE_CONTAINER,
      DIRECTORY_CONTAINER,
      NOTICES_CONTAINER,
      ADVICE_CONTAINER,
      CHANNEL_LINKS_CONTAINER,
      MUTES_CONTAINER,
      CONVERSATIONS_CONTAINER,
      LA_CONFIG_CONTAINER,
    ];
    const made = new Map(store.containers.map((container) => [container.id, container]));
    for (const container of opened) {
      expect(made.get(container.id), container.id).toEqual(JSON.parse(JSON.stringify(container)));
    }
    expect([...made.keys()].sort()).toEqual([
      'advice',
      'audit',
      'cases',
      'channel-links',
      'conversations',
      'directory',
      'la-config',
      'mutes',
      'notices',
      'people',
      'settings',
    ]);
  });

  it('keeps the containers in database "ehc", which the app settings name', () => {
    expect(store.databaseId).toBe('ehc');
    expect(bicep('infra/modules/app-settings.bicep')).toMatch(/COSMOS_DATABASE: cosmosDatabaseId/);
  });

  it('has keys off, session consistency and continuous backup, and gives the app the Data Contributor role', () => {
    const cosmos = bicep('infra/modules/cosmos.bicep');
    expect(cosmos).toMatch(/disableLocalAuth: true/);
    expect(cosmos).toMatch(/defaultConsistencyLevel: 'Session'/);
    expect(cosmos).toMatch(/type: 'Continuous'/);
    expect(cosmos).toMatch(/minimalTlsVersion: 'Tls12'/);
    expect(cosmos).toMatch(/sqlRoleAssignments@/);
    expect(cosmos).toMatch(/00000000-0000-0000-0000-000000000002/);
  });
});

describe('infra: where the data lives and how it is reached', () => {
  it('puts every regional resource in UK South by default and allows only UK regions', () => {
    const main = bicep('infra/main.bicep');
    expect(main).toMatch(/param location string = 'uksouth'/);
    const allowed = /@allowed\(\[\s*'uksouth'\s*'ukwest'\s*\]\)\s*param location string/;
    expect(main).toMatch(allowed);
    expect(
      readJson<{ parameters: { location: { value: string } } }>('infra/main.parameters.json').parameters
        .location.value,
    ).toBe('uksouth');
    for (const module of MODULES) {
      expect(bicep(module), module).not.toMatch(/resourceGroup\(\)\.location/);
    }
  });

  it('reads no account key or connection string anywhere', () => {
    expect(allBicep).not.toMatch(
      /listKeys\(|listConnectionStrings\(|listCredentials\(|primaryKey|AccountKey=/,
    );
  });

  it('gives the app a system-assigned identity, HTTPS only, TLS 1.2 or later, and Node 24 LTS', () => {
    const app = bicep('infra/modules/app-service.bicep');
    expect(app).toMatch(/type: 'SystemAssigned'/);
    expect(app).toMatch(/httpsOnly: true/);
    expect(app).toMatch(/minTlsVersion: '1\.2'/);
    expect(app).toMatch(/linuxFxVersion: 'NODE\|24-lts'/);
    expect(app).toMatch(/ftpsState: 'Disabled'/);
  });

  it('sets no secret as an app setting: secrets are Key Vault references', () => {
    const settings = bicep('infra/modules/app-settings.bicep');
    const secretLike = [...settings.matchAll(/^\s*([A-Z_a-z]*(?:PASSWORD|SECRET|KEY)[A-Z_a-z]*): (.+)$/gm)];
    expect(secretLike.map((match) => match[1])).toEqual(['MICROSOFT_APP_PASSWORD', 'AAD_APP_CLIENT_SECRET']);
    for (const [, , value] of secretLike) expect(value).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{/);
  });

  it('stores attachments with no public blobs, no shared keys and TLS 1.2', () => {
    const storage = bicep('infra/modules/storage.bicep');
    expect(storage).toMatch(/allowBlobPublicAccess: false/);
    expect(storage).toMatch(/allowSharedKeyAccess: false/);
    expect(storage).toMatch(/minimumTlsVersion: 'TLS1_2'/);
    expect(storage).toMatch(/name: 'attachments'/);
    expect(storage).toMatch(/publicAccess: 'None'/);
  });

  it('keeps secrets in a Key Vault with RBAC, soft delete and purge protection', () => {
    const vault = bicep('infra/modules/key-vault.bicep');
    expect(vault).toMatch(/enableRbacAuthorization: true/);
    expect(vault).toMatch(/enableSoftDelete: true/);
    expect(vault).toMatch(/enablePurgeProtection: true/);
  });

  it('registers a single-tenant-type Azure Bot on the Teams channel, pointing at /api/messages', () => {
    const bot = bicep('infra/modules/bot.bicep');
    expect(bot).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(bot).toMatch(/endpoint: 'https:\/\/\$\{appHostName\}\/api\/messages'/);
  });

  it('refers only to modules that exist', () => {
    const used = [...bicep('infra/main.bicep').matchAll(/^module \w+ '([^']+)'/gm)].map(
      (match) => `infra/${match[1]}`,
    );
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((path) => !MODULES.includes(path))).toEqual([]);
  });
});
