import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ReviewError } from '../review/errors.ts';
import type { RawCaseRow } from './columns.ts';
import { casesFromCsv } from './parse-csv.ts';
import { casesFromJson } from './parse-json.ts';

/**
 * The cases in an LA's export file, by its extension: `.csv` (a header row, then one case per row) or
 * `.json` (an array of objects with the same keys). Rows are not validated yet: see `validateCases`.
 *
 * @remarks A file that cannot be read as a whole (missing, not UTF-8, not CSV or JSON, a bad header)
 * is a ReviewError IMPORT_INVALID with `where: 'file'` or `'header'`. The text must be UTF-8, as Excel's
 * "CSV UTF-8" writes it: an ANSI or UTF-16 export would turn names with accents into mojibake, so it is
 * refused rather than guessed.
 */
export async function readCases(path: string): Promise<RawCaseRow[]> {
  const kind = extname(path).toLowerCase();
  if (kind !== '.csv' && kind !== '.json') {
    throw fileProblem(
      `must be a .csv or .json file, not ${kind === '' ? 'a file without an extension' : kind}`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fileProblem(code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`);
  }
  const text = decodeUtf8(bytes);
  return kind === '.csv' ? casesFromCsv(text) : casesFromJson(text);
}

function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileProblem('is UTF-16 text; save it as "CSV UTF-8" (or JSON in UTF-8)');
  }
  try {
    // The decoder drops a leading byte order mark, as Excel writes one.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileProblem('is not UTF-8 text; save it as "CSV UTF-8" (or JSON in UTF-8)');
  }
}

function fileProblem(message: string): ReviewError {
  return new ReviewError('IMPORT_INVALID', [{ where: 'file', message }]);
}
