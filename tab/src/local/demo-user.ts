/**
 * The demo user chosen in local mode, kept for the browser tab's session.
 *
 * @remarks sessionStorage, not localStorage: each browser tab can be a different demo user (a SENCo in
 * one, the LA's case coordinator in another), and closing the tab forgets the choice. Storage can be
 * unavailable (a sandboxed iframe, a privacy mode); then the choice lasts until the page reloads.
 */
const KEY = 'ehc-review-hub.demo-user';

export function readDemoUser(storage: Storage | undefined = sessionStorageOrNone()): string | undefined {
  try {
    return storage?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeDemoUser(userId: string, storage: Storage | undefined = sessionStorageOrNone()): void {
  try {
    storage?.setItem(KEY, userId);
  } catch {
    // Not kept: the user picks again after a reload.
  }
}

export function forgetDemoUser(storage: Storage | undefined = sessionStorageOrNone()): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The bot's link names the demo user so (bot/src/demo/demo-users.ts, `DEMO_USER_PARAM`). */
const PARAM = 'demo-user';

/**
 * The demo user the address names (`?demo-user=...`, the bot's "Open the EHC Review Hub" link in
 * local mode), kept as the chosen one and taken out of the address, so that a reload or "Switch
 * user" behaves as after picking them.
 *
 * @remarks Only a choice, not a credential: the server accepts a demo user's id in local mode only,
 * and a wrong one brings the picker back.
 */
export function takeDemoUserFromAddress(
  location: Pick<Location, 'href'> = globalThis.location,
  history: Pick<History, 'replaceState'> | undefined = globalThis.history,
  storage: Storage | undefined = sessionStorageOrNone(),
): string | undefined {
  const url = new URL(location.href);
  const userId = url.searchParams.get(PARAM) ?? undefined;
  if (!userId) return undefined;
  writeDemoUser(userId, storage);
  url.searchParams.delete(PARAM);
  history?.replaceState(null, '', url.toString());
  return userId;
}

function sessionStorageOrNone(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
