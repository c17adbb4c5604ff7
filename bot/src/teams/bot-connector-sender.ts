import {
  type Activity,
  CardFactory,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
} from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptive-card.ts';
import type { BotCredentials } from '../config.ts';
import { retryAfterMs } from '../review/delivery/retry.ts';
import type { ConversationReference } from '../store/conversation-references.ts';
import { type ProactiveMessage, type ProactiveSender, SendError } from './proactive.ts';

export interface BotConnectorSenderOptions {
  /** The bot's app registration; none in local mode (the Agents Playground takes unsigned posts). */
  readonly credentials?: BotCredentials;
  /** How long one request may take before it counts as unanswered (default 15 s). */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

/** The core-client pipeline the connector runs on, with the one call this adapter makes of it. */
interface PipelineHolder {
  readonly client?: { readonly pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } };
}

/**
 * Proactive sends through botbuilder's Bot Connector client, to the `serviceUrl` of the kept
 * reference (Teams platform docs, "Send proactive messages"): `POST /v3/conversations/{id}/activities`
 * into a personal chat, and `POST /v3/conversations` with `isGroup: true` and `channelData.channel.id`
 * for a new thread in a channel (`TeamsInfo.sendMessageToTeamsChannel` does the same, but refuses an
 * empty app id, which local mode has).
 *
 * @remarks
 * - Credentials as the bot's replies have them (`ConfigurationBotFrameworkAuthentication`): with no
 *   app id the connector sends no token, which is what the Agents Playground expects.
 * - The connector's own retry phase is removed: its retries sleep inside the call (Retry-After on a
 *   429, backoff on a 5xx), out of sight of the dispatcher's pacing and its record of attempts. Every
 *   request is one attempt here; the dispatcher decides when the next is (review/delivery/retry.ts).
 *   This reaches one private field of botbuilder's compat layer; the stand-in test proves a 429 is
 *   one request, so an upgrade that moves it fails there, not in production.
 * - A failure becomes a {@link SendError} with the status and Retry-After only: never the body,
 *   which can echo the message.
 */
export class BotConnectorSender implements ProactiveSender {
  readonly #auth: ConfigurationBotFrameworkAuthentication;
  readonly #appId: string;
  readonly #timeoutMs: number;
  readonly #now: () => Date;
  /** One client per service URL: building one (its pipeline, its credentials) costs more than a send. */
  readonly #connectors = new Map<string, Promise<ConnectorClient>>();

  constructor(options: BotConnectorSenderOptions = {}) {
    const credentials = options.credentials;
    this.#appId = credentials?.appId ?? '';
    this.#auth = new ConfigurationBotFrameworkAuthentication(
      credentials
        ? {
            MicrosoftAppId: credentials.appId,
            MicrosoftAppPassword: credentials.appPassword,
            MicrosoftAppType: credentials.appType,
            ...(credentials.tenantId ? { MicrosoftAppTenantId: credentials.tenantId } : {}),
          }
        : {},
    );
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#now = options.now ?? (() => new Date());
  }

  async send(to: ConversationReference, message: ProactiveMessage): Promise<{ activityId?: string }> {
    const connector = await this.#connector(to.serviceUrl);
    const activity = activityOf(to, message);
    const answer = await this.#call(() =>
      connector.conversations.sendToConversation(to.conversationId, activity, { timeout: this.#timeoutMs }),
    );
    return answer.id ? { activityId: answer.id } : {};
  }

  async post(
    to: ConversationReference,
    message: ProactiveMessage,
  ): Promise<{ conversationId: string; activityId?: string }> {
    const connector = await this.#connector(to.serviceUrl);
    const answer = await this.#call(() =>
      connector.conversations.createConversation(
        {
          isGroup: true,
          bot: { id: to.botId, name: '' },
          tenantId: to.tenantId,
          channelData: { channel: { id: to.conversationId }, tenant: { id: to.tenantId } },
          activity: activityOf(to, message) as Activity,
          members: [],
        },
        { timeout: this.#timeoutMs },
      ),
    );
    if (!answer.id) throw new SendError({ status: 502 });
    return { conversationId: answer.id, ...(answer.activityId ? { activityId: answer.activityId } : {}) };
  }

  #connector(serviceUrl: string): Promise<ConnectorClient> {
    let connector = this.#connectors.get(serviceUrl);
    if (!connector) {
      connector = this.#createConnector(serviceUrl);
      connector.catch(() => this.#connectors.delete(serviceUrl));
      this.#connectors.set(serviceUrl, connector);
    }
    return connector;
  }

  async #createConnector(serviceUrl: string): Promise<ConnectorClient> {
    const claims = new ClaimsIdentity([
      { type: AuthenticationConstants.AudienceClaim, value: this.#appId },
      { type: AuthenticationConstants.AppIdClaim, value: this.#appId },
      { type: AuthenticationConstants.ServiceUrlClaim, value: serviceUrl },
    ]);
    const connector = await this.#auth.createConnectorFactory(claims).create(serviceUrl, undefined);
    (connector as unknown as PipelineHolder).client?.pipeline?.removePolicy({ phase: 'Retry' });
    return connector;
  }

  async #call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw new SendError(failureOf(error, this.#now().getTime()), { cause: error });
    }
  }
}

function activityOf(to: ConversationReference, message: ProactiveMessage): Partial<Activity> {
  const activity: Partial<Activity> = message.card
    ? MessageFactory.attachment(
        { ...CardFactory.adaptiveCard(message.card), contentType: ADAPTIVE_CARD_CONTENT_TYPE },
        message.text,
      )
    : MessageFactory.text(message.text ?? '');
  return {
    ...activity,
    id: message.id,
    from: { id: to.botId, name: '' },
    ...(message.summary ? { summary: message.summary } : {}),
    channelData: { tenant: { id: to.tenantId } },
  };
}

/** The status and Retry-After of a failed connector call; neither for a timeout or a network error. */
function failureOf(error: unknown, now: number): { status?: number; retryAfterMs?: number } {
  const { statusCode, response } = (error ?? {}) as {
    statusCode?: unknown;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  if (typeof statusCode !== 'number') return {};
  const after = retryAfterMs(response?.headers?.get?.('retry-after'), now);
  return after === undefined ? { status: statusCode } : { status: statusCode, retryAfterMs: after };
}
