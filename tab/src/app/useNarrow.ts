import { useSyncExternalStore } from 'react';

/**
 * Below this width a wide table does not fit: Teams mobile (about 400 px) and the meeting side panel
 * (320 px). Pages lay out as a stacked list there instead.
 */
export const NARROW_MAX_WIDTH_PX = 640;

const QUERY = `(max-width: ${NARROW_MAX_WIDTH_PX}px)`;

/** Whether the tab is narrow now; follows the window as it is resized or the phone turned. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}
