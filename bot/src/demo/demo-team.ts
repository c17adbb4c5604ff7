import { DEMO_SETTINGS } from './northshire.ts';

/**
 * The demo team of local mode (issue 13): "Harbour Primary SEND team", with the app installed, and its
 * General channel linked to Harbour Primary School's cases. FICTIONAL, like every demo record.
 *
 * @remarks In Teams a team's General channel has the team's own thread id as its channel id, and a
 * post into a channel goes to that channel's conversation id: so the three ids below are one.
 */
export const DEMO_TEAM = {
  name: 'Harbour Primary SEND team',
  teamId: '19:harbour-primary-send@thread.tacv2',
  channel: { id: '19:harbour-primary-send@thread.tacv2', name: 'General' },
  settingUrn: DEMO_SETTINGS.harbour.urn,
} as const;
