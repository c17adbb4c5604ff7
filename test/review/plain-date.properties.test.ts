import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLong,
  fromEpochDay,
  fromParts,
  type PlainDate,
  parts,
  toEpochDay,
} from '../../bot/src/review/plain-date.ts';

/*
 * The date arithmetic reads digits and counts days with integers (plain-date.ts); these are the plain
 * versions it replaced (slices, Number, Date.UTC, padStart), kept here to prove every answer is the same.
 */
const MS_PER_DAY = 86_400_000;
const plainParts = (date: string) => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});
const plainFromParts = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const plainToEpochDay = (date: string) => {
  const { year, month, day } = plainParts(date);
  return Date.UTC(year + 400, month - 1, day) / MS_PER_DAY - 146_097;
};
const plainFromEpochDay = (epochDay: number) => {
  const d = new Date(epochDay * MS_PER_DAY);
  return plainFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Every day from 1 January 0000 to 31 December 9999, as an epoch day. */
const anyEpochDay = fc.integer({ min: plainToEpochDay('0000-01-01'), max: plainToEpochDay('9999-12-31') });

describe('the fast date arithmetic gives the plain answers', () => {
  it('for every day of years 0 to 9999: to and from an epoch day, its parts and its long form', () => {
    fc.assert(
      fc.property(anyEpochDay, (epochDay) => {
        const date = plainFromEpochDay(epochDay) as PlainDate;
        expect(fromEpochDay(epochDay)).toBe(date);
        expect(fromEpochDay(epochDay)).toBe(date);
        expect(toEpochDay(date)).toBe(epochDay);
        expect(parts(date)).toEqual(plainParts(date));
        const { year, month, day } = plainParts(date);
        expect(formatLong(date)).toBe(`${day} ${MONTHS[month - 1]} ${year}`);
      }),
      { numRuns: 20_000 },
    );
  });

  it('for every day of 1899 to 2201 in a row, where the cache of dates starts and ends', () => {
    const first = plainToEpochDay('1899-01-01');
    const last = plainToEpochDay('2201-12-31');
    for (let epochDay = first; epochDay <= last; epochDay += 1) {
      const date = fromEpochDay(epochDay);
      if (date !== plainFromEpochDay(epochDay) || toEpochDay(date) !== epochDay) {
        expect({ epochDay, date }).toEqual({ epochDay, date: plainFromEpochDay(epochDay) });
      }
    }
  });

  it('for parts of any size, in fromParts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20_000, max: 20_000 }),
        fc.integer({ min: -5, max: 120 }),
        fc.integer({ min: -5, max: 120 }),
        (year, month, day) => {
          expect(fromParts(year, month, day)).toBe(plainFromParts(year, month, day));
        },
      ),
    );
  });

  it('for text shaped like a date that is none (month and day 00 to 99), the plain answers', () => {
    const digits = (n: number, width: number) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (year, month, day) => {
          const text = `${digits(year, 4)}-${digits(month, 2)}-${digits(day, 2)}`;
          expect(toEpochDay(text as PlainDate)).toBe(plainToEpochDay(text));
          expect(parts(text as PlainDate)).toEqual(plainParts(text));
        },
      ),
    );
    for (const text of ['2025-13-01', '2025-14-29', '2025-15-01', '2025-99-99', '2025-00-00', '2024-12-31']) {
      expect(toEpochDay(text as PlainDate)).toBe(plainToEpochDay(text));
    }
  });

  it('for text of another length, the plain answers', () => {
    for (const text of ['10000-01-01', '2025-3-01', '2025-03-1 5', '2025-03-01T1', '2025-03-0', '']) {
      expect(toEpochDay(text as PlainDate)).toBe(plainToEpochDay(text));
      expect(parts(text as PlainDate)).toEqual(plainParts(text));
    }
  });

  it('outside the years the fast path takes, the same as the plain versions', () => {
    for (const epochDay of [
      plainToEpochDay('0000-01-01') - 1,
      plainToEpochDay('9999-12-31') + 1,
      10 ** 9,
      -(10 ** 9),
      0.5,
    ]) {
      expect(fromEpochDay(epochDay)).toBe(plainFromEpochDay(epochDay));
    }
  });
});
