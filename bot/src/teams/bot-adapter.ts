import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { BotCredentials } from '../config.ts';
import { describeError, type Log } from '../server/log.ts';

/**
 * botbuilder's `CloudAdapter`, authenticating the channel's requests with the bot's app registration.
 *
 * @remarks With no app id (local mode) botbuilder skips authentication both ways: it accepts an
 * activity without a token (the Agents Playground sends none) and replies to the `serviceUrl`
 * without one. Azure mode always passes credentials (config.ts requires them).
 */
export function createBotAdapter(credentials: BotCredentials | undefined, log: Log): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    credentials
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.appPassword,
          MicrosoftAppType: credentials.appType,
          ...(credentials.tenantId ? { MicrosoftAppTenantId: credentials.tenantId } : {}),
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    log.error('bot turn failed', { activity: context.activity.type, ...describeError(error) });
    await context.sendActivity('Sorry, something went wrong. Please try again in a moment.');
  };
  return adapter;
}
