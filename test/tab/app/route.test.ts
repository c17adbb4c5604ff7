import { describe, expect, it } from 'vitest';
import { hrefFor, routeFrom } from '../../../tab/src/app/route.ts';

describe('the page the address names', () => {
  it('opens My live cases by default', () => {
    expect(routeFrom('')).toEqual({ page: 'live-cases' });
    expect(routeFrom('#/')).toEqual({ page: 'live-cases' });
    expect(routeFrom('#/nowhere')).toEqual({ page: 'live-cases' });
  });

  it("opens a case's home from its LA code and case id", () => {
    expect(routeFrom('#/cases/860/C-1001')).toEqual({ page: 'case', laCode: '860', caseId: 'C-1001' });
  });

  it('round-trips a case id that needs escaping', () => {
    const route = { page: 'case', laCode: '860', caseId: 'C/1 2' } as const;
    expect(hrefFor(route)).toBe('#/cases/860/C%2F1%202');
    expect(routeFrom(hrefFor(route))).toEqual(route);
  });

  it('opens an LA’s paged list of cases, and round-trips its address', () => {
    expect(routeFrom('#/las/860/cases')).toEqual({ page: 'la-cases', laCode: '860' });
    expect(hrefFor({ page: 'la-cases', laCode: '860' })).toBe('#/las/860/cases');
  });
});
