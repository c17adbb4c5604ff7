import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Ajv, ErrorObject, Options } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * The official app manifest JSON schema of a manifest version, as Microsoft ships it in the
 * `@microsoft/app-manifest` package (the Agents Toolkit's own manifest library; the schema is not
 * fetched from the web here).
 *
 * @remarks The Teams schemas are JSON Schema draft-04, which Ajv 8 reads only through `ajv-draft-04`.
 * Strict mode is off because the schemas use keywords and formats of their own that Ajv does not know.
 */
const require = createRequire(import.meta.url);
const AjvDraft04 = require('ajv-draft-04') as new (options: Options) => Ajv;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function schemaPath(manifestVersion: string): string {
  const packageDir = dirname(require.resolve('@microsoft/app-manifest'));
  return join(packageDir, 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

export function hasManifestSchema(manifestVersion: string): boolean {
  return existsSync(schemaPath(manifestVersion));
}

/** The schema's complaints about `manifest`, as `path: message` lines; none when it is valid. */
export function manifestSchemaErrors(manifest: unknown, manifestVersion: string): string[] {
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath(manifestVersion), 'utf8')));
  return validate(manifest) ? [] : (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '/'}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
}
