import * as z from 'zod';

/**
 * A Bot Framework activity as the bot reads it, checked at the edge before botbuilder sees it, so a
 * malformed one answers 400 naming the field and the bot's code can trust the types.
 *
 * @remarks Only the fields the bot, botbuilder's reply (which copies `from`, `recipient`,
 * `conversation`, `channelId`, `locale` and `serviceUrl` into the reply and serialises them against
 * the Bot Framework schema) or the invoke router read are kept; any other field is dropped, so an
 * unexpected one (`deliveryMode`, a wrongly typed `timestamp`) can neither change botbuilder's
 * behaviour nor fail its serializer. Lengths are generous bounds on what Teams sends (a Teams
 * conversation id is a few hundred characters), there to keep logs and replies small.
 */
const id = (max = 1024) =>
  z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).max(max);
const text = (max: number) => z.string({ error: 'must be a string' }).max(max);

/** Teams' `ChannelAccount`: a user or the bot. */
const ChannelAccountSchema = z.object(
  {
    id: id(),
    name: text(512).optional(),
    aadObjectId: text(128).optional(),
    role: text(64).optional(),
  },
  { error: 'must be an object' },
);

const ConversationSchema = z.object(
  {
    id: id(2048),
    conversationType: text(64).optional(),
    isGroup: z.boolean({ error: 'must be true or false' }).optional(),
    tenantId: text(128).optional(),
    name: text(512).optional(),
  },
  { error: 'required: an object with the conversation’s id' },
);

/** Teams' `TeamInfo` / `ChannelInfo` in `channelData`. */
const TeamInfoSchema = z.looseObject(
  { id: id(2048), name: text(512).optional(), aadGroupId: text(128).optional() },
  { error: 'must be an object with an `id`' },
);

/** An @mention: `text` is how it shows in the message (`<at>EHC Review Hub</at>`). */
const MentionSchema = z.looseObject({
  type: z.literal('mention'),
  text: text(1024).optional(),
  mentioned: z.looseObject({ id: id(), name: text(512).optional() }, { error: 'must be an object' }),
});
const OtherEntitySchema = z.looseObject({
  type: text(128).refine((type) => type !== 'mention', { error: 'a mention needs `mentioned.id`' }),
});

export const ActivitySchema = z.object({
  type: z.string({ error: 'required: the activity type, e.g. "message"' }).min(1).max(64),
  id: id().optional(),
  channelId: z.string({ error: 'required: the channel, e.g. "msteams"' }).min(1).max(64),
  serviceUrl: z
    .url({ protocol: /^https?$/, error: 'required: the http(s) URL replies are sent to' })
    .max(2048),
  from: ChannelAccountSchema.optional(),
  recipient: ChannelAccountSchema.optional(),
  conversation: ConversationSchema,
  text: text(100_000).optional(),
  textFormat: text(32).optional(),
  locale: text(64).optional(),
  replyToId: id().optional(),
  entities: z
    .array(z.union([MentionSchema, OtherEntitySchema], { error: 'must be an object with a `type`' }), {
      error: 'must be an array',
    })
    .max(64)
    .optional(),
  attachments: z
    .array(z.looseObject({ contentType: text(256) }), { error: 'must be an array' })
    .max(32)
    .optional(),
  channelData: z
    .looseObject(
      {
        tenant: z.looseObject({ id: text(128) }, { error: 'must be an object' }).optional(),
        /** A team's activity: the team (its id is its General channel's). */
        team: TeamInfoSchema.optional(),
        /** A channel's event (`channelCreated`, ...): the channel it is about. */
        channel: TeamInfoSchema.optional(),
        /** Teams' kind of `conversationUpdate`: `channelCreated`, `teamDeleted`, `teamMemberAdded`, ... */
        eventType: text(64).optional(),
      },
      { error: 'must be an object' },
    )
    .optional(),
  /** An invoke's or event's name (`adaptiveCard/action`). */
  name: text(256).optional(),
  /** An invoke's payload: checked by whoever answers it (teams/invoke-router.ts). */
  value: z.unknown().optional(),
  /** `installationUpdate`: `add` or `remove`. */
  action: text(64).optional(),
  membersAdded: z.array(ChannelAccountSchema, { error: 'must be an array' }).max(1000).optional(),
  membersRemoved: z.array(ChannelAccountSchema, { error: 'must be an array' }).max(1000).optional(),
});

/** An activity that passed {@link ActivitySchema}. */
export type ValidActivity = z.infer<typeof ActivitySchema>;
