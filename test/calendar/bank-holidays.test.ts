import { describe, expect, it } from 'vitest';
import { englandBankHolidays } from '../../bot/src/calendar/bank-holidays.ts';
import { d } from '../review/factories.ts';

describe('bank holidays in England', () => {
  const bankHolidayOf = englandBankHolidays();

  it('names a bank holiday, substitute days included', () => {
    expect(bankHolidayOf(d('2025-05-05'))).toBe('Early May bank holiday');
    expect(bankHolidayOf(d('2026-08-31'))).toBe('Summer bank holiday');
    expect(bankHolidayOf(d('2027-12-28'))).toBeDefined();
  });

  it('an ordinary day, or an observance that is no day off, is none', () => {
    expect(bankHolidayOf(d('2025-03-03'))).toBeUndefined();
    expect(bankHolidayOf(d('2025-03-30'))).toBeUndefined();
  });
});
