import { app } from '@microsoft/teams-js';
import { type ThemeName, themeNameFrom } from '../theme.ts';

/** Where the tab runs: inside a Microsoft 365 host (Teams, Outlook, the Microsoft 365 app) or a plain browser. */
export type Host =
  | { readonly kind: 'browser' }
  | {
      readonly kind: 'microsoft-365';
      /** The host's name as teams-js reports it: `Teams`, `Outlook`, `Office`, ... */
      readonly name: string;
      readonly theme: ThemeName;
      /** Follows the host's theme; the host keeps one handler, so the last one registered wins. */
      readonly onThemeChange: (handler: (theme: ThemeName) => void) => void;
    };

export const BROWSER: Host = { kind: 'browser' };

/** How long to wait for a host to answer before the tab runs as a plain web page. */
export const HOST_TIMEOUT_MS = 1500;

/**
 * Connects to the Microsoft 365 host, or settles on the browser.
 *
 * @remarks Outside a host, teams-js `app.initialize()` rejects at once in a top-level page but waits
 * about 60 s in a foreign iframe (no host answers its postMessage), so it is raced against a short
 * timeout. Only `app` capabilities are used here: every host that runs tabs (Teams, Outlook, the
 * Microsoft 365 app) supports them, so nothing needs an `isSupported()` check.
 */
export async function connectToHost(timeoutMs: number = HOST_TIMEOUT_MS): Promise<Host> {
  try {
    await withTimeout(app.initialize(), timeoutMs);
    const context = await withTimeout(app.getContext(), timeoutMs);
    // The manifest may ask the host to show its loading indicator until the app says it is ready.
    app.notifySuccess().catch(() => undefined);
    return {
      kind: 'microsoft-365',
      name: context.app.host.name,
      theme: themeNameFrom(context.app.theme),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeNameFrom(theme))),
    };
  } catch {
    return BROWSER;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  // A host that answers after the timeout must not surface as an unhandled rejection.
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the host within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
