// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{NAME}} is the Agents Toolkit's placeholder, compared as text
import { describe, expect, it } from 'vitest';
import {
  type Action,
  bicepOutputs,
  bicepParams,
  envFileNames,
  placeholdersIn,
  readText,
  teamsAppYml,
} from './project-files.ts';

const project = teamsAppYml();

/**
 * Values the toolkit supplies without a step writing them: the environment's name, the subscription
 * and resource group it asks for when they are empty, the random RESOURCE_SUFFIX it picks on the first
 * provision with an Azure step, and the scope id aadApp/update generates for the manifest it applies.
 */
const TOOLKIT_SUPPLIED = new Set([
  'TEAMSFX_ENV',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP_NAME',
  'RESOURCE_SUFFIX',
]);
const GENERATED_BY: Readonly<Record<string, readonly string[]>> = {
  'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
};

/** Names env/.env.dev gives a value (an empty `NAME=` only reserves the name for a later step). */
function envFileValues(path: string): Set<string> {
  return new Set(
    readText(path)
      .split('\n')
      .map((line) => /^([A-Za-z_]\w*)=(.+)$/.exec(line.trim()))
      .flatMap((match) => (match?.[1] ? [match[1]] : [])),
  );
}

/** The files a step reads with placeholders in them, filled by the toolkit first. */
function filesReadBy(action: Action): string[] {
  const given = action.with ?? {};
  switch (action.uses) {
    case 'arm/deploy':
      return (given.templates as { parameters?: string }[]).flatMap((t) =>
        t.parameters ? [t.parameters] : [],
      );
    case 'aadApp/update':
    case 'teamsApp/validateManifest':
    case 'teamsApp/zipAppPackage':
      return [given.manifestPath as string];
    default:
      return [];
  }
}

/** The variables a step adds to env/.env.<env>: what it writes, and for arm/deploy the Bicep outputs. */
function written(action: Action): string[] {
  const templates = action.uses === 'arm/deploy' ? (action.with?.templates as { path: string }[]) : [];
  const outputs = templates.flatMap((template) => [...bicepOutputs(readText(template.path))]);
  return [...Object.values(action.writeToEnvironmentFile ?? {}), ...outputs];
}

/** Every placeholder a lifecycle uses that nothing before it provides, as "step: NAME". */
function unprovided(actions: readonly Action[], provided: Set<string>): string[] {
  const missing: string[] = [];
  for (const action of actions) {
    const available = new Set([...provided, ...(GENERATED_BY[action.uses] ?? [])]);
    const used = new Set([
      ...placeholdersIn(JSON.stringify(action.with ?? {})),
      ...filesReadBy(action).flatMap((file) => [...placeholdersIn(readText(file))]),
    ]);
    for (const name of used) if (!available.has(name)) missing.push(`${action.uses}: ${name}`);
    for (const name of written(action)) provided.add(name);
  }
  return missing;
}

describe('teamsapp.yml', () => {
  it('is an Agents Toolkit project file of the current schema version, with its environments in env/', () => {
    expect(project.version).toBe('v1.11');
    expect(project.environmentFolderPath).toBe('./env');
  });

  it('provisions the Teams app, both app registrations, Azure, SSO, then the app package', () => {
    expect(project.provision.map((action) => action.uses)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'botAadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
  });

  it('fills every placeholder of the manifests and the Bicep parameters from a step that ran before', () => {
    // Set by the LA before provision, and may stay empty (docs/deploy.md, "Who is who").
    const setByTheLa = ['SSO_ALLOWED_TENANTS', 'LA_ADMINS'];
    for (const name of setByTheLa) expect(envFileNames(readText('env/.env.dev'))).toContain(name);
    const provided = new Set([...TOOLKIT_SUPPLIED, ...envFileValues('env/.env.dev'), ...setByTheLa]);
    expect(unprovided(project.provision, provided)).toEqual([]);
    // deploy and publish run on an environment that provision has filled.
    expect(unprovided(project.deploy, new Set(provided))).toEqual([]);
    expect(unprovided(project.publish, new Set(provided))).toEqual([]);
  });

  it('makes the Entra app multi-tenant and puts its secret in a SECRET_ variable', () => {
    const create = project.provision.find((action) => action.uses === 'aadApp/create');
    expect(create?.with).toMatchObject({ signInAudience: 'AzureADMultipleOrgs', generateClientSecret: true });
    expect(create?.writeToEnvironmentFile?.clientSecret).toMatch(/^SECRET_/);
    const bot = project.provision.find((action) => action.uses === 'botAadApp/create');
    expect(bot?.writeToEnvironmentFile?.botPassword).toMatch(/^SECRET_/);
  });

  it('deploys the built app: npm install, npm run build, then a zip deploy to the web app Bicep made', () => {
    expect(project.deploy.map((action) => [action.uses, action.with?.args])).toEqual([
      ['cli/runNpmCommand', 'install --no-audit --no-fund'],
      ['cli/runNpmCommand', 'run build'],
      ['azureAppService/zipDeploy', undefined],
    ]);
    const zipDeploy = project.deploy[2]?.with ?? {};
    expect(zipDeploy.resourceId).toBe('${{AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(bicepOutputs(readText('infra/main.bicep'))).toContain('AZURE_APP_SERVICE_RESOURCE_ID');
  });

  it('leaves env files (secrets), local data and tests out of the deployed package', () => {
    const ignoreFile = project.deploy[2]?.with?.ignoreFile as string;
    const ignored = readText(ignoreFile)
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['env/', '.env*', '.data/', 'test/', '.git/']));
  });

  it('publishes by submitting the validated package to the Teams admin center', () => {
    expect(project.publish.map((action) => action.uses)).toEqual([
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/publishAppPackage',
    ]);
  });
});

describe('env/.env.dev', () => {
  const names = envFileNames(readText('env/.env.dev'));

  it('names the variables provision writes, so a reader sees them in one place', () => {
    const writtenByProvision = project.provision.flatMap(written);
    expect([...names]).toEqual(
      expect.arrayContaining(writtenByProvision.filter((name) => !name.startsWith('SECRET_'))),
    );
  });

  it('holds no secret: SECRET_ variables live in env/.env.dev.user, which git ignores', () => {
    expect([...names].filter((name) => name.startsWith('SECRET_'))).toEqual([]);
    expect(readText('env/.gitignore').split('\n')).toContain('*.user');
  });
});

describe('infra/main.parameters.json', () => {
  const declared = bicepParams(readText('infra/main.bicep'));
  const given = (
    JSON.parse(readText('infra/main.parameters.json')) as { parameters: Record<string, { value: unknown }> }
  ).parameters;

  it('sets only parameters main.bicep declares, and every one that has no default', () => {
    const names = new Set(declared.map((param) => param.name));
    expect(Object.keys(given).filter((name) => !names.has(name))).toEqual([]);
    const required = declared.filter((param) => !param.hasDefault).map((param) => param.name);
    expect(required.filter((name) => !(name in given))).toEqual([]);
  });

  it('passes secrets only into @secure() parameters, which deployments never log', () => {
    for (const param of declared) {
      const value = JSON.stringify(given[param.name]?.value ?? '');
      const secure = param.decorators.includes('@secure()');
      expect({ param: param.name, secret: /\$\{\{SECRET_/.test(value) }).toEqual({
        param: param.name,
        secret: secure,
      });
    }
  });
});
