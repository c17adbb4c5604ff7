import { describe, expect, it } from 'vitest';
import { CASE_COLUMNS } from '../../bot/src/import/columns.ts';
import { casesFromCsv, parseCsvRecords } from '../../bot/src/import/parse-csv.ts';
import { csvText, problemsOf, validValues } from './factories.ts';

describe('parseCsvRecords: RFC 4180 text into records, numbered as a spreadsheet numbers rows', () => {
  it('splits fields on commas and records on LF, CRLF or a lone CR', () => {
    expect(parseCsvRecords('a,b\nc,d\r\ne,f\rg,h')).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['c', 'd'] },
      { row: 3, fields: ['e', 'f'] },
      { row: 4, fields: ['g', 'h'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, keeping the next row number', () => {
    expect(
      parseCsvRecords('name,note\r\n"Smith, Alex","said ""hi""\r\non two lines"\r\nnext,row\r\n'),
    ).toEqual([
      { row: 1, fields: ['name', 'note'] },
      { row: 2, fields: ['Smith, Alex', 'said "hi"\r\non two lines'] },
      { row: 3, fields: ['next', 'row'] },
    ]);
  });

  it('drops a UTF-8 byte order mark, as Excel writes one at the start of "CSV UTF-8"', () => {
    expect(parseCsvRecords('\uFEFFcase_id,la_code\n1,2\n')[0]?.fields).toEqual(['case_id', 'la_code']);
  });

  it('keeps empty fields, including a quoted empty one and a trailing one', () => {
    expect(parseCsvRecords('a,"",\n')).toEqual([{ row: 1, fields: ['a', '', ''] }]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseCsvRecords('O"Neil,x')[0]?.fields).toEqual(['O"Neil', 'x']);
  });

  it('reports a quote that is never closed, at the row where it opens', () => {
    expect(problemsOf(() => parseCsvRecords('a,b\n1,"open\n2,3\n'))).toEqual([
      { where: 'row 2', message: 'field 2 opens a quote that is never closed' },
    ]);
  });

  it('reports text after a closing quote, since the field would end ambiguously', () => {
    expect(problemsOf(() => parseCsvRecords('a,b\n"x"y,1\n'))).toEqual([
      { where: 'row 2', message: 'field 1 has text after its closing quote' },
    ]);
  });

  it('reads an empty text as no records', () => {
    expect(parseCsvRecords('')).toEqual([]);
  });
});

describe('casesFromCsv: a header row naming the columns, then one case per row', () => {
  it('reads the columns in any order, by their header', () => {
    const columns = [...CASE_COLUMNS].reverse();
    const [row] = casesFromCsv(csvText([validValues({ nc_year: '9' })], columns));

    expect(row).toEqual({ where: 'row 2', values: validValues({ nc_year: '9' }) });
  });

  it('needs only the required columns: the review in progress may be left out', () => {
    const required = CASE_COLUMNS.filter((c) => c !== 'review_meeting_on' && c !== 'amendment_notice_on');
    const [row] = casesFromCsv(csvText([validValues()], required));

    expect(Object.keys(row?.values ?? {}).sort()).toEqual([...required].sort());
  });

  it.each(['nc_year', 'last_review_decision_on', 'transfer_kind', 'transfer_on'] as const)(
    'needs the %s column, even with every cell blank: a missing column must not read as "none"',
    (column) => {
      const header = CASE_COLUMNS.filter((c) => c !== column);
      expect(problemsOf(() => casesFromCsv(csvText([validValues()], header)))).toEqual([
        {
          where: 'header',
          message: `missing required column "${column}" (its cells may be blank where there is none)`,
        },
      ]);
    },
  );

  it('reads Excel\'s "CSV UTF-8": byte order mark, CRLF, quoted names and blank lines at the end', () => {
    const text = `\uFEFF${csvText([validValues({ child_name: 'Smith, Alex' })]).replaceAll('\n', '\r\n')}\r\n\r\n,,,,,,,,,,,\r\n`;
    const rows = casesFromCsv(text);

    expect(rows).toHaveLength(1);
    expect(rows[0]?.values.child_name).toBe('Smith, Alex');
  });

  it('numbers rows as the spreadsheet does, counting a blank line in the middle', () => {
    const [header, first] = csvText([validValues()]).split('\n');
    const rows = casesFromCsv(`${header}\n${first}\n\n${first?.replace('CASE-0001', 'CASE-0002')}\n`);

    expect(rows.map((row) => row.where)).toEqual(['row 2', 'row 4']);
  });

  it('refuses an unknown column by name: a misspelt header would drop its data silently', () => {
    const columns = CASE_COLUMNS.map((column) => (column === 'date_of_birth' ? 'dob' : column));
    const problems = problemsOf(() => casesFromCsv(csvText([validValues()], [...columns, 'notes'])));

    expect(problems).toEqual([
      {
        where: 'header',
        message: expect.stringMatching(/^unknown column "dob" \(column 5\); the columns are: case_id, /),
      },
      { where: 'header', message: expect.stringMatching(/^unknown column "notes" \(column 14\)/) },
      { where: 'header', message: 'missing required column "date_of_birth"' },
    ]);
  });

  it('refuses a file without a required column', () => {
    const columns = CASE_COLUMNS.filter((column) => column !== 'child_name' && column !== 'plan_issued_on');

    expect(problemsOf(() => casesFromCsv(csvText([validValues()], columns)))).toEqual([
      { where: 'header', message: 'missing required column "child_name"' },
      { where: 'header', message: 'missing required column "plan_issued_on"' },
    ]);
  });

  it('refuses a column named twice', () => {
    expect(problemsOf(() => casesFromCsv(csvText([validValues()], [...CASE_COLUMNS, 'case_id'])))).toEqual([
      { where: 'header', message: 'column "case_id" appears twice (columns 1 and 14)' },
    ]);
  });

  it('ignores an unnamed column that is empty, and refuses one that holds a value', () => {
    const empty = casesFromCsv(csvText([validValues()], [...CASE_COLUMNS, '']));
    expect(empty[0]?.values).toEqual(validValues());

    const used = csvText([{ ...validValues(), '': 'stray' }], [...CASE_COLUMNS, '']);
    expect(problemsOf(() => casesFromCsv(used))).toEqual([
      { where: 'header', message: 'column 14 has no name but row 2 has a value in it' },
    ]);
  });

  it('refuses an empty file', () => {
    expect(problemsOf(() => casesFromCsv('\r\n'))).toEqual([
      { where: 'file', message: expect.stringMatching(/^has no header row/) },
    ]);
  });

  it('returns a row with more or fewer fields than the header as unreadable, not guessed at', () => {
    const [header, line] = csvText([validValues()]).split('\n');
    const rows = casesFromCsv(`${header}\n${line},extra\n${line?.split(',').slice(0, 6).join(',')}\n`);

    expect(rows).toEqual([
      { where: 'row 2', values: {}, unreadable: 'has 14 fields but the header has 13' },
      { where: 'row 3', values: {}, unreadable: 'has 6 fields but the header has 13' },
    ]);
  });
});
