import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { CaseDetailSchema, LiveCasesSchema } from '../../../bot/src/api/schemas.ts';
import type { CaseDetail, LiveCasesResponse } from '../../../tab/src/api/types.ts';

/**
 * The tab may not import the API's schemas (an adapter: DESIGN.md section 4), so it declares the
 * answers it reads from the domain's types; these checks, made by the type checker, hold their fields
 * to the schemas the server validates and documents with.
 */
describe('the answers the tab reads have the fields the API documents', () => {
  it('the case: the server’s today, the summary and the clock', () => {
    expectTypeOf<keyof CaseDetail>().toEqualTypeOf<keyof z.output<typeof CaseDetailSchema>>();
    expectTypeOf<keyof CaseDetail>().toEqualTypeOf<'today' | 'summary' | 'clock'>();
  });

  it('the live cases: the server’s today and the cases', () => {
    expectTypeOf<keyof LiveCasesResponse>().toEqualTypeOf<keyof z.output<typeof LiveCasesSchema>>();
  });
});
