import type { OpenIdKeys } from '../identity/openid-keys.ts';
import { type SsoRules, verifySsoToken } from '../identity/sso-token.ts';
import type { DirectoryUser, UserDirectory } from '../identity/user-directory.ts';
import { ReviewError } from '../review/errors.ts';

export type Mode = 'local' | 'azure';

/** The header the tab's local sign-in picker sends: the id of the chosen demo user. */
export const LOCAL_USER_HEADER = 'x-ehc-user';

/** How azure mode checks the tab's token: the issuer's keys and the rules of the app registration. */
export interface SsoCheck {
  readonly keys: OpenIdKeys;
  readonly rules: SsoRules;
}

/**
 * Who is calling the API: UNKNOWN_USER (401) when no one the directory admits, SIGN_IN_UNAVAILABLE
 * (503) when the token cannot be checked in time.
 *
 * @remarks Local mode trusts the `X-Ehc-User` header: the server listens for a developer on their own
 * machine, with fictional data, and anyone can pick any demo user (the tab shows a "local mode"
 * banner). Azure mode takes only `Authorization: Bearer` with a Teams SSO (or MSAL) token, validated
 * against Entra ID's keys (sso-token.ts); the header is ignored. The directory is asked on every
 * request, so a person removed from it loses access on their next request.
 */
export async function authenticate(
  headers: Readonly<Record<string, string | undefined>>,
  mode: Mode,
  directory: UserDirectory,
  sso?: SsoCheck,
): Promise<DirectoryUser> {
  if (mode === 'azure') {
    if (!sso) {
      throw new ReviewError('UNKNOWN_USER', [
        { where: 'Authorization', message: 'single sign-on is not configured on this server' },
      ]);
    }
    const signedIn = await verifySsoToken(headers.authorization, sso.keys, sso.rules);
    const user = await directory.signIn(signedIn);
    if (!user) {
      throw new ReviewError('UNKNOWN_USER', [
        {
          where: 'Authorization',
          message: 'your account has not been given access: ask your local authority’s SEND team',
        },
      ]);
    }
    return user;
  }
  const id = headers[LOCAL_USER_HEADER]?.trim();
  if (!id) {
    throw new ReviewError('UNKNOWN_USER', [
      { where: 'X-Ehc-User', message: 'missing: choose a demo user (GET /api/local/users lists them)' },
    ]);
  }
  const user = await directory.findById(id);
  if (!user) {
    throw new ReviewError('UNKNOWN_USER', [
      { where: 'X-Ehc-User', message: 'no demo user has this id (GET /api/local/users lists them)' },
    ]);
  }
  return user;
}
