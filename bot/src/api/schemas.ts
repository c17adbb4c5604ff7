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
    z.object({ kind: z.literal('senco'), settingUrn: z.string(), laCode: z.string() }),
    z.object({ kind: z.literal('la-officer'), laCode: z.string() }),
    z.object({ kind: z.literal('la-admin'), laCode: z.string() }),
    z.object({ kind: z.literal('allocator'), laCode: z.string(), teamEmail: z.string() }),
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
    by: z
      .enum(['setting', 'la', 'invitee'])
      .meta({ description: 'Who acts: the setting (SENCo), the LA, or an invitee (their advice).' }),
    yours: z.boolean().meta({ description: 'The reader owes this step; only then can it be due soon.' }),
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
    dueSoon: z.boolean().meta({ description: 'The reader’s own next action is due within 14 days.' }),
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

/** A school's unique reference number (URN): six digits. */
export const SettingUrnSchema = z
  .string()
  .regex(/^\d{6}$/, { error: 'must be the setting’s 6-digit unique reference number (URN)' })
  .meta({ example: '100001' });
const EmailSchema = z
  .email({ error: 'must be an email address' })
  .max(254, { error: 'must be at most 254 characters' })
  .meta({ description: 'Compared without regard to case.' });

export const MemberRoleSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.enum(['la-admin', 'la-officer', 'coordinator', 'team-mailbox', 'professional']) }),
      z.object({ kind: z.literal('senco'), settingUrn: SettingUrnSchema }),
      z.object({
        kind: z.literal('allocator'),
        teamEmail: EmailSchema.meta({ description: 'A team mailbox in the same LA’s directory.' }),
      }),
    ],
    {
      error:
        'must be a role: la-admin, la-officer, coordinator, senco, team-mailbox, allocator or professional',
    },
  )
  .register(apiSchemas, { id: 'MemberRole', description: 'What an LA makes a person, in that LA only.' });

export const DirectoryParamsSchema = z.object({ laCode: LaCodeSchema });
export const MemberParamsSchema = z.object({
  laCode: LaCodeSchema,
  memberId: z.uuid({ error: 'must be a member id' }),
});

export const MemberChangeSchema = z
  .strictObject({
    email: EmailSchema.meta({
      description: 'The address they are invited by; their first sign-in with it binds them.',
    }),
    name: z
      .string()
      .trim()
      .min(1, { error: 'required' })
      .max(200, { error: 'must be at most 200 characters' }),
    roles: z
      .array(MemberRoleSchema)
      .min(1, { error: 'give at least one role' })
      .max(20, { error: 'must be at most 20 roles' }),
  })
  .register(apiSchemas, {
    id: 'MemberChange',
    description: 'A person to add to an LA’s directory, or their new roles.',
  });

export const MemberSchema = z
  .object({
    memberId: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(MemberRoleSchema),
    signedIn: z.boolean().meta({ description: 'The invitation was redeemed: bound to an Entra ID account.' }),
    addedAt: z.string(),
  })
  .register(apiSchemas, { id: 'Member' });

export const DirectorySchema = z
  .object({ laCode: z.string(), members: z.array(MemberSchema) })
  .register(apiSchemas, {
    id: 'Directory',
    description: 'The people an LA has added, and their roles there.',
  });

export const MemberAnswerSchema = z
  .object({ member: MemberSchema })
  .register(apiSchemas, { id: 'MemberAnswer' });

export const SignInSettingsSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('local') }),
    z.object({
      mode: z.literal('azure'),
      clientId: z.string().meta({ description: 'The tab’s app registration.' }),
      scope: z
        .string()
        .meta({ example: 'api://reviews.example.org/6a9b8c7d-1e2f-4a3b-9c8d-7e6f5a4b3c2d/access_as_user' }),
      authority: z.string().meta({ example: 'https://login.microsoftonline.com/organizations' }),
    }),
  ])
  .register(apiSchemas, {
    id: 'SignInSettings',
    description: 'How the tab signs in: the local picker, or Teams SSO / MSAL for this app registration.',
  });

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
