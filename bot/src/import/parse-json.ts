import { type Problem, ReviewError } from '../review/errors.ts';
import { type CaseColumn, isCaseColumn, listColumns, OPTIONAL_VALUES, type RawCaseRow } from './columns.ts';

/**
 * The cases in JSON text: an array of objects keyed by the same column names as the CSV header.
 *
 * @remarks An unknown key is an error for the whole file, as an unknown CSV column is: a misspelt key
 * would otherwise drop data silently. It is reported once per key, at the first item that has it, with
 * how many items do, so a typo in every item of a 10,000-case export is one line, not 10,000. A
 * missing field whose value may be blank is reported the same way (columns.ts, REQUIRED_COLUMNS: a
 * missing field must not read as "none"); a missing field that must have a value is reported with its
 * row by the validation. An item
 * that is not an object is returned as unreadable, so that it is reported with the other bad rows.
 */
export function casesFromJson(text: string): RawCaseRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ReviewError('IMPORT_INVALID', [
      {
        where: 'file',
        message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  if (!Array.isArray(parsed)) {
    throw new ReviewError('IMPORT_INVALID', [
      { where: 'file', message: `must be a JSON array of cases, but is ${describeJson(parsed)}` },
    ]);
  }
  const unknown = new Map<string, { first: number; count: number }>();
  const missing = new Map<CaseColumn, { first: number; count: number }>();
  const rows = parsed.map((item: unknown, index): RawCaseRow => {
    const where = `item ${index + 1}`;
    if (!isPlainObject(item)) {
      return {
        where,
        values: {},
        unreadable: `must be an object with the case's fields, but is ${describeJson(item)}`,
      };
    }
    const values: Partial<Record<CaseColumn, unknown>> = {};
    for (const [key, value] of Object.entries(item)) {
      if (isCaseColumn(key)) {
        values[key] = value;
      } else {
        const seen = unknown.get(key);
        if (seen) seen.count++;
        else unknown.set(key, { first: index + 1, count: 1 });
      }
    }
    for (const column of OPTIONAL_VALUES) {
      if (column in item) continue;
      const seen = missing.get(column);
      if (seen) seen.count++;
      else missing.set(column, { first: index + 1, count: 1 });
    }
    return { where, values };
  });
  const problems = [
    ...[...unknown].map(
      ([key, { first, count }]): Problem => ({
        where: `item ${first}`,
        message:
          `unknown field ${JSON.stringify(key)}${inItems(count)}; ` + `the fields are: ${listColumns()}`,
      }),
    ),
    ...[...missing].map(
      ([column, { first, count }]): Problem => ({
        where: `item ${first}`,
        message: `missing field ${JSON.stringify(column)}${inItems(count)}; give it, null where there is none`,
      }),
    ),
  ];
  if (problems.length > 0) throw new ReviewError('IMPORT_INVALID', problems);
  return rows;
}

function inItems(count: number): string {
  return count > 1 ? ` (in ${count} items)` : '';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
