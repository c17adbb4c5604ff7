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
import type { BotCredentials } from '../config.ts';
import type { ChannelActivity } from '../identity/channel-token.ts';
import { describeError, type Log } from '../server/log.ts';

/** Checks the channel's token on an activity and answers its claims (identity/channel-token.ts). */
export type ChannelCheck = (
  authorization: string | undefined,
  activity: ChannelActivity,
) => Promise<JWTPayload>;

/** The Bot Framework audience of a bot's calls back to the channel. */
const TO_CHANNEL_SCOPE = 'https://api.botframework.com';

/**
 * botbuilder's `CloudAdapter`, authenticating the channel's requests with the bot's app registration.
 *
 * @remarks With no app id (local mode) botbuilder skips authentication both ways: it accepts an
 * activity without a token (the Agents Playground sends none) and replies to the `serviceUrl`
 * without one. Azure mode always passes credentials (config.ts requires them) and `check`, which
 * takes the inbound side from botbuilder (see {@link CheckedChannelAuthentication}).
 */
export function createBotAdapter(
  credentials: BotCredentials | undefined,
  log: Log,
  check?: ChannelCheck,
): CloudAdapter {
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
  const adapter = new CloudAdapter(check ? new CheckedChannelAuthentication(outbound, check) : outbound);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    log.error('bot turn failed', { activity: context.activity.type, ...describeError(error) });
    await context.sendActivity('Sorry, something went wrong. Please try again in a moment.');
  };
  return adapter;
}

/**
 * The inbound check is ours (the same bounded validation as the tab's tokens); the outbound side,
 * the bot's own token for replying, stays botbuilder's.
 *
 * @remarks botbuilder's own validation fetches the Bot Framework's metadata without a time limit (it
 * hung for over 200 s against a black-holed endpoint) and lets any `serviceUrl` through that the
 * token was issued for in general. Ours is bounded and checks the token's `serviceurl` claim against
 * the activity. Only channel tokens are taken: no skills, no emulator, no streaming.
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
