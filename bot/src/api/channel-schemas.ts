import * as z from 'zod';
import { WARNING_POLICY_LIMITS } from '../review/warning-policy.ts';
import { apiSchemas, LaCodeSchema, PlainDateSchema, SettingUrnSchema } from './schemas.ts';

/**
 * The shapes of the channel links' and the warnings' API (channel-routes.ts, warning-routes.ts),
 * checked once here at the edge.
 */

/**
 * A Teams thread id: `19:` then the thread's own id, as Teams gives a channel's or a team's id
 * (`19:...@thread.tacv2`, `19:...@thread.skype`).
 */
const ThreadIdSchema = z
  .string()
  .regex(/^19:[^\s/\\?#]{1,200}$/, { error: 'must be a Teams channel or team id (19:…@thread.tacv2)' })
  .meta({ example: '19:harbour-primary-send@thread.tacv2' });

export const ChannelParamsSchema = z.object({ channelId: ThreadIdSchema });

export const ChannelLinkSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('setting'), settingUrn: SettingUrnSchema }),
      z.strictObject({ kind: z.literal('la'), laCode: LaCodeSchema }),
    ],
    {
      error:
        'must be a setting’s SEND team ({kind: "setting", settingUrn}) or an LA’s ({kind: "la", laCode})',
    },
  )
  .register(apiSchemas, {
    id: 'ChannelLink',
    description: 'What a channel is linked to: a setting’s SEND team or an LA’s SEND team.',
  });

export const LinkChannelBodySchema = z.strictObject({
  teamId: ThreadIdSchema.meta({ description: 'The team’s thread id (Teams context `team.internalId`).' }),
  tenantId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    error: 'must be a tenant id (a GUID)',
  }),
  link: ChannelLinkSchema,
  onlyReviewersConfirmed: z.boolean({ error: 'required: true or false' }).meta({
    description:
      'The person linking confirms that only people working on these reviews are in the channel; false is refused (CHANNEL_NOT_CONFIRMED).',
  }),
});

const LinkChoiceSchema = z.object({ link: ChannelLinkSchema, name: z.string() });

export const ChannelLinkViewSchema = z
  .object({
    channelId: z.string(),
    link: z
      .object({ link: ChannelLinkSchema, name: z.string(), linkedAt: z.string() })
      .optional()
      .meta({ description: 'The current link, when the user may change it.' }),
    linkedByOthers: z
      .boolean()
      .meta({ description: 'Linked to cases this user may not link (another setting’s or LA’s).' }),
    choices: z.array(LinkChoiceSchema).meta({ description: 'The links this user may make.' }),
  })
  .register(apiSchemas, { id: 'ChannelLinkView', description: 'A channel’s link as one user sees it.' });

export const ChannelLinkRecordSchema = z
  .object({
    channelId: z.string(),
    teamId: z.string(),
    tenantId: z.string(),
    link: ChannelLinkSchema,
    linkedAt: z.string(),
    onlyReviewersConfirmed: z.literal(true),
  })
  .register(apiSchemas, { id: 'ChannelLinkRecord', description: 'A linked channel.' });

export const LocalTeamsSchema = z
  .object({
    teams: z.array(
      z.object({
        teamId: z.string(),
        name: z.string(),
        tenantId: z.string(),
        channel: z.object({ id: z.string(), name: z.string() }),
      }),
    ),
  })
  .register(apiSchemas, { id: 'LocalTeams', description: 'The demo teams of local mode.' });

export const CaseMuteSchema = z
  .object({
    muted: z.boolean(),
    stillSent: z.string().meta({ description: 'What a mute never silences, in words for the user.' }),
  })
  .register(apiSchemas, {
    id: 'CaseMute',
    description: 'Whether the user muted a case’s warnings for themself.',
  });

export const SweepReportSchema = z
  .discriminatedUnion('swept', [
    z.object({
      swept: z.literal(true),
      day: PlainDateSchema,
      cases: z.number().int().meta({ description: 'Cases with something due that were checked.' }),
      recorded: z.number().int().meta({ description: 'Warnings recorded to be sent.' }),
      repeats: z
        .number()
        .int()
        .meta({ description: 'Warnings due that were recorded before (not sent again).' }),
    }),
    z.object({ swept: z.literal(false), reason: z.literal('lease-held') }),
  ])
  .register(apiSchemas, {
    id: 'SweepReport',
    description: 'What the deadline check did; `lease-held`: another instance is checking now.',
  });

const { longestLeadDays, mostWarningsBefore, overdueEveryDays } = WARNING_POLICY_LIMITS;
const LEAD_RULE = `must be a whole number of days from 0 (the day itself) to ${longestLeadDays} (12 weeks)`;
const EVERY_RULE = `must be a whole number of days from ${overdueEveryDays.least} to ${overdueEveryDays.most}`;

/**
 * An LA's choice of when to warn, as sent: its shape and ranges checked here; that it warns at least
 * once and lists no day twice, by the domain (review/warning-policy.ts `checkWarningPolicy`).
 */
export const WarningPolicySchema = z
  .strictObject({
    daysBefore: z
      .array(
        z.int({ error: LEAD_RULE }).min(0, { error: LEAD_RULE }).max(longestLeadDays, { error: LEAD_RULE }),
        {
          error: 'required: a list of days before the date, such as [28, 7, 0]',
        },
      )
      .max(mostWarningsBefore, { error: `at most ${mostWarningsBefore} warnings before a date` })
      .meta({
        description: 'Days before a date that each send a warning; 0 is the day itself.',
        example: [28, 7, 0],
      }),
    overdueEveryDays: z
      .int({
        error: (issue) =>
          issue.input === undefined ? `required: ${EVERY_RULE.replace('must be ', '')}` : EVERY_RULE,
      })
      .min(overdueEveryDays.least, { error: EVERY_RULE })
      .max(overdueEveryDays.most, { error: EVERY_RULE })
      .meta({ description: 'Days between warnings while a step is overdue.', example: 7 }),
  })
  .register(apiSchemas, {
    id: 'WarningPolicy',
    description: 'When an LA warns of its dates: the days before each, then how often while overdue.',
  });

export const WarningPolicyViewSchema = z
  .object({
    laCode: LaCodeSchema,
    policy: WarningPolicySchema,
    chosen: z
      .boolean()
      .meta({ description: 'False while the LA has chosen nothing and the defaults apply.' }),
    setAt: z.string().optional().meta({ description: 'When the LA last chose (ISO 8601).' }),
    words: z.string().meta({ description: 'The policy in words.' }),
  })
  .register(apiSchemas, {
    id: 'WarningPolicyView',
    description: 'When an LA warns of its dates, as its officers and admins see it.',
  });
