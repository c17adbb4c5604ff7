import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, LaCasesPageSchema, LiveCasesSchema } from '../../bot/src/api/schemas.ts';
import { DEMO_LA } from '../../bot/src/demo/northshire.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.teardown();
});

const path = (query = '') => `/api/las/${DEMO_LA.code}/cases${query}`;

describe('GET /api/las/{laCode}/cases: an LA’s live cases, a page at a time', () => {
  it('pages the coordinator through every live case of the LA once, earliest next due date first', async () => {
    const all = LiveCasesSchema.parse((await t.get('/api/cases', 'la-coordinator')).body).cases;
    const seen: string[] = [];
    let query = '?pageSize=8';
    for (;;) {
      const { status, body } = await t.get(path(query), 'la-coordinator');
      expect(status).toBe(200);
      const page = LaCasesPageSchema.parse(body);
      expect(page.today).toBe(TEST_TODAY);
      expect(page.cases.length).toBeLessThanOrEqual(8);
      seen.push(...page.cases.map((c) => c.caseId));
      if (!page.continuation) break;
      query = `?pageSize=8&continuation=${encodeURIComponent(page.continuation)}`;
    }
    expect(seen).toHaveLength(all.length);
    expect([...seen].sort()).toEqual(all.map((c) => c.caseId).sort());
  });

  it('answers 50 cases a page by default: the whole demo LA in one', async () => {
    const page = LaCasesPageSchema.parse((await t.get(path(), 'la-coordinator')).body);
    expect(page.cases).toHaveLength(30);
    expect(page.continuation).toBeUndefined();
  });

  it('answers 403 NOT_ALLOWED to a SENCo, and 400 naming a bad page size or an unknown parameter', async () => {
    const refused = await t.get(path(), 'senco-harbour');
    expect(refused.status).toBe(403);
    expect(ErrorBodySchema.parse(refused.body).error.code).toBe('NOT_ALLOWED');
    for (const [query, where] of [
      ['?pageSize=0', 'pageSize'],
      ['?pageSize=501', 'pageSize'],
      ['?pageSize=ten', 'pageSize'],
      ['?offset=10', 'query'],
    ] as const) {
      const bad = await t.get(path(query), 'la-coordinator');
      expect(bad.status, query).toBe(400);
      const { error } = ErrorBodySchema.parse(bad.body);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.problems.map((p) => p.where)).toContain(where);
    }
  });

  it('refuses a continuation token it did not make, with 400', async () => {
    const bad = await t.get(path('?continuation=not-a-token'), 'la-coordinator');
    expect(bad.status).toBe(400);
    expect(ErrorBodySchema.parse(bad.body).error.problems[0]?.where).toBe('continuation');
  });
});
