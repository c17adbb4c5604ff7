import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { GraphCalendar } from '../../bot/src/calendar/graph-calendar.ts';
import type { InvitationContent } from '../../bot/src/review/outbox.ts';
import { type GraphStandIn, TEST_TOKEN } from '../support/graph-stand-in.ts';

export const PUBLIC_URL = 'https://hub.example';

export const tokenProvider: AuthenticationProvider = { getAccessToken: async () => TEST_TOKEN };

export function graphCalendarFor(
  standIn: GraphStandIn,
  options: { timeoutMs?: number; now?: () => Date } = {},
) {
  return new GraphCalendar({
    baseUrl: standIn.url,
    authProvider: tokenProvider,
    publicUrl: PUBLIC_URL,
    ...options,
  });
}

export function makeInvitation(overrides: Partial<InvitationContent> = {}): InvitationContent {
  return {
    organiser: { mailbox: 'senco-oid', email: 'senco@school.example' },
    uid: 'rv-1@ehc-review-hub',
    sequence: 0,
    subject: 'Annual review meeting: Sam',
    text: "You are invited to the annual review meeting of Sam's EHC plan.",
    casePath: '#/cases/999/C1',
    start: '2025-03-03T10:00',
    end: '2025-03-03T11:00',
    timeZone: 'Europe/London',
    venue: 'Library',
    online: true,
    attendees: [
      { name: 'Pat Parent', email: 'pat@home.example' },
      { name: 'EP Service', email: 'ep@la.example' },
    ],
    ...overrides,
  };
}
