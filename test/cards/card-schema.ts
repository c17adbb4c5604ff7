import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * The official Adaptive Cards 1.5 schema (JSON Schema draft-06), kept in test/schemas/ with its source
 * and licence, loaded as its README says: strict off, the draft-06 meta-schema and formats added, and
 * draft-06's `id` keyword removed.
 */
const SCHEMA_PATH = new URL('../schemas/adaptive-card-1.5.json', import.meta.url);

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function compile() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-06.json'));
  addFormats(ajv);
  ajv.removeKeyword('id');
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
}

let validate: ReturnType<typeof compile> | undefined;

/** The schema's complaints about `card`; none when it is valid. */
export function cardSchemaErrors(card: unknown): ErrorObject[] {
  validate ??= compile();
  return validate(card) ? [] : [...(validate.errors ?? [])];
}
