import * as z from 'zod';
import { AREAS_OF_NEED, PERSON_ROLES } from '../review/case.ts';
import { MAX_ATTACHMENT_BYTES } from '../review/contribute/attachment.ts';
import { PROGRESS, REQUEST_STATES } from '../review/review.ts';
import { CommandIdSchema } from './arrange-schemas.ts';
import { apiSchemas, PlainDateSchema, ProblemSchema, StageSchema } from './schemas.ts';

/**
 * The shapes of the contribute stage's API (contribute-routes.ts). As for arrange, a problem's `where`
 * is the field's path in the body (`content.outcomes.0.commentary`) for what zod checks, and the
 * domain's path (`outcomes.o1.commentary`, by outcome id) for what the rules check.
 */

const text = (max: number, what: string) =>
  z.string({ error: `required: ${what}` }).max(max, { error: `at most ${max} characters` });

const ProvisionSchema = z
  .strictObject({
    intervention: text(500, 'the intervention'),
    providedBy: text(200, 'who provides it'),
    frequency: text(100, 'how often'),
    duration: text(100, 'for how long'),
    groupSize: text(100, 'the group size'),
  })
  .register(apiSchemas, {
    id: 'Provision',
    description:
      'Seed: "the name of interventions, who will provide the support, how often, duration, group size".',
  });

const AreaSchema = z.enum(AREAS_OF_NEED, { error: `one of ${AREAS_OF_NEED.join(', ')}` });

export const AdviceContentSchema = z
  .strictObject({
    outcomes: z
      .array(
        z.strictObject({
          outcomeId: text(64, 'the outcome'),
          progress: z.enum(PROGRESS, { error: `one of ${PROGRESS.join(', ')}` }).optional(),
          commentary: text(10_000, 'commentary'),
          recommendedChanges: text(5_000, 'the change').optional(),
        }),
      )
      .max(50, { error: 'at most 50 outcomes' }),
    newOutcomes: z
      .array(z.strictObject({ area: AreaSchema, text: text(2_000, 'the outcome') }))
      .max(30, { error: 'at most 30 new outcomes' }),
    needs: z
      .array(z.strictObject({ area: AreaSchema, description: text(5_000, 'the need') }))
      .max(30, { error: 'at most 30 needs' }),
    provision: z.array(ProvisionSchema).max(50, { error: 'at most 50 provision rows' }),
  })
  .register(apiSchemas, { id: 'AdviceContent', description: 'The advice form as a whole.' });

export const RequestParamsSchema = z.object({
  laCode: z.string(),
  caseId: z.string(),
  requestId: z.string().regex(/^r\d{1,4}$/, { error: 'an advice request id, e.g. r1' }),
});

export const ReasonBodySchema = z.strictObject({
  commandId: CommandIdSchema,
  reason: text(1_000, 'the reason'),
});
export const CommandOnlyBodySchema = z.strictObject({ commandId: CommandIdSchema });
export const AllocateBodySchema = z.strictObject({
  commandId: CommandIdSchema,
  professional: z.strictObject({
    name: text(200, 'the professional’s name'),
    email: z.email({ error: 'not an email address' }).max(254, { error: 'at most 254 characters' }),
  }),
});
export const AdviceBodySchema = z.strictObject({
  commandId: CommandIdSchema,
  requestId: RequestParamsSchema.shape.requestId
    .optional()
    .meta({ description: 'The request answered; without it, the setting’s own advice (the SENCo’s).' }),
  content: AdviceContentSchema,
});
export const RecordViewsBodySchema = z.strictObject({
  commandId: CommandIdSchema,
  whose: z.enum(['child', 'parent'], { error: 'child or parent' }),
  text: text(10_000, 'the views'),
  onBehalfOf: text(200, 'whose views these are').optional(),
});

const PersonOutSchema = z.object({
  name: z.string(),
  email: z.string(),
  role: z.enum(PERSON_ROLES),
  organisation: z.string().optional(),
});

const AttachmentSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    uploaderName: z.string().optional(),
    uploadedOn: PlainDateSchema,
  })
  .register(apiSchemas, {
    id: 'Attachment',
    description: 'A supporting document: its type is what its content is, not what its name says.',
  });

/** The largest base64 text of a file of MAX_ATTACHMENT_BYTES (4 characters per 3 bytes). */
export const MAX_UPLOAD_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

export const UploadBodySchema = z.strictObject({
  commandId: CommandIdSchema,
  requestId: RequestParamsSchema.shape.requestId
    .optional()
    .meta({ description: 'The request whose advice the document supports; without it, the setting’s own.' }),
  fileName: text(255, 'the file’s name'),
  content: z
    .string({ error: 'required: the file, base64-encoded' })
    .max(MAX_UPLOAD_BASE64, { error: `at most ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB` })
    .base64({ error: 'not base64: send the file’s bytes base64-encoded' }),
});

export const AttachmentParamsSchema = z.object({
  laCode: z.string(),
  caseId: z.string(),
  attachmentId: z.uuid({ error: 'an attachment id' }),
});

const AdviceDocumentSchema = z
  .object({
    key: z.string(),
    requestId: z.string().optional(),
    author: PersonOutSchema,
    recordedBy: PersonOutSchema.optional(),
    state: z.enum(['draft', 'submitted']),
    content: AdviceContentSchema,
    attachments: z.array(AttachmentSchema),
    savedOn: PlainDateSchema,
    submittedOn: PlainDateSchema.optional(),
  })
  .register(apiSchemas, {
    id: 'Advice',
    description: 'A piece of advice the reader may read: their own draft, or submitted advice.',
  });

const ViewSchema = z.object({
  text: z.string(),
  recordedBy: z.string(),
  onBehalfOf: z.string().optional(),
  updatedOn: PlainDateSchema,
});

export const ContributionSchema = z
  .object({
    stage: z.union([StageSchema, z.literal('pending')]),
    outcomes: z.array(z.object({ id: z.string(), area: z.string(), text: z.string() })),
    canRequest: z.boolean(),
    requests: z.array(
      z.object({
        id: z.string(),
        inviteeId: z.string(),
        to: z.string(),
        allocatedTo: z.string().optional(),
        state: z.enum(REQUEST_STATES),
        requestedOn: PlainDateSchema,
        reason: z.string().optional(),
        yours: z.enum(['answer', 'record', 'allocate']).optional(),
        asked: z.literal(true).optional(),
      }),
    ),
    index: z.array(
      z.object({
        id: z.string(),
        requestId: z.string().optional(),
        author: PersonOutSchema,
        recordedBy: PersonOutSchema.optional(),
        state: z.enum(['draft', 'submitted']),
        submittedOn: PlainDateSchema.optional(),
      }),
    ),
    advice: z.array(AdviceDocumentSchema),
    views: z.object({ child: ViewSchema.optional(), parent: ViewSchema.optional() }),
    adviceCirculatedBy: PlainDateSchema.optional().meta({
      description: 'ADVICE_CIRCULATED: the day advice is to be circulated by.',
    }),
    gate: z.array(ProblemSchema).meta({ description: 'What keeps "Progress to meeting" disabled.' }),
    canProgress: z.boolean(),
    warnings: z.array(ProblemSchema),
  })
  .register(apiSchemas, {
    id: 'Contribution',
    description: 'The contribute stage as the reader sees it: requests, advice, views, the gate.',
  });

export const ContributeAnswerSchema = z
  .object({
    result: z.object({
      command: z.string(),
      reviewId: z.string().optional(),
      requestId: z.string().optional(),
      effectIds: z.array(z.string()),
    }),
    repeated: z.boolean(),
    contribution: ContributionSchema,
  })
  .register(apiSchemas, { id: 'ContributeAnswer' });
