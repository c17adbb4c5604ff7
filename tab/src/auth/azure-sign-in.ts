import {
  InteractionRequiredAuthError,
  type IPublicClientApplication,
  PublicClientApplication,
} from '@azure/msal-browser';
import { authentication } from '@microsoft/teams-js';
import type { Host } from '../host/teams-host.ts';
import type { SignInSettings } from './sign-in-settings.ts';

/** Gives an access token for the API each time it is asked (the library keeps and renews it). */
export type TokenSource = () => Promise<string>;

/**
 * How the tab gets its token in azure mode: Teams single sign-on inside a Microsoft 365 host,
 * MSAL's redirect flow in a plain browser, both for the same app registration.
 *
 * @remarks In Teams, Outlook and the Microsoft 365 app, `authentication.getAuthToken()` asks the host,
 * which holds the user's session and has been pre-authorised for the `access_as_user` scope
 * (infra/aad.manifest.json), so the user sees no prompt. A browser has no host: MSAL sends the user
 * to Entra ID's sign-in page and back (redirect rather than pop-up: pop-ups are blocked in many
 * school and council browsers), then renews the token silently from its cache.
 */
export function azureTokenSource(host: Host, settings: SignInSettings & { mode: 'azure' }): TokenSource {
  if (host.kind === 'microsoft-365') return () => authentication.getAuthToken();
  let ready: Promise<IPublicClientApplication> | undefined;
  const scopes = [settings.scope];
  const msal = () => {
    ready ??= (async () => {
      const client = new PublicClientApplication({
        auth: {
          clientId: settings.clientId,
          authority: settings.authority,
          redirectUri: `${window.location.origin}/`,
        },
        cache: { cacheLocation: 'sessionStorage' },
      });
      await client.initialize();
      const returned = await client.handleRedirectPromise();
      if (returned?.account) client.setActiveAccount(returned.account);
      return client;
    })();
    return ready;
  };
  return async () => {
    const client = await msal();
    const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
    if (account) {
      try {
        return (await client.acquireTokenSilent({ scopes, account })).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
      }
    }
    await client.acquireTokenRedirect({ scopes });
    // The page is navigating to Entra ID's sign-in; nothing more happens here.
    return new Promise<string>(() => undefined);
  };
}
