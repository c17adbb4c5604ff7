import {
  type Activity,
  ActivityHandler,
  CardFactory,
  type InvokeResponse,
  MessageFactory,
  TeamsInfo,
  type TurnContext,
} from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptive-card.ts';
import type { Identity } from '../review/case.ts';
import { consoleLog, describeError } from '../server/log.ts';
import {
  type AnswerDeps,
  answerMessage,
  answerWelcome,
  type ConversationType,
  type IncomingMessage,
  type Reply,
} from './answer.ts';
import { type CardActionTable, cardActionTable } from './card-actions.ts';
import { answerCardSubmit, isCardSubmit } from './card-submit.ts';
import { referenceChangesOf } from './conversation-events.ts';
import { answerInvoke } from './invoke-router.ts';
import { applyReferenceChanges, type ReferenceTrackerDeps } from './reference-tracker.ts';

/**
 * The Teams bot: botbuilder's `ActivityHandler`, kept to mapping a Teams activity to an
 * {@link IncomingMessage} and a {@link Reply} back to an activity; what to answer is decided in
 * answer.ts.
 *
 * @remarks The Microsoft 365 Agents SDK (botbuilder's successor) has the same `ActivityHandler` and
 * `TurnContext`, so moving changes the imports of this file and main.ts.
 */
export class ReviewBot extends ActivityHandler {
  readonly #cardActions: CardActionTable;
  readonly #log: NonNullable<AnswerDeps['log']>;

  /**
   * `cardActions` defaults to the bot's table (card-actions.ts); tests pass their own. With
   * `references`, the bot keeps the conversations it may later write to unprompted (its install in a
   * team and the team's channels, a personal install), for the deadline warnings (issue 13).
   */
  constructor(
    deps: AnswerDeps & {
      readonly cardActions?: CardActionTable;
      readonly references?: Omit<ReferenceTrackerDeps, 'log'>;
    },
  ) {
    super();
    const answerDeps: AnswerDeps = { log: consoleLog(), ...deps };
    this.#log = answerDeps.log ?? consoleLog();
    this.#cardActions = deps.cardActions ?? cardActionTable(answerDeps);
    this.onMessage(async (context, next) => {
      if (isCardSubmit(context.activity.text, context.activity.value)) {
        await this.#answerSubmit(context);
      } else {
        const reply = await answerMessage(incomingMessage(context), answerDeps);
        await context.sendActivity(activityOf(reply));
      }
      await next();
    });
    const references = deps.references;
    if (references) {
      const track = async (context: TurnContext) => {
        const changes = referenceChangesOf(context.activity);
        if (changes.length === 0) return;
        const teamChannels = async (teamId: string) =>
          (await TeamsInfo.getTeamChannels(context, teamId)).flatMap((c) =>
            c.id ? [{ id: c.id, ...(c.name ? { name: c.name } : {}) }] : [],
          );
        await applyReferenceChanges(changes, teamChannels, { ...references, log: this.#log });
      };
      this.onConversationUpdate(async (context, next) => {
        await track(context);
        await next();
      });
      this.onInstallationUpdate(async (context, next) => {
        await track(context);
        await next();
      });
    }
    this.onMembersAdded(async (context, next) => {
      if (isPersonalInstall(context.activity)) {
        await context.sendActivity(activityOf(await answerWelcome(identityOf(context.activity), answerDeps)));
      }
      await next();
    });
  }

  /**
   * A card's `Action.Submit` (card-submit.ts): the new card replaces the one pressed
   * (`updateActivity` of `replyToId`); where that is not possible (no `replyToId`, or the connector
   * refuses the update) it comes as a reply. A message (a refusal, a late card) is a reply.
   */
  async #answerSubmit(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const identity = identityOf(activity);
    const conversationType = conversationTypeOf(activity);
    const result = await answerCardSubmit(
      {
        value: activity.value,
        ...(identity ? { identity } : {}),
        ...(conversationType ? { conversationType } : {}),
        ...(activity.from?.id ? { userId: activity.from.id } : {}),
      },
      this.#cardActions,
      this.#log,
    );
    if (result.kind === 'message') {
      await context.sendActivity(MessageFactory.text(result.text));
      return;
    }
    const reply = activityOf({ kind: 'card', card: result.card });
    const replyToId = activity.replyToId;
    if (replyToId) {
      try {
        await context.updateActivity({ ...reply, id: replyToId });
        return;
      } catch (error) {
        this.#log.warn('card update refused: replying with the card', {
          code: 'CARD_UPDATE_REFUSED',
          ...describeError(error),
        });
      }
    }
    await context.sendActivity(reply);
  }

  /** Every invoke is answered by invoke-router.ts, so none gets botbuilder's 501. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const activity = context.activity;
    const identity = identityOf(activity);
    const conversationType = conversationTypeOf(activity);
    return answerInvoke(
      {
        name: activity.name ?? '',
        value: activity.value,
        ...(identity ? { identity } : {}),
        ...(conversationType ? { conversationType } : {}),
        ...(activity.from?.id ? { userId: activity.from.id } : {}),
      },
      this.#cardActions,
      this.#log,
    );
  }
}

/**
 * The bot itself added to a 1:1 chat: Teams' `conversationUpdate` when a user installs the app in
 * personal scope (it also sends an `installationUpdate`, left unanswered so the welcome comes once).
 */
export function isPersonalInstall(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  const added = activity.membersAdded ?? [];
  return conversationTypeOf(activity) === 'personal' && added.some((member) => member.id === botId);
}

/** The message's text without the bot's @mention, the sender's Entra ID account and the conversation's type. */
export function incomingMessage(context: TurnContext): IncomingMessage {
  const activity = context.activity;
  const text = removeOwnMention(activity);
  const identity = identityOf(activity);
  const conversationType = conversationTypeOf(activity);
  return {
    text,
    ...(identity ? { identity } : {}),
    ...(conversationType ? { conversationType } : {}),
  };
}

/**
 * Teams' `conversation.conversationType` ('personal', 'groupChat' or 'channel'; the Agents Playground
 * sets it the same way). None when it is missing or unknown, or when a 'personal' conversation says it
 * is a group (`isGroup`): the caller then treats it as shared, never as private.
 */
export function conversationTypeOf(activity: Partial<Activity>): ConversationType | undefined {
  const conversation = activity.conversation;
  const type: unknown = conversation?.conversationType;
  if (type === 'personal') return conversation?.isGroup === true ? undefined : 'personal';
  return type === 'groupChat' || type === 'channel' ? type : undefined;
}

function removeOwnMention(activity: Activity): string {
  const text = activity.text ?? '';
  const botId = activity.recipient?.id;
  const mentions = (activity.entities ?? []).filter(
    (entity) =>
      entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
  return mentions.reduce((rest, mention) => {
    const shown = (mention as { text?: string }).text;
    return shown ? rest.split(shown).join(' ') : rest;
  }, text);
}

/**
 * The sender's account: the tenant from `conversation.tenantId`, or from `channelData.tenant.id` where
 * Teams puts it in channels; the object id from `from.aadObjectId`. None when either is missing.
 */
export function identityOf(activity: Partial<Activity>): Identity | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenantId = activity.conversation?.tenantId ?? channelData?.tenant?.id;
  const objectId = activity.from?.aadObjectId;
  if (typeof tenantId !== 'string' || !tenantId || typeof objectId !== 'string' || !objectId)
    return undefined;
  return { tenantId, objectId };
}

function activityOf(reply: Reply): Partial<Activity> {
  if (reply.kind === 'text') return MessageFactory.text(reply.text);
  if (reply.kind === 'cards') {
    // One message, its cards one under the other (Teams' `list` layout), after a line saying what they are.
    const attachments = reply.cards.map((card) => ({
      ...CardFactory.adaptiveCard(card),
      contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    }));
    return MessageFactory.list(attachments, reply.text);
  }
  const attachment = CardFactory.adaptiveCard(reply.card);
  return MessageFactory.attachment({ ...attachment, contentType: ADAPTIVE_CARD_CONTENT_TYPE });
}
