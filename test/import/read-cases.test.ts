import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCases } from '../../bot/src/import/read-cases.ts';
import { csvText, problemsOfAsync, validValues } from './factories.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-cases-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readCases: an LA export file, read by its extension', () => {
  it('reads a .csv file as CSV and a .json file as JSON, to the same values', async () => {
    const fromCsv = await readCases(await file('cases.csv', csvText([validValues()])));
    const fromJson = await readCases(await file('cases.JSON', JSON.stringify([validValues()])));

    expect(fromCsv.map((row) => row.values)).toEqual(fromJson.map((row) => row.values));
    expect([fromCsv[0]?.where, fromJson[0]?.where]).toEqual(['row 2', 'item 1']);
  });

  it('reads a UTF-8 file with a byte order mark', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(csvText([validValues({ child_name: 'Zoë' })])),
    ]);

    expect((await readCases(await file('cases.csv', bytes)))[0]?.values.child_name).toBe('Zoë');
  });

  it('refuses a file that is neither .csv nor .json', async () => {
    expect(await problemsOfAsync(async () => readCases(await file('cases.xlsx', 'PK')))).toEqual([
      { where: 'file', message: 'must be a .csv or .json file, not .xlsx' },
    ]);
  });

  it('says so when the file does not exist', async () => {
    expect(await problemsOfAsync(() => readCases(join(dir, 'missing.csv')))).toEqual([
      { where: 'file', message: 'does not exist' },
    ]);
  });

  it('refuses text that is not UTF-8 rather than garbling names (an ANSI export)', async () => {
    const latin1 = Buffer.from(csvText([validValues({ child_name: 'Zoë' })]), 'latin1');

    expect(await problemsOfAsync(async () => readCases(await file('cases.csv', latin1)))).toEqual([
      { where: 'file', message: 'is not UTF-8 text; save it as "CSV UTF-8" (or JSON in UTF-8)' },
    ]);
  });

  it('refuses UTF-16 text ("Unicode text" from Excel)', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(csvText([validValues()]), 'utf16le'),
    ]);

    expect(await problemsOfAsync(async () => readCases(await file('cases.csv', utf16)))).toEqual([
      { where: 'file', message: 'is UTF-16 text; save it as "CSV UTF-8" (or JSON in UTF-8)' },
    ]);
  });
});
