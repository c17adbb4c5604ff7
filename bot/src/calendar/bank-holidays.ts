import Holidays from 'date-holidays';
import type { BankHolidayOf } from '../review/arrange/arrange-warnings.ts';
import type { PlainDate } from '../review/plain-date.ts';

/**
 * Bank holidays in England, from the `date-holidays` package's maintained data (GB, region ENG),
 * not a hand-typed list: a substitute day or a one-off (a coronation, a jubilee) arrives with an
 * update of the package.
 *
 * @remarks Only `public` holidays count: the data also lists observances (Mother's Day) that are no
 * day off.
 */
export function englandBankHolidays(): BankHolidayOf {
  const holidays = new Holidays('GB', 'ENG');
  return (date: PlainDate) => {
    const found = holidays.isHoliday(date);
    if (!found) return undefined;
    return found.find((holiday) => holiday.type === 'public' || holiday.type === 'bank')?.name;
  };
}
