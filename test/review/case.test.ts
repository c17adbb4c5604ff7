import { describe, expect, it } from 'vitest';
import {
  CASE_ID_PATTERN,
  caseKey,
  isFamily,
  LA_CODE_PATTERN,
  type Person,
  type PersonRole,
  sameCase,
  uniqueByEmail,
} from '../../bot/src/review/case.ts';

const person = (email: string, role: PersonRole = 'health'): Person => ({ name: email, email, role });

describe('a case reference', () => {
  it.each(['860', '001', '999'])('an LA code is exactly three digits: %s', (code) => {
    expect(LA_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(['86', '8600', 'x860', '860x', 'abc', '8 6', ''])('and nothing else: %j', (code) => {
    expect(LA_CODE_PATTERN.test(code)).toBe(false);
  });

  it.each(['CASE-0001', 'a', 'LA/2024/17', 'x'.repeat(64), 'Café 12'])(
    'a case id of 1 to 64 characters: %j',
    (id) => {
      expect(CASE_ID_PATTERN.test(id)).toBe(true);
    },
  );

  it.each(['', 'x'.repeat(65), 'CASE\t1', 'CASE\n1', '\u0000CASE', 'CASE\u007f', 'CASE-1\r'])(
    'refuses an empty, over-long or control-character case id: %j',
    (id) => {
      expect(CASE_ID_PATTERN.test(id)).toBe(false);
    },
  );

  it('a case is its LA and its case id together: the same id in another LA is another case', () => {
    expect(sameCase({ laCode: '860', caseId: 'C1' }, { laCode: '860', caseId: 'C1' })).toBe(true);
    expect(sameCase({ laCode: '860', caseId: 'C1' }, { laCode: '861', caseId: 'C1' })).toBe(false);
    expect(sameCase({ laCode: '860', caseId: 'C1' }, { laCode: '860', caseId: 'C2' })).toBe(false);
    expect(caseKey({ laCode: '860', caseId: 'LA/2024/17' })).toBe('860/LA/2024/17');
  });
});

describe('people', () => {
  it('the family is the parent and the young person', () => {
    const roles: PersonRole[] = ['parent', 'young-person', 'child', 'health', 'senco'];
    expect(roles.filter((role) => isFamily(person('a@example.test', role)))).toEqual([
      'parent',
      'young-person',
    ]);
  });

  it('each person once by email whatever its case, the first found winning, lower-cased', () => {
    const people = [
      person('Eve@EP.example', 'educational-psychologist'),
      person('eve@ep.example'),
      person('b@x.example'),
    ];
    expect(uniqueByEmail(people)).toEqual([
      { name: 'Eve@EP.example', email: 'eve@ep.example', role: 'educational-psychologist' },
      person('b@x.example'),
    ]);
  });
});
