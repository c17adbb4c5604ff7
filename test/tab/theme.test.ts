import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import {
  browserPreferences,
  browserThemeName,
  fluentTheme,
  themeNameFrom,
  themeOverride,
  watchBrowserTheme,
} from '../../tab/src/theme.ts';

describe('the theme follows the host', () => {
  it('maps the host themes to the Teams themes of Fluent UI', () => {
    expect(fluentTheme('default')).toBe(teamsLightTheme);
    expect(fluentTheme('dark')).toBe(teamsDarkTheme);
    expect(fluentTheme('contrast')).toBe(teamsHighContrastTheme);
  });

  it('reads a theme it does not know, or none, as the default one', () => {
    expect(themeNameFrom('dark')).toBe('dark');
    expect(themeNameFrom('sepia')).toBe('default');
    expect(themeNameFrom(undefined)).toBe('default');
  });
});

describe('outside a host the theme follows the browser', () => {
  it('is dark when the system prefers dark, and high contrast whenever contrast is asked for', () => {
    expect(browserThemeName({ dark: false, highContrast: false })).toBe('default');
    expect(browserThemeName({ dark: true, highContrast: false })).toBe('dark');
    expect(browserThemeName({ dark: true, highContrast: true })).toBe('contrast');
    expect(browserThemeName({ dark: false, highContrast: true })).toBe('contrast');
  });

  it('takes forced colours (Windows high contrast) or prefers-contrast: more as high contrast', () => {
    expect(browserPreferences(fakeMatchMedia(['(forced-colors: active)']).matchMedia)).toEqual({
      dark: false,
      highContrast: true,
    });
    expect(browserPreferences(fakeMatchMedia(['(prefers-contrast: more)']).matchMedia).highContrast).toBe(
      true,
    );
    expect(browserPreferences(fakeMatchMedia(['(prefers-color-scheme: dark)']).matchMedia)).toEqual({
      dark: true,
      highContrast: false,
    });
  });

  it('changes when the system preference changes, until unsubscribed', () => {
    const media = fakeMatchMedia([]);
    const seen: string[] = [];
    const stop = watchBrowserTheme(media.matchMedia, (name) => seen.push(name));
    media.set(['(prefers-color-scheme: dark)']);
    media.set(['(prefers-color-scheme: dark)', '(forced-colors: active)']);
    stop();
    media.set([]);
    expect(seen).toEqual(['dark', 'contrast']);
  });
});

describe('?theme= in the address wins, so each theme can be checked', () => {
  it('reads dark, contrast and default, and ignores anything else', () => {
    expect(themeOverride('?theme=dark')).toBe('dark');
    expect(themeOverride('?x=1&theme=contrast')).toBe('contrast');
    expect(themeOverride('?theme=default')).toBe('default');
    expect(themeOverride('?theme=purple')).toBeUndefined();
    expect(themeOverride('')).toBeUndefined();
  });
});

/** A `matchMedia` whose matching queries the test sets, firing `change` to every listener. */
function fakeMatchMedia(initial: readonly string[]) {
  let matching = new Set(initial);
  const listeners = new Set<() => void>();
  const matchMedia = (query: string) =>
    ({
      get matches() {
        return matching.has(query);
      },
      addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    }) as unknown as MediaQueryList;
  return {
    matchMedia,
    set(queries: readonly string[]) {
      matching = new Set(queries);
      for (const listener of [...listeners]) listener();
    },
  };
}
