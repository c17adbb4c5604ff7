/**
 * `npm run package -- --env NAME`: the Teams app package for an admin who uploads it by hand
 * (Teams admin center, "Upload custom app"), without the Agents Toolkit.
 *
 * Fills the manifest's `${{NAME}}` placeholders from `env/.env.NAME` (as the toolkit's
 * `teamsApp/zipAppPackage` does after a provision), validates the result offline against Microsoft's
 * JSON schema of its manifest version, and writes `manifest/build/appPackage.NAME.zip` with the
 * manifest and its three icons at the root of the zip, which is where Teams looks for them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Zippable, zipSync } from 'fflate';
import { manifestSchemaErrors } from './manifest-schema.ts';

export const MANIFEST_DIR = fileURLToPath(new URL('./', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The variables of an env file: `NAME=value` lines; `#` comments and blank lines skipped. */
export function readEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const value = line.slice(equals + 1).trim();
    values[line.slice(0, equals).trim()] = value.replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

/** The names of the toolkit placeholders (`${{NAME}}`) in a file's text. */
export function placeholdersIn(text: string): Set<string> {
  return new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''));
}

/** Every placeholder replaced by its value; the names without a (non-empty) value otherwise. */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string>>,
): { text: string } | { missing: string[] } {
  const missing = [...placeholdersIn(text)].filter((name) => !values[name]);
  if (missing.length > 0) return { missing };
  return { text: text.replace(PLACEHOLDER, (_match, name: string) => values[name] ?? '') };
}

export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png', 'color32x32.png'] as const;

export class PackageError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`The app package was not built:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'PackageError';
    this.problems = problems;
  }
}

/**
 * The app package of environment `env` as zip bytes, or a PackageError naming every problem: an
 * unknown environment, each placeholder without a value, each schema violation.
 */
export async function buildAppPackage(env: string, root: string = ROOT): Promise<Buffer> {
  if (!ENV_NAME.test(env))
    throw new PackageError([`--env ${env}: not an environment name (letters, digits, - and _)`]);
  const envFile = join('env', `.env.${env}`);
  let envText: string;
  try {
    envText = await readFile(join(root, envFile), 'utf8');
  } catch {
    throw new PackageError([`${envFile}: no such file (environments are the env/.env.NAME files)`]);
  }
  const template = await readFile(join(root, 'manifest', 'manifest.json'), 'utf8');
  const filled = fillPlaceholders(template, readEnvFile(envText));
  if ('missing' in filled) {
    throw new PackageError(
      filled.missing.map(
        (name) =>
          `${envFile}: ${name} has no value (manifest/manifest.json uses \${{${name}}}; provision writes it)`,
      ),
    );
  }
  const manifest = JSON.parse(filled.text) as { manifestVersion?: unknown };
  const errors = manifestSchemaErrors(manifest, String(manifest.manifestVersion));
  if (errors.length > 0) throw new PackageError(errors.map((error) => `manifest.json${error}`));
  const files = await Promise.all(
    PACKAGE_FILES.map(async (name) => ({
      name,
      data:
        name === 'manifest.json' ? Buffer.from(filled.text) : await readFile(join(root, 'manifest', name)),
    })),
  );
  return zip(files);
}

/**
 * A zip archive of `files` (deflated), written by fflate.
 *
 * @remarks Every entry's time is fixed (1 January 2026) so the same inputs give the same bytes, and an
 * admin can tell two packages apart by their hash alone.
 */
export function zip(files: readonly { readonly name: string; readonly data: Buffer }[]): Buffer {
  const mtime = new Date(2026, 0, 1);
  const entries: Zippable = {};
  for (const { name, data } of files) entries[name] = [new Uint8Array(data), { mtime, level: 9 }];
  return Buffer.from(zipSync(entries));
}

async function main(args: readonly string[]): Promise<number> {
  const at = args.indexOf('--env');
  const env = at >= 0 ? args[at + 1] : undefined;
  if (!env) {
    process.stderr.write('usage: npm run package -- --env NAME   (reads env/.env.NAME)\n');
    return 2;
  }
  try {
    const bytes = await buildAppPackage(env);
    const out = join(MANIFEST_DIR, 'build', `appPackage.${env}.zip`);
    await mkdir(join(MANIFEST_DIR, 'build'), { recursive: true });
    await writeFile(out, bytes);
    process.stdout.write(
      `${out}: the app package (${bytes.length} bytes), valid against its manifest schema\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
