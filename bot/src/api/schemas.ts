import * as z from 'zod';
import { CASE_ID_PATTERN, CASE_ID_RULE, LA_CODE_PATTERN, LA_CODE_RULE } from '../review/case.ts';
import { DATE_KEYS } from '../review/clock.ts';
import { parsePlainDate } from '../review/plain-date.ts';
import { STAGES } from '../review/review.ts';
import { RULES } from '../review/rules.ts';

/**
 * The API's shapes as zod schemas: parameters are checked with them at the boundary, and the OpenAPI
 * document (openapi.ts) is generated from them, so the document cannot drift from what is checked.
 * Each schema registered in {@link apiSchemas} becomes a component of the document.
 */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const RULE_IDS = Object.keys(RULES) as [keyof typeof RULES, ...(keyof typeof RULES)[]];

export const PlainDateSchema = z
  .string()
  .refine((text) => parsePlainDate(text) !== undefined, { error: 'not a calendar date (YYYY-MM-DD)' })
  .meta({
    description: 'A calendar date in Europe/London, YYYY-MM-DD.',
    format: 'date',
    example: '2026-12-01',
  });

export const RuleIdSchema = z.enum(RULE_IDS).register(apiSchemas, {
  id: 'RuleId',
  description: 'A statutory rule of the review clock (docs/statutory-rules.md).',
});
export const DateKeySchema = z.enum(DATE_KEYS).register(apiSchemas, {
  id: 'DateKey',
  description: 'A date the statutory clock derives.',
});
export const StageSchema = z
  .enum(STAGES)
  .register(apiSchemas, { id: 'Stage', description: 'The stage of a review.' });

export const ProblemSchema = z
  .object({
    where: z.string().meta({ description: 'The field, header or parameter the problem is in.' }),
    message: z.string(),
  })
  .register(apiSchemas, { id: 'Problem' });

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z
        .string()
        .meta({ description: 'A stable code from the error catalogue.', example: 'CASE_NOT_FOUND' }),
      message: z.string().meta({ description: 'What is wrong and what to do, for a person.' }),
      problems: z.array(ProblemSchema),
    }),
  })
  .register(apiSchemas, { id: 'Error', description: 'The body of every error answer.' });

export const ActorRoleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('senco'), settingUrn: z.string() }),
    z.object({ kind: z.literal('la-officer'), laCode: z.string() }),
  ])
  .register(apiSchemas, { id: 'ActorRole' });

export const MeSchema = z
  .object({
    mode: z.enum(['local', 'azure']),
    user: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      roles: z.array(ActorRoleSchema),
    }),
  })
  .register(apiSchemas, { id: 'Me', description: 'The signed-in user and the mode the server runs in.' });

export const LocalUsersSchema = z
  .object({
    users: z.array(
      z.object({
        id: z.string().meta({ description: 'Send it as the X-Ehc-User header.' }),
        name: z.string(),
        email: z.string(),
        description: z.string().meta({ example: 'SENCo, Harbour Primary School' }),
      }),
    ),
  })
  .register(apiSchemas, { id: 'LocalUsers', description: 'The fictional demo users of local mode.' });

export const NextActionSchema = z
  .object({
    label: z.string().meta({ example: 'Send the invitations' }),
    by: z.enum(['setting', 'la']).meta({ description: 'Who acts: the setting (SENCo) or the LA.' }),
    due: PlainDateSchema.optional(),
    rule: RuleIdSchema.optional(),
    recommended: z
      .boolean()
      .optional()
      .meta({ description: 'The due date follows the recommended timeline or guidance, not the law.' }),
  })
  .register(apiSchemas, { id: 'NextAction' });

export const CaseSummarySchema = z
  .object({
    laCode: z.string(),
    caseId: z.string(),
    childName: z.string(),
    settingUrn: z.string(),
    settingName: z.string().optional(),
    stage: StageSchema,
    deadline: z
      .object({ key: DateKeySchema, date: PlainDateSchema, rule: RuleIdSchema, explanation: z.string() })
      .meta({
        description: 'The earliest binding date: review_by, or phase_transfer_by when that is earlier.',
      }),
    nextAction: NextActionSchema,
    overdue: z.array(DateKeySchema).meta({ description: 'Dates passed with their step not done.' }),
    dueSoon: z.boolean().meta({ description: 'The next action is due within 14 days.' }),
    pfaRequired: z.boolean().meta({ description: 'Preparing for adulthood must be considered (Year 9+).' }),
  })
  .register(apiSchemas, { id: 'CaseSummary' });

export const DueDateSchema = z
  .object({
    key: DateKeySchema,
    date: PlainDateSchema,
    rule: RuleIdSchema,
    explanation: z.string(),
    recommended: z.boolean(),
    done: z.boolean(),
  })
  .register(apiSchemas, { id: 'DueDate' });

export const ClockSchema = z
  .object({
    dates: z.partialRecord(DateKeySchema, DueDateSchema),
    pfaRequired: z.boolean(),
    ncYear: z.int(),
    overdue: z.array(DateKeySchema),
  })
  .register(apiSchemas, {
    id: 'Clock',
    description: 'The statutory clock of the case on the server’s today.',
  });

/** The date an answer's dates were counted from, so that a client never counts from its own clock. */
const ServerTodaySchema = PlainDateSchema.meta({ description: 'The server’s today in Europe/London.' });

export const LiveCasesSchema = z
  .object({
    today: ServerTodaySchema,
    cases: z.array(CaseSummarySchema).meta({ description: 'The user’s live cases, most urgent first.' }),
  })
  .register(apiSchemas, { id: 'LiveCases' });

export const LaCasesPageSchema = z
  .object({
    today: ServerTodaySchema,
    cases: z
      .array(CaseSummarySchema)
      .meta({ description: 'One page of the LA’s live cases, earliest next due date first.' }),
    continuation: z
      .string()
      .optional()
      .meta({ description: 'Pass it as `continuation` for the next page; absent on the last page.' }),
  })
  .register(apiSchemas, { id: 'LaCasesPage' });

export const CaseDetailSchema = z
  .object({ today: ServerTodaySchema, summary: CaseSummarySchema, clock: ClockSchema })
  .register(apiSchemas, { id: 'CaseDetail' });

export const HealthSchema = z.object({ status: z.literal('ok'), mode: z.enum(['local', 'azure']) });

/**
 * An LA's code: the three-digit number the Department for Education gives each local authority in
 * England (e.g. 860); the demo LA is 999.
 */
export const LaCodeSchema = z
  .string()
  .regex(LA_CODE_PATTERN, { error: LA_CODE_RULE })
  .meta({ example: '999' });

/** The LA's own case id, by the rule the import checks too (`CASE_ID_PATTERN`); it may hold `/`. */
export const CaseIdSchema = z
  .string()
  .regex(CASE_ID_PATTERN, { error: CASE_ID_RULE })
  .meta({ example: 'NS-1001', description: 'URL-encode it: a case id may contain `/`.' });

export const CaseParamsSchema = z.object({ laCode: LaCodeSchema, caseId: CaseIdSchema });

export const LaParamsSchema = z.object({ laCode: LaCodeSchema });

/** A page of a list: an opaque token from the previous page, and how many items (1 to 500, default 50). */
export const PageQuerySchema = z.strictObject({
  continuation: z.string().min(1).max(4096).optional(),
  pageSize: z
    .string()
    .regex(/^\d{1,3}$/, { error: 'must be a whole number from 1 to 500' })
    .refine((text) => Number(text) >= 1 && Number(text) <= 500, {
      error: 'must be a whole number from 1 to 500',
    })
    .optional(),
});
