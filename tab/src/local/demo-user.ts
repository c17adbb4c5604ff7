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

function sessionStorageOrNone(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
