// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{NAME}} is the Agents Toolkit's placeholder, compared as text
import { describe, expect, it } from 'vitest';
import { ACCENT } from '../../manifest/make-icons.ts';
import { hasManifestSchema, manifestSchemaErrors } from '../../manifest/manifest-schema.ts';
import { provisionedEnvironment } from './factories.ts';
import { fillPlaceholders, placeholdersIn, readJson, readText } from './project-files.ts';

/** The fields of manifest.json these tests read (the schema checks the rest). */
interface Manifest {
  readonly $schema: string;
  readonly manifestVersion: string;
  readonly id: string;
  readonly name: { readonly short: string };
  readonly developer: {
    readonly websiteUrl: string;
    readonly privacyUrl: string;
    readonly termsOfUseUrl: string;
  };
  readonly accentColor: string;
  readonly staticTabs: readonly {
    readonly entityId: string;
    readonly name?: string;
    readonly contentUrl?: string;
    readonly websiteUrl?: string;
    readonly scopes: readonly string[];
  }[];
  readonly configurableTabs: readonly {
    readonly configurationUrl: string;
    readonly scopes: readonly string[];
    readonly context?: readonly string[];
  }[];
  readonly bots: readonly {
    readonly botId: string;
    readonly scopes: readonly string[];
    readonly supportsFiles?: boolean;
    readonly commandLists?: readonly {
      readonly scopes: readonly string[];
      readonly commands: readonly { readonly title: string; readonly description?: string }[];
    }[];
  }[];
  readonly validDomains: readonly string[];
  readonly webApplicationInfo: { readonly id: string; readonly resource: string };
  readonly authorization?: unknown;
  readonly supportsChannelFeatures?: string;
}

interface EntraAppManifest {
  readonly appId: string;
  readonly signInAudience: string;
  readonly identifierUris: readonly string[];
  readonly api: {
    readonly oauth2PermissionScopes: readonly { readonly id: string; readonly value: string }[];
    readonly preAuthorizedApplications: readonly {
      readonly appId: string;
      readonly delegatedPermissionIds: readonly string[];
    }[];
  };
}

const template = readText('manifest/manifest.json');
const raw = JSON.parse(template) as Manifest;
/** The manifest as the toolkit packages it: placeholders filled from env/.env.dev. */
const env = provisionedEnvironment();
const manifest = JSON.parse(fillPlaceholders(template, env)) as Manifest;
const entraApp = readJson<EntraAppManifest>('infra/aad.manifest.json');

describe('manifest/manifest.json', () => {
  it('names its schema version in both $schema and manifestVersion, and that schema ships with @microsoft/app-manifest', () => {
    expect(raw.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${raw.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(raw.manifestVersion).toBe('1.30');
    expect(hasManifestSchema(raw.manifestVersion)).toBe(true);
  });

  it('is valid against the official JSON schema for its version once the toolkit has filled its placeholders', () => {
    expect(manifestSchemaErrors(manifest, manifest.manifestVersion)).toEqual([]);
  });

  it('would fail that schema without a privacy URL or with a bot id that is not a GUID (the check is real)', () => {
    const { privacyUrl: _dropped, ...developer } = manifest.developer;
    expect(manifestSchemaErrors({ ...manifest, developer }, manifest.manifestVersion)).not.toEqual([]);
    const bots = [{ ...manifest.bots[0], botId: 'not-a-guid' }];
    expect(manifestSchemaErrors({ ...manifest, bots }, manifest.manifestVersion)).not.toEqual([]);
  });

  it('uses only the placeholders the toolkit fills for this app', () => {
    expect([...placeholdersIn(template)].sort()).toEqual(
      ['AAD_APP_CLIENT_ID', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID'].sort(),
    );
  });

  it('is "EHC Review Hub", and its developer URLs are pages the server serves, not made-up sites', () => {
    expect(raw.name.short).toBe('EHC Review Hub');
    expect(raw.developer).toMatchObject({
      websiteUrl: '${{TAB_ENDPOINT}}',
      privacyUrl: '${{TAB_ENDPOINT}}/privacy',
      termsOfUseUrl: '${{TAB_ENDPOINT}}/terms',
    });
  });

  it('gives a SENCo the personal tab "My live cases", opening the tab in Teams mode', () => {
    const tab = raw.staticTabs.find((t) => t.name === 'My live cases');
    expect(tab).toMatchObject({ contentUrl: '${{TAB_ENDPOINT}}/?inTeams=1', scopes: ['personal'] });
  });

  it('offers one configurable tab for an LA SEND team channel, group chats and the meeting side panel', () => {
    expect(raw.configurableTabs).toHaveLength(1);
    const [tab] = raw.configurableTabs;
    expect(tab?.scopes).toEqual(['team', 'groupChat']);
    expect(tab?.context).toEqual(expect.arrayContaining(['channelTab', 'meetingSidePanel']));
    expect(tab?.configurationUrl.startsWith('${{TAB_ENDPOINT}}/')).toBe(true);
  });

  it('has the bot in personal chat, teams and group chats, without files', () => {
    expect(raw.bots).toHaveLength(1);
    expect(raw.bots[0]).toMatchObject({
      botId: '${{BOT_ID}}',
      scopes: ['personal', 'team', 'groupChat'],
      supportsFiles: false,
    });
  });

  it('lists "reviews" only in personal chat, so a child\'s case never lands in a channel or group chat', () => {
    const lists = raw.bots[0]?.commandLists ?? [];
    expect(lists).toEqual([
      {
        scopes: ['personal'],
        commands: [{ title: 'reviews', description: 'List my live reviews and their next due date' }],
      },
    ]);
  });

  it('signs users in with Teams SSO against the Entra app that infra/aad.manifest.json defines', () => {
    expect(raw.webApplicationInfo).toEqual({
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}',
    });
    expect(entraApp.appId).toBe(raw.webApplicationInfo.id);
    expect(entraApp.identifierUris).toEqual([raw.webApplicationInfo.resource]);
    expect(entraApp.api.oauth2PermissionScopes.map((scope) => scope.value)).toEqual(['access_as_user']);
  });

  it('is multi-tenant: schools and local authorities sign in from their own tenants', () => {
    expect(entraApp.signInAudience).toBe('AzureADMultipleOrgs');
  });

  it('loads only from the web app: every URL in the manifest is on a valid domain', () => {
    expect(manifest.validDomains).toEqual([env.TAB_DOMAIN]);
    const urls = [
      manifest.developer.websiteUrl,
      manifest.developer.privacyUrl,
      manifest.developer.termsOfUseUrl,
      ...manifest.staticTabs.flatMap((tab) => [tab.contentUrl, tab.websiteUrl]),
      ...manifest.configurableTabs.map((tab) => tab.configurationUrl),
    ].filter((url): url is string => url !== undefined);
    for (const url of urls) {
      expect(new URL(url).protocol).toBe('https:');
      expect(manifest.validDomains).toContain(new URL(url).host);
    }
  });

  describe('extended to Outlook and the Microsoft 365 app', () => {
    it('uses manifest 1.13 or later with a personal static tab, which is what makes the tab appear there', () => {
      const [major = 0, minor = 0] = raw.manifestVersion.split('.').map(Number);
      expect(major > 1 || (major === 1 && minor >= 13)).toBe(true);
      expect(raw.staticTabs.some((tab) => tab.scopes.includes('personal') && tab.contentUrl)).toBe(true);
    });

    it('pre-authorises the Teams, Outlook and Microsoft 365 clients for SSO, so none prompts for consent', () => {
      const clients = {
        'Teams desktop and mobile': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
        'Teams web': '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
        'Microsoft 365 web': '4765445b-32c6-49b0-83e6-1d93765276ca',
        'Microsoft 365 desktop': '0ec893e0-5785-4de6-99da-4ed124e5296c',
        'Microsoft 365 mobile and Outlook desktop': 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
        'Outlook web': 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
        'Outlook mobile': '27922004-5251-4030-b22d-91ecd9a37ea4',
      };
      const scopeId = entraApp.api.oauth2PermissionScopes[0]?.id;
      const authorised = new Map(
        entraApp.api.preAuthorizedApplications.map((app) => [app.appId, app.delegatedPermissionIds]),
      );
      for (const [client, appId] of Object.entries(clients)) {
        expect(authorised.get(appId), client).toEqual([scopeId]);
      }
    });
  });

  it('asks for no resource-specific consent and does not opt in to shared or private channels', () => {
    expect(raw.authorization).toBeUndefined();
    expect(raw.supportsChannelFeatures).toBeUndefined();
  });

  it('has the accent colour the icons are drawn with', () => {
    expect(raw.accentColor).toBe(ACCENT);
  });
});
