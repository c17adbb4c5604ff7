import { describe, expect, it } from 'vitest';
import { hrefFor, routeFrom } from '../../../tab/src/app/route.ts';

describe('the page the address names', () => {
  it('opens My live cases by default', () => {
    expect(routeFrom('')).toEqual({ page: 'live-cases' });
    expect(routeFrom('#/')).toEqual({ page: 'live-cases' });
    expect(routeFrom('#')).toEqual({ page: 'live-cases' });
  });

  it('names no page for an address it does not know, so the tab can say so', () => {
    expect(routeFrom('#/nowhere')).toEqual({ page: 'not-found' });
    expect(routeFrom('#/cases/860')).toEqual({ page: 'not-found' });
    expect(routeFrom('#/cases/860/C-1/more')).toEqual({ page: 'not-found' });
    expect(routeFrom('#/cases/860/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(routeFrom(hrefFor({ page: 'not-found' }))).toEqual({ page: 'not-found' });
  });

  it("opens a case's home from its LA code and case id", () => {
    expect(routeFrom('#/cases/860/C-1001')).toEqual({ page: 'case', laCode: '860', caseId: 'C-1001' });
  });

  it('round-trips a case id that needs escaping', () => {
    const route = { page: 'case', laCode: '860', caseId: 'C/1 2' } as const;
    expect(hrefFor(route)).toBe('#/cases/860/C%2F1%202');
    expect(routeFrom(hrefFor(route))).toEqual(route);
  });

  it('opens an LA’s directory page', () => {
    expect(routeFrom('#/directory/860')).toEqual({ page: 'directory', laCode: '860' });
    expect(hrefFor({ page: 'directory', laCode: '860' })).toBe('#/directory/860');
  });

  it('opens an LA’s paged list of cases, and round-trips its address', () => {
    expect(routeFrom('#/las/860/cases')).toEqual({ page: 'la-cases', laCode: '860' });
    expect(hrefFor({ page: 'la-cases', laCode: '860' })).toBe('#/las/860/cases');
    expect(routeFrom('#/las/860/warnings')).toEqual({ page: 'warning-policy', laCode: '860' });
    expect(hrefFor({ page: 'warning-policy', laCode: '860' })).toBe('#/las/860/warnings');
    expect(routeFrom('#/las/860/warnings/more')).toEqual({ page: 'not-found' });
  });
});
