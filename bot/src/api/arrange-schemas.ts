import * as z from 'zod';
import { PERSON_ROLES } from '../review/case.ts';
import { ABANDON_REASONS } from '../review/case-file.ts';
import { COMMAND_ID_PATTERN, COMMAND_ID_RULE } from '../review/command.ts';
import { EFFECT_STATES } from '../review/outbox.ts';
import {
  apiSchemas,
  CaseParamsSchema,
  DueDateSchema,
  PlainDateSchema,
  ProblemSchema,
  RuleIdSchema,
  StageSchema,
} from './schemas.ts';

/**
 * The shapes of the arrange stage's API (arrange-routes.ts): the command bodies, checked once here at
 * the edge, and the answers. A problem's `where` is the field's path in the body (`meeting.on`), the
 * same words the domain uses, so a form puts each error beside its input.
 */

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export const CommandIdSchema = z
  .string({ error: 'required: a new id for this action' })
  .regex(COMMAND_ID_PATTERN, { error: COMMAND_ID_RULE })
  .meta({
    description:
      'Made by the client once per user action; sending it again changes nothing and gets the first answer.',
    example: '2b0e5c1e-8d5f-4a43-9c8e-0d3c7f1f6a10',
  });

const TimeSchema = z
  .string()
  .regex(TIME_OF_DAY, { error: 'a time of day, HH:MM (24-hour)' })
  .meta({ example: '09:30' });

export const MeetingFieldsSchema = z
  .strictObject({
    on: PlainDateSchema,
    startTime: TimeSchema,
    endTime: TimeSchema,
    venue: z.string().max(200, { error: 'at most 200 characters' }),
    online: z.boolean().meta({ description: 'A Teams online meeting with the invite.' }),
  })
  .partial()
  .register(apiSchemas, { id: 'MeetingFields', description: 'The meeting as the arrange form edits it.' });

export const PersonInputSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: 'required: the name' })
      .max(200, { error: 'at most 200 characters' }),
    email: z.email({ error: 'not an email address' }).max(254, { error: 'at most 254 characters' }),
    role: z.enum(PERSON_ROLES, { error: `one of ${PERSON_ROLES.join(', ')}` }),
    organisation: z.string().max(200, { error: 'at most 200 characters' }).optional(),
    isTeam: z
      .boolean()
      .optional()
      .meta({ description: 'A team’s generic mailbox: the team allocates a person.' }),
  })
  .register(apiSchemas, { id: 'PersonInput' });

export const StartReviewBodySchema = z.strictObject({ commandId: CommandIdSchema });
export const SendInvitationsBodySchema = StartReviewBodySchema;
export const SaveMeetingBodySchema = z.strictObject({
  commandId: CommandIdSchema,
  meeting: MeetingFieldsSchema,
  seen: MeetingFieldsSchema.optional().meta({
    description:
      'The meeting as the client loaded it. Fields left as seen keep what is stored now; a field someone else changed meanwhile answers 409 EDIT_CONFLICT naming it.',
  }),
});
export const AddInviteeBodySchema = z.strictObject({
  commandId: CommandIdSchema,
  person: PersonInputSchema,
  requestInformation: z
    .boolean()
    .optional()
    .meta({ description: 'Request advice; professionals by default.' }),
});
export const RemoveInviteeBodySchema = z.strictObject({
  commandId: CommandIdSchema,
  reason: z.string().max(500, { error: 'at most 500 characters' }).optional().meta({
    description: 'Required for a team the LA always invites.',
  }),
});
export const RequestInformationBodySchema = z.strictObject({
  commandId: CommandIdSchema,
  requestInformation: z.boolean({ error: 'required: true or false' }),
});
export const AbandonReviewBodySchema = z.strictObject({
  commandId: CommandIdSchema,
  reason: z.enum(ABANDON_REASONS, { error: `required: one of ${ABANDON_REASONS.join(', ')}` }),
});

export const InviteeParamsSchema = CaseParamsSchema.extend({
  inviteeId: z.string().regex(/^i\d{1,6}$/, { error: 'an invitee id, e.g. i3' }),
});
export const InvitationParamsSchema = CaseParamsSchema.extend({
  invitationId: z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,200}$/, { error: 'an invitation id from listInvitations' }),
});

const DueDateRefSchema = DueDateSchema.optional();

export const InvitationRecordSchema = z
  .object({
    id: z
      .string()
      .meta({ description: 'Fixed for the invitation’s life; Graph’s transactionId on the create.' }),
    kind: z.enum(['invite', 'update', 'cancel']),
    sequence: z.int().meta({ description: 'iCalendar SEQUENCE.' }),
    state: z.enum(EFFECT_STATES),
    attempts: z.int(),
    lastError: z.object({ code: z.string(), status: z.int().optional() }).optional(),
    doneAt: z.string().optional(),
    download: z
      .string()
      .optional()
      .meta({ description: 'Local mode: the address of the .ics file written.' }),
  })
  .register(apiSchemas, { id: 'InvitationRecord' });

export const ArrangementSchema = z
  .object({
    today: PlainDateSchema,
    stage: StageSchema,
    reviewId: z.string().optional(),
    meeting: z
      .object({
        on: PlainDateSchema,
        startTime: z.string(),
        endTime: z.string(),
        venue: z.string(),
        online: z.boolean(),
        joinUrl: z.string().optional(),
      })
      .optional(),
    invitees: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        email: z.string(),
        role: z.enum(PERSON_ROLES),
        organisation: z.string().optional(),
        isTeam: z.boolean(),
        requestInformation: z.boolean(),
        alwaysInvited: z
          .string()
          .optional()
          .meta({ description: 'The LA policy team; removed only with a reason.' }),
      }),
    ),
    invitation: z
      .object({
        sentOn: PlainDateSchema,
        sequence: z.int(),
        eventId: z.string().optional(),
        teamsMeetingMissing: z.boolean().optional(),
      })
      .optional(),
    warnings: z.array(z.object({ where: z.string(), rule: RuleIdSchema.optional(), message: z.string() })),
    sendProblems: z.array(ProblemSchema).meta({ description: 'What stops the invitations being sent now.' }),
    dates: z.object({
      reviewBy: DueDateRefSchema,
      latestMeeting: z
        .object({
          date: PlainDateSchema,
          rule: RuleIdSchema,
          explanation: z.string(),
          recommended: z.boolean(),
        })
        .optional()
        .meta({ description: 'The latest sensible meeting date, with the rule that sets it.' }),
      inviteBy: DueDateRefSchema,
      adviceBy: DueDateRefSchema,
      reportBy: DueDateRefSchema,
      decisionBy: DueDateRefSchema,
    }),
    invitations: z.array(InvitationRecordSchema),
  })
  .register(apiSchemas, {
    id: 'Arrangement',
    description: 'The arrange stage of a case’s review, on the server’s today.',
  });

export const CommandAnswerSchema = z
  .object({
    result: z.object({
      command: z.string(),
      reviewId: z.string().optional(),
      inviteeId: z.string().optional(),
      effectIds: z.array(z.string()),
    }),
    repeated: z
      .boolean()
      .meta({ description: 'The id had been seen: nothing changed, this is the first answer.' }),
    arrangement: ArrangementSchema,
  })
  .register(apiSchemas, { id: 'CommandAnswer' });

export const InvitationsSchema = z
  .object({ invitations: z.array(InvitationRecordSchema) })
  .register(apiSchemas, { id: 'Invitations' });
