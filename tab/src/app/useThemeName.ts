import { useEffect, useState } from 'react';
import type { Host } from '../host/teams-host.ts';
import {
  browserPreferences,
  browserThemeName,
  type ThemeName,
  themeOverride,
  watchBrowserTheme,
} from '../theme.ts';

/** The theme to show: `?theme=` if given, else the host's (followed as it changes), else the browser's. */
export function useThemeName(host: Host | undefined): ThemeName {
  const [override] = useState(() => themeOverride(window.location.search));
  const [browserTheme, setBrowserTheme] = useState(() =>
    browserThemeName(browserPreferences((query) => window.matchMedia(query))),
  );
  const [hostTheme, setHostTheme] = useState<ThemeName>();

  useEffect(() => watchBrowserTheme((query) => window.matchMedia(query), setBrowserTheme), []);

  useEffect(() => {
    if (host?.kind !== 'microsoft-365') return;
    setHostTheme(host.theme);
    host.onThemeChange(setHostTheme);
  }, [host]);

  return override ?? hostTheme ?? browserTheme;
}
