import {
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';

/** The themes a Teams or Outlook host reports (`app.getContext().app.theme`). */
export const THEME_NAMES = ['default', 'dark', 'contrast'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEME_NAMES as readonly string[]).includes(value);
}

/** The host's theme name, or `default` for one this tab does not know. */
export function themeNameFrom(hostTheme: string | undefined): ThemeName {
  return isThemeName(hostTheme) ? hostTheme : 'default';
}

export function fluentTheme(name: ThemeName): Theme {
  switch (name) {
    case 'default':
      return teamsLightTheme;
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default: {
      const unknown: never = name;
      throw new RangeError(`unknown theme: ${String(unknown)}`);
    }
  }
}

/** `?theme=dark|contrast|default` in the page address; it wins over the host and the browser. */
export function themeOverride(search: string): ThemeName | undefined {
  const value = new URLSearchParams(search).get('theme');
  return isThemeName(value) ? value : undefined;
}

/** What the browser says about the user's display preferences. */
export interface BrowserPreferences {
  readonly dark: boolean;
  /** Windows high contrast (`forced-colors: active`) or `prefers-contrast: more`. */
  readonly highContrast: boolean;
}

/**
 * The theme outside a Teams or Outlook host.
 *
 * @remarks High contrast wins over dark: a user who asked the system for more contrast needs it
 * whatever their colour scheme.
 */
export function browserThemeName(preferences: BrowserPreferences): ThemeName {
  if (preferences.highContrast) return 'contrast';
  return preferences.dark ? 'dark' : 'default';
}

const QUERIES = {
  dark: '(prefers-color-scheme: dark)',
  forcedColors: '(forced-colors: active)',
  moreContrast: '(prefers-contrast: more)',
} as const;

type MatchMedia = (query: string) => MediaQueryList;

export function browserPreferences(matchMedia: MatchMedia): BrowserPreferences {
  return {
    dark: matchMedia(QUERIES.dark).matches,
    highContrast: matchMedia(QUERIES.forcedColors).matches || matchMedia(QUERIES.moreContrast).matches,
  };
}

/** Calls `onChange` with the browser's theme whenever a preference changes; returns the unsubscribe. */
export function watchBrowserTheme(matchMedia: MatchMedia, onChange: (name: ThemeName) => void): () => void {
  const lists = Object.values(QUERIES).map((query) => matchMedia(query));
  const listener = () => onChange(browserThemeName(browserPreferences(matchMedia)));
  for (const list of lists) list.addEventListener('change', listener);
  return () => {
    for (const list of lists) list.removeEventListener('change', listener);
  };
}
