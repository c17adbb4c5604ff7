import { describe, expect, it } from 'vitest';
import { casesFromJson } from '../../bot/src/import/parse-json.ts';
import { problemsOf, validValues } from './factories.ts';

describe('casesFromJson: an array of objects keyed by the column names', () => {
  it('numbers items by their 1-based position in the array', () => {
    const rows = casesFromJson(
      JSON.stringify([validValues(), validValues({ case_id: 'CASE-0002', nc_year: 9 })]),
    );

    expect(rows).toEqual([
      { where: 'item 1', values: validValues() },
      { where: 'item 2', values: validValues({ case_id: 'CASE-0002', nc_year: 9 }) },
    ]);
  });

  it('refuses text that is not JSON', () => {
    expect(problemsOf(() => casesFromJson('[{"case_id": '))).toEqual([
      { where: 'file', message: expect.stringMatching(/^is not valid JSON: /) },
    ]);
  });

  it('refuses JSON that is not an array', () => {
    expect(problemsOf(() => casesFromJson(JSON.stringify({ cases: [validValues()] })))).toEqual([
      { where: 'file', message: 'must be a JSON array of cases, but is an object' },
    ]);
  });

  it('returns an item that is not an object as unreadable, so it is reported with the other rows', () => {
    const rows = casesFromJson(JSON.stringify([validValues(), 'CASE-0002', null, [1]]));

    expect(rows.slice(1)).toEqual([
      {
        where: 'item 2',
        values: {},
        unreadable: "must be an object with the case's fields, but is a string",
      },
      { where: 'item 3', values: {}, unreadable: "must be an object with the case's fields, but is null" },
      {
        where: 'item 4',
        values: {},
        unreadable: "must be an object with the case's fields, but is an array",
      },
    ]);
  });

  it('refuses an unknown key once, at the first item that has it, saying how many items do', () => {
    const typo = ({ date_of_birth, ...rest }: Record<string, unknown>) => ({ ...rest, dob: date_of_birth });
    const items = [validValues(), typo(validValues()), typo(validValues()), { ...validValues(), note: 'x' }];

    expect(problemsOf(() => casesFromJson(JSON.stringify(items)))).toEqual([
      {
        where: 'item 2',
        message: expect.stringMatching(/^unknown field "dob" \(in 2 items\); the fields are: case_id, /),
      },
      { where: 'item 4', message: expect.stringMatching(/^unknown field "note"; the fields are: /) },
    ]);
  });

  it('refuses a missing field whose value may be blank, once per field: a missing field must not read as "none"', () => {
    const without = ({ transfer_kind: _k, transfer_on: _o, ...rest }: Record<string, unknown>) => rest;
    const items = [validValues(), without(validValues()), without(validValues())];

    expect(problemsOf(() => casesFromJson(JSON.stringify(items)))).toEqual([
      {
        where: 'item 2',
        message: 'missing field "transfer_kind" (in 2 items); give it, null where there is none',
      },
      {
        where: 'item 2',
        message: 'missing field "transfer_on" (in 2 items); give it, null where there is none',
      },
    ]);
  });
});
