import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type {
  CaseMuteSchema,
  ChannelLinkViewSchema,
  LinkChannelBodySchema,
  LocalTeamsSchema,
  SweepReportSchema,
  WarningPolicyViewSchema,
} from '../../../bot/src/api/channel-schemas.ts';
import type { CaseDetailSchema, LiveCasesSchema } from '../../../bot/src/api/schemas.ts';
import type {
  CaseDetail,
  CaseMute,
  ChannelLinkView,
  DeadlineCheckReport,
  LinkChannelBody,
  LiveCasesResponse,
  LocalTeam,
  WarningPolicyView,
} from '../../../tab/src/api/types.ts';

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

  it('the channel’s link, the link request, the demo teams, a mute and the deadline check', () => {
    expectTypeOf<keyof ChannelLinkView>().toEqualTypeOf<keyof z.output<typeof ChannelLinkViewSchema>>();
    expectTypeOf<keyof LinkChannelBody>().toEqualTypeOf<keyof z.output<typeof LinkChannelBodySchema>>();
    expectTypeOf<keyof LocalTeam>().toEqualTypeOf<keyof z.output<typeof LocalTeamsSchema>['teams'][number]>();
    expectTypeOf<keyof CaseMute>().toEqualTypeOf<keyof z.output<typeof CaseMuteSchema>>();
    expectTypeOf<DeadlineCheckReport['swept']>().toEqualTypeOf<z.output<typeof SweepReportSchema>['swept']>();
  });

  it('an LA’s warning policy, and the policy itself', () => {
    expectTypeOf<keyof WarningPolicyView>().toEqualTypeOf<keyof z.output<typeof WarningPolicyViewSchema>>();
    expectTypeOf<keyof WarningPolicyView['policy']>().toEqualTypeOf<
      keyof z.output<typeof WarningPolicyViewSchema>['policy']
    >();
  });
});
