import { describe, expect, it } from 'vitest';
import {
  BOT_FRAMEWORK_METADATA_URL,
  ConfigError,
  ENTRA_METADATA_URL,
  LOCAL_HOST_RULE,
  loadConfig,
} from '../../bot/src/config.ts';

const TENANT_A = '3f7a2c1e-0b4d-4e8a-9c6f-1a2b3c4d5e6f';
const TENANT_B = '8e1d4b7a-2c3f-4a5b-8d9e-0f1a2b3c4d5e';
const SSO = { AAD_APP_CLIENT_ID: 'client', SSO_ALLOWED_TENANTS: `${TENANT_A} ${TENANT_B.toUpperCase()}` };
const AZURE = {
  MODE: 'azure',
  COSMOS_ENDPOINT: 'https://account.documents.azure.com:443/',
  MICROSOFT_APP_ID: 'app',
  MICROSOFT_APP_PASSWORD: 'secret',
  MICROSOFT_APP_TYPE: 'MultiTenant',
};

describe('the server configuration', () => {
  it('needs nothing for local mode: port 3978, loopback, the local store on 8081 with data in .data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'local',
      port: 3978,
      host: '127.0.0.1',
      databaseId: 'ehc-review-hub',
    });
    expect(config.store).toMatchObject({ kind: 'local', port: 8081 });
    expect(config.store.kind === 'local' && config.store.dataDir.endsWith('.data')).toBe(true);
    expect(config.tabDir.endsWith('tab/dist')).toBe(true);
    expect(config.bot).toBeUndefined();
  });

  it.each(['127.0.0.1', '127.10.20.30', '::1', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])(
    'listens on the loopback address HOST=%s in local mode',
    (host) => {
      expect(loadConfig({ HOST: host }).host).toBe(host);
    },
  );

  it.each(['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', '::ffff:10.0.0.5', 'ehc.example.org', '128.0.0.1'])(
    'refuses HOST=%s in local mode, where anyone who reached it could act as any user',
    (host) => {
      try {
        loadConfig({ MODE: 'local', HOST: host });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        const problems = (error as ConfigError).problems;
        expect(problems).toEqual([{ where: 'HOST', message: LOCAL_HOST_RULE }]);
        expect(problems[0]?.message).toMatch(/loopback.*local mode.*X-Ehc-User/);
        expect((error as ConfigError).message).toContain('HOST: must be a loopback address');
      }
    },
  );

  it('lets azure mode listen on a given HOST', () => {
    const config = loadConfig({
      MODE: 'azure',
      HOST: '0.0.0.0',
      COSMOS_ENDPOINT: 'https://account.documents.azure.com:443/',
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TYPE: 'MultiTenant',
      ...SSO,
    });
    expect(config.host).toBe('0.0.0.0');
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ MODE: 'cloud', PORT: 'eighty' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.where)).toEqual(['MODE', 'PORT']);
    }
  });

  it('refuses azure mode without the Cosmos DB account and the bot registration, rather than use local data', () => {
    try {
      loadConfig({ MODE: 'azure' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.where)).toEqual([
        'COSMOS_ENDPOINT',
        'MICROSOFT_APP_ID',
        'MICROSOFT_APP_PASSWORD',
        'MICROSOFT_APP_TENANT_ID',
        'AAD_APP_CLIENT_ID',
        'SSO_ALLOWED_TENANTS',
      ]);
    }
  });

  it('reaches Cosmos DB with the managed identity when there is no key, as App Service does', () => {
    const config = loadConfig({
      MODE: 'azure',
      COSMOS_ENDPOINT: 'https://account.documents.azure.com:443/',
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: 'tenant',
      ...SSO,
    });
    expect(config.store).toEqual({ kind: 'azure', endpoint: 'https://account.documents.azure.com:443/' });
  });

  it('listens on every interface in azure mode', () => {
    const config = loadConfig({
      MODE: 'azure',
      COSMOS_ENDPOINT: 'https://account.documents.azure.com:443/',
      COSMOS_KEY: 'a2V5',
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TYPE: 'MultiTenant',
      ...SSO,
    });
    expect(config).toMatchObject({ host: '0.0.0.0', store: { kind: 'azure' }, bot: { appId: 'app' } });
  });

  it("checks the tab's tokens for its client id and App ID URI, from the allowed tenants, Entra ID's keys by default", () => {
    const config = loadConfig({ ...AZURE, ...SSO, AAD_APP_ID_URI: 'api://reviews.example.org/client' });
    expect(config.sso).toEqual({
      clientId: 'client',
      audiences: ['client', 'api://reviews.example.org/client'],
      allowedTenants: [TENANT_A, TENANT_B],
      openIdMetadataUrl: ENTRA_METADATA_URL,
    });
    expect(config.bot?.openIdMetadataUrl).toBe(BOT_FRAMEWORK_METADATA_URL);
    expect(config.identityFetchTimeoutMs).toBe(3000);
  });

  it("admits the app registration's own tenant alone when no list is given", () => {
    const config = loadConfig({
      ...AZURE,
      AAD_APP_CLIENT_ID: 'client',
      AAD_APP_TENANT_ID: TENANT_A.toUpperCase(),
    });
    expect(config.sso?.allowedTenants).toEqual([TENANT_A]);
  });

  it('names each tenant id and first admin that is not well formed', () => {
    try {
      loadConfig({
        ...AZURE,
        AAD_APP_CLIENT_ID: 'client',
        SSO_ALLOWED_TENANTS: `${TENANT_A}, contoso.onmicrosoft.com`,
        LA_ADMINS: '860:ann@la.example, 86:bob@la.example, 861:not-an-address',
      });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.where)).toEqual([
        'SSO_ALLOWED_TENANTS[1]',
        'LA_ADMINS[1]',
        'LA_ADMINS[2]',
      ]);
    }
  });

  it('reads the first LA admins, lower-casing their addresses', () => {
    const config = loadConfig({
      ...AZURE,
      ...SSO,
      LA_ADMINS: '860:Ann.Officer@LA.example,861:bob@la2.example',
    });
    expect(config.firstAdmins).toEqual([
      { laCode: '860', email: 'ann.officer@la.example' },
      { laCode: '861', email: 'bob@la2.example' },
    ]);
  });
});
