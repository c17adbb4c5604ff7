import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
// botbuilder's own authentication package (the exact version it depends on): the base class and
// types of a custom inbound check, which botbuilder does not re-export.
import {
  type AuthenticateRequestResult,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { JWTPayload } from 'jose';
import { httpError } from '../api/http-errors.ts';
import type { BotCredentials } from '../config.ts';
import type { ChannelActivity } from '../identity/channel-token.ts';
import { isReviewError, ReviewError } from '../review/errors.ts';
import type { ValidActivity } from '../server/activity-schema.ts';
import { describeError, type Log } from '../server/log.ts';

/** Checks the channel's token on an activity and answers its claims (identity/channel-token.ts). */
export type ChannelCheck = (
  authorization: string | undefined,
  activity: ChannelActivity,
) => Promise<JWTPayload>;

/** The Bot Framework audience of a bot's calls back to the channel. */
const TO_CHANNEL_SCOPE = 'https://api.botframework.com';

export const TURN_ERROR_REPLY = 'Sorry, something went wrong. Please try again in a moment.';

/** The HTTP answer to an activity: 200 for a message, an invoke's own status and body. */
export interface TurnAnswer {
  readonly status: number;
  readonly body?: unknown;
}

/** botbuilder's `CloudAdapter`, with its turn runner opened to {@link processTurn}. */
export class BotAdapter extends CloudAdapter {
  runTurn(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): ReturnType<CloudAdapter['processActivity']> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * botbuilder's `CloudAdapter`, authenticating the channel's requests with the bot's app registration.
 *
 * @remarks With no app id (local mode) botbuilder skips authentication both ways: it accepts an
 * activity without a token (the Agents Playground sends none) and replies to the `serviceUrl`
 * without one. Azure mode always passes credentials (config.ts requires them) and `check`, which
 * takes the inbound side from botbuilder (see {@link CheckedChannelAuthentication}). A turn that fails
 * is logged (its kind and stack, never the activity or the error's message, which can echo it) and
 * answered with an apology, unless what failed was a reply: then no apology is sent to the address
 * that just failed, and the request is answered 502 (see {@link processTurn}).
 */
export function createBotAdapter(
  credentials: BotCredentials | undefined,
  log: Log,
  check?: ChannelCheck,
): BotAdapter {
  const outbound = new ConfigurationBotFrameworkAuthentication(
    credentials
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.appPassword,
          MicrosoftAppType: credentials.appType,
          ...(credentials.tenantId ? { MicrosoftAppTenantId: credentials.tenantId } : {}),
        }
      : {},
  );
  const adapter = new BotAdapter(check ? new CheckedChannelAuthentication(outbound, check) : outbound);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    if (isReviewError(error) && error.code === 'REPLY_UNDELIVERABLE') throw error;
    const { reason: _reason, ...described } = describeError(error);
    log.error('bot turn failed', { activity: context.activity.type, code: 'INTERNAL_ERROR', ...described });
    if (context.activity.type === 'invoke') {
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: 500, body: httpError('INTERNAL_ERROR').body },
      });
      return;
    }
    await context.sendActivity(TURN_ERROR_REPLY);
  };
  return adapter;
}

/**
 * Runs one turn of `logic` for `activity` and gives the HTTP answer, within `timeoutMs`.
 *
 * @remarks Calls `processActivity` rather than botbuilder's `process`, so that the edge answers the
 * HTTP request (botbuilder's `process` answers a failure 500 with the error's message, which for a
 * reply that failed is the remote's answer, and prints the whole error to the console). Every send of
 * the turn goes through a guard: a send that fails becomes REPLY_UNDELIVERABLE (502), logged with its
 * status and cause but not its content; once the turn is past `timeoutMs` the request is answered
 * 502 and the guard lets nothing more out, so a reply that arrives late is not sent after the channel
 * was told it failed. botbuilder's connector may still be retrying the failed send in the background
 * until its own retries end; it sends nothing new.
 */
export async function processTurn(
  adapter: BotAdapter,
  activity: ValidActivity,
  authorization: string | undefined,
  logic: (context: TurnContext) => Promise<void>,
  options: { readonly timeoutMs: number; readonly log: Log },
): Promise<TurnAnswer> {
  let overdue = false;
  const guarded = async (context: TurnContext) => {
    context.onSendActivities(async (_context, activities, next) => {
      if (overdue)
        throw new ReviewError('REPLY_UNDELIVERABLE', [{ where: 'turn', message: 'past its deadline' }]);
      if (activities.every((sent) => sent.type === 'invokeResponse')) return next();
      try {
        return await next();
      } catch (error) {
        throw new ReviewError('REPLY_UNDELIVERABLE', [], undefined, { cause: error });
      }
    });
    await logic(context);
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      overdue = true;
      reject(new ReviewError('REPLY_UNDELIVERABLE', [{ where: 'turn', message: 'timed out' }]));
    }, options.timeoutMs);
  });
  // botbuilder's Activity types `timestamp` as a Date; the edge drops it, and nothing else differs.
  const turn = adapter.runTurn(authorization ?? '', activity as Partial<Activity> as Activity, guarded);
  turn.catch(() => undefined);
  try {
    const answer = await Promise.race([turn, deadline]);
    return answer ? { status: answer.status, body: answer.body } : { status: 200 };
  } catch (error) {
    if (isReviewError(error) && error.code === 'REPLY_UNDELIVERABLE') {
      options.log.warn('bot reply not delivered', {
        code: error.code,
        activity: activity.type,
        ...causeOf(error.cause),
        timedOut: overdue || undefined,
      });
      throw error;
    }
    // Only authentication runs outside the turn, and it fails with a status (botframework-connector's
    // AuthenticationError): 401, or 400 for a malformed Authorization header.
    const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      options.log.warn('bot activity refused', { code: 'BOT_UNAUTHENTICATED', status });
      const refused = httpError('BOT_UNAUTHENTICATED');
      return { status: refused.status, body: refused.body };
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** What a failed send may say in a log: the remote's status and the network error's code, no text. */
function causeOf(cause: unknown): Readonly<Record<string, string | number | undefined>> {
  if (!(cause instanceof Error)) return {};
  const { statusCode, code } = cause as { statusCode?: unknown; code?: unknown };
  return {
    cause: cause.name,
    remoteStatus: typeof statusCode === 'number' ? statusCode : undefined,
    errno: typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : undefined,
  };
}

/**
 * The inbound check is ours (the same bounded validation as the tab's tokens); the outbound side,
 * the bot's own token for replying, stays botbuilder's.
 *
 * @remarks botbuilder's own validation fetches the Bot Framework's metadata without a time limit (it
 * hung for over 200 s against a black-holed endpoint). Ours is bounded and checks the token's
 * `serviceurl` claim against the activity. Only channel tokens are taken: no skills, no emulator, no
 * streaming.
 */
class CheckedChannelAuthentication extends BotFrameworkAuthentication {
  readonly #outbound: BotFrameworkAuthentication;
  readonly #check: ChannelCheck;

  constructor(outbound: BotFrameworkAuthentication, check: ChannelCheck) {
    super();
    this.#outbound = outbound;
    this.#check = check;
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const claims = await this.#check(authHeader, activity);
    const claimsIdentity = new ClaimsIdentity(
      Object.entries(claims).map(([type, value]) => ({ type, value: String(value) })),
      'Bearer',
    );
    return {
      audience: TO_CHANNEL_SCOPE,
      callerId: CallerIdConstants.PublicAzureChannel,
      claimsIdentity,
      connectorFactory: this.createConnectorFactory(claimsIdentity),
    };
  }

  async authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    throw Object.assign(new Error('streaming requests are not taken'), { statusCode: 401 });
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.#outbound.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.#outbound.createUserTokenClient(claimsIdentity);
  }
}
