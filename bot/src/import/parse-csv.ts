import { type Problem, ReviewError } from '../review/errors.ts';
import {
  type CaseColumn,
  isCaseColumn,
  listColumns,
  OPTIONAL_VALUES,
  type RawCaseRow,
  REQUIRED_COLUMNS,
} from './columns.ts';

/** One CSV record and the spreadsheet row it is on (the header is row 1). */
export interface CsvRecord {
  readonly row: number;
  readonly fields: readonly string[];
}

/**
 * Splits CSV text into records (RFC 4180): comma-separated fields, fields in double quotes may hold
 * commas, line breaks and doubled quotes; lines end in CRLF, LF or CR; a leading UTF-8 byte order mark
 * is dropped.
 *
 * @remarks Records are numbered as a spreadsheet numbers rows, so a quoted line break does not move
 * the next row's number, and a blank line still takes a number: the officer who reads "row 7" opens the
 * file in Excel and finds row 7. A quote inside an unquoted field is kept as text, as Excel does; text
 * after a closing quote is an error, because the field's end is then ambiguous.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 1;
  let fields: string[] = [];
  if (i === end) return records;
  for (;;) {
    let field: string;
    if (text[i] === '"') {
      const opened = row;
      field = '';
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0)
          throw csvSyntax(opened, `field ${fields.length + 1} opens a quote that is never closed`);
        field += text.slice(i, close);
        if (text[close + 1] === '"') {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      if (i < end && !isDelimiter(text[i])) {
        throw csvSyntax(opened, `field ${fields.length + 1} has text after its closing quote`);
      }
    } else {
      const start = i;
      while (i < end && !isDelimiter(text[i])) i++;
      field = text.slice(start, i);
    }
    fields.push(field);
    if (i >= end) {
      records.push({ row, fields });
      return records;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // A line break: CRLF, LF or a lone CR.
    records.push({ row, fields });
    fields = [];
    row++;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    if (i >= end) return records;
  }
}

function isDelimiter(c: string | undefined): boolean {
  return c === ',' || c === '\n' || c === '\r';
}

function csvSyntax(row: number, message: string): ReviewError {
  return new ReviewError('IMPORT_INVALID', [{ where: `row ${row}`, message }]);
}

/**
 * The cases in CSV text: a header row naming the columns, in any order, then one case per row.
 *
 * @remarks Problems with the header (an unknown, repeated or missing column) stop the import before
 * any row is looked at: with a wrong header every row would be misread. Blank rows, such as the empty
 * lines a spreadsheet leaves at the end, are skipped. A row with more or fewer fields than the header is
 * returned as unreadable rather than guessed at.
 */
export function casesFromCsv(text: string): RawCaseRow[] {
  const records = parseCsvRecords(text).filter((record) => !isBlank(record));
  const [header, ...rows] = records;
  if (!header) {
    throw new ReviewError('IMPORT_INVALID', [
      { where: 'file', message: `has no header row; the first row names the columns: ${listColumns()}` },
    ]);
  }
  const columns = readHeader(header, rows);
  return rows.map((record): RawCaseRow => {
    const where = `row ${record.row}`;
    if (record.fields.length !== header.fields.length) {
      return {
        where,
        values: {},
        unreadable: `has ${record.fields.length} fields but the header has ${header.fields.length}`,
      };
    }
    const values: Partial<Record<CaseColumn, string>> = {};
    columns.forEach((column, index) => {
      if (column) values[column] = record.fields[index];
    });
    return { where, values };
  });
}

/** The column each position holds (undefined for an unnamed, empty column), or the header's problems. */
function readHeader(header: CsvRecord, rows: readonly CsvRecord[]): (CaseColumn | undefined)[] {
  const problems: Problem[] = [];
  const seen = new Map<CaseColumn, number>();
  const columns = header.fields.map((raw, index) => {
    const name = raw.trim();
    const position = index + 1;
    if (name === '') {
      // Spreadsheets often export trailing empty columns; one with a value in it would lose data.
      const used = rows.find((record) => (record.fields[index] ?? '').trim() !== '');
      if (used) {
        problems.push({
          where: 'header',
          message: `column ${position} has no name but row ${used.row} has a value in it`,
        });
      }
      return undefined;
    }
    if (!isCaseColumn(name)) {
      problems.push({
        where: 'header',
        message: `unknown column ${JSON.stringify(name)} (column ${position}); the columns are: ${listColumns()}`,
      });
      return undefined;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      problems.push({
        where: 'header',
        message: `column "${name}" appears twice (columns ${earlier} and ${position})`,
      });
      return undefined;
    }
    seen.set(name, position);
    return name;
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required)) {
      const hint = OPTIONAL_VALUES.includes(required) ? ' (its cells may be blank where there is none)' : '';
      problems.push({ where: 'header', message: `missing required column "${required}"${hint}` });
    }
  }
  if (problems.length > 0) throw new ReviewError('IMPORT_INVALID', problems);
  return columns;
}

function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === '');
}
