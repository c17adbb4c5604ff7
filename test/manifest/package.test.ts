import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAppPackage, PACKAGE_FILES, PackageError, readEnvFile } from '../../manifest/package.ts';
import { provisionedEnvironment } from './factories.ts';

const MANIFEST = new URL('../../manifest/', import.meta.url);

/** A copy of the manifest folder and an env file in a temporary project root. */
async function projectWith(
  envText: string,
  manifest?: (json: Record<string, unknown>) => void,
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ehc-package-'));
  await mkdir(join(root, 'manifest'));
  await mkdir(join(root, 'env'));
  for (const name of PACKAGE_FILES) await copyFile(new URL(name, MANIFEST), join(root, 'manifest', name));
  if (manifest) {
    const json = JSON.parse(await readFile(join(root, 'manifest', 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    manifest(json);
    await writeFile(join(root, 'manifest', 'manifest.json'), JSON.stringify(json, null, 2));
  }
  await writeFile(join(root, 'env', '.env.test'), envText);
  return root;
}

const envText = (values: Record<string, string>) =>
  ['# the test environment', ...Object.entries(values).map(([name, value]) => `${name}=${value}`)].join('\n');

/**
 * The entries of a zip, read by fflate (which checks each entry's CRC-32 as it inflates), in the order
 * the archive lists them.
 */
function unzipped(bytes: Buffer): [string, Buffer][] {
  return Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, Buffer.from(data)]);
}

describe('npm run package -- --env NAME', () => {
  let root: string;
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('zips the filled manifest and the three icons at the root, valid against the manifest schema', async () => {
    const values = provisionedEnvironment();
    root = await projectWith(envText(values));
    const bytes = await buildAppPackage('test', root);
    const entries = unzipped(bytes);
    expect(entries.map(([name]) => name)).toEqual([...PACKAGE_FILES]);
    const file = (name: string) => entries.find(([entry]) => entry === name)?.[1] ?? Buffer.alloc(0);
    const manifest = JSON.parse(file('manifest.json').toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      id: values.TEAMS_APP_ID,
      webApplicationInfo: {
        id: values.AAD_APP_CLIENT_ID,
        resource: `api://${values.TAB_DOMAIN}/${values.AAD_APP_CLIENT_ID}`,
      },
      validDomains: [values.TAB_DOMAIN],
    });
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(file('color.png').equals(await readFile(new URL('color.png', MANIFEST)))).toBe(true);
    // The same inputs give the same bytes.
    expect((await buildAppPackage('test', root)).equals(bytes)).toBe(true);
  });

  it('names every placeholder still without a value, and builds nothing', async () => {
    root = await projectWith(envText({ ...provisionedEnvironment(), BOT_ID: '', TAB_DOMAIN: '' }));
    await expect(buildAppPackage('test', root)).rejects.toMatchObject({
      problems: [
        expect.stringContaining('BOT_ID has no value'),
        expect.stringContaining('TAB_DOMAIN has no value'),
      ],
    });
  });

  it('fails on a manifest the schema refuses, naming where', async () => {
    root = await projectWith(envText(provisionedEnvironment()), (json) => {
      json.accentColor = 'blue';
      delete json.developer;
    });
    const error = await buildAppPackage('test', root).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).problems.join('\n')).toMatch(/accentColor|developer/);
  });

  it('refuses an environment that does not exist, or a name that is not one', async () => {
    root = await projectWith('');
    await expect(buildAppPackage('prod', root)).rejects.toMatchObject({
      problems: [expect.stringContaining('env/.env.prod')],
    });
    await expect(buildAppPackage('../secrets', root)).rejects.toBeInstanceOf(PackageError);
  });

  it('reads env files as the toolkit writes them: comments, blanks, quotes', () => {
    expect(readEnvFile('# c\n\nA=1\nB="two words"\nC=\n  D = x=y \n')).toEqual({
      A: '1',
      B: 'two words',
      C: '',
      D: 'x=y',
    });
  });
});
