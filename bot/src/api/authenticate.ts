import type { DirectoryUser, UserDirectory } from '../identity/user-directory.ts';
import { ReviewError } from '../review/errors.ts';

export type Mode = 'local' | 'azure';

/** The header the tab's local sign-in picker sends: the id of the chosen demo user. */
export const LOCAL_USER_HEADER = 'x-ehc-user';

/**
 * Who is calling the API, or UNKNOWN_USER (401).
 *
 * @remarks Local mode trusts the `X-Ehc-User` header: the server listens for a developer on their own
 * machine, with fictional data, and anyone can pick any demo user (the tab shows a "local mode"
 * banner). Azure mode will take a Teams SSO token (`Authorization: Bearer`) and validate it against
 * Entra ID; until then it refuses every caller, so nothing is served without authentication.
 */
export async function authenticate(
  headers: Readonly<Record<string, string | undefined>>,
  mode: Mode,
  directory: UserDirectory,
): Promise<DirectoryUser> {
  if (mode === 'azure') {
    throw new ReviewError('UNKNOWN_USER', [
      { where: 'Authorization', message: 'Teams single sign-on is not set up on this server yet' },
    ]);
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
