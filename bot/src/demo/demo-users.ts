/**
 * FICTIONAL DEMO USERS for local mode: the sign-in picker of the tab and the Agents Playground
 * (`.m365agentsplayground.yml` names the same object ids). Not real people or accounts.
 */
import type { DirectoryUser } from '../identity/user-directory.ts';
import { DEMO_LA, DEMO_SETTINGS, DISABILITY_ALLOCATOR, DISABILITY_SERVICE, STAFF } from './northshire.ts';

/**
 * The one fake tenant every demo user is in.
 *
 * @remarks In real use schools and the LA sit in different tenants (DESIGN.md section 5), but the
 * Agents Playground puts every user of a conversation in the tenant of its configuration file, so the
 * demo has one.
 */
export const DEMO_TENANT_ID = '71c6d067-98d6-40de-9235-50f0e29f17f7';

/** The parent in the demo: Leo Whitfield's mother. */
export const DEMO_PARENT = {
  name: 'Sarah Whitfield',
  email: 'sarah.whitfield@family-mail.example',
  role: 'parent',
} as const;

export const DEMO_USER_IDS = [
  'senco-harbour',
  'senco-fellside',
  'la-coordinator',
  'ep-lowe',
  'parent-whitfield',
  'ds-allocator',
] as const;
export type DemoUserId = (typeof DEMO_USER_IDS)[number];

export const DEMO_USERS: readonly (DirectoryUser & { readonly id: DemoUserId })[] = [
  {
    id: 'senco-harbour',
    name: STAFF.harbourSenco.name,
    email: STAFF.harbourSenco.email,
    description: `SENCo, ${DEMO_SETTINGS.harbour.name}`,
    identity: { tenantId: DEMO_TENANT_ID, objectId: 'b9e60369-2292-4ab3-ab29-050f5acfab61' },
    roles: [{ kind: 'senco', settingUrn: DEMO_SETTINGS.harbour.urn, laCode: DEMO_LA.code }],
  },
  {
    id: 'senco-fellside',
    name: STAFF.fellsideSenco.name,
    email: STAFF.fellsideSenco.email,
    description: `SENCo, ${DEMO_SETTINGS.fellside.name}`,
    identity: { tenantId: DEMO_TENANT_ID, objectId: 'b0ac4656-12ed-4fe3-97cf-6f9a4475b0fa' },
    roles: [{ kind: 'senco', settingUrn: DEMO_SETTINGS.fellside.urn, laCode: DEMO_LA.code }],
  },
  {
    id: 'la-coordinator',
    name: STAFF.coordinator.name,
    email: STAFF.coordinator.email,
    description: `EHC case coordinator, ${DEMO_LA.name}`,
    identity: { tenantId: DEMO_TENANT_ID, objectId: '98d1c743-5c5d-46c0-ab47-c49ba8122ca9' },
    roles: [{ kind: 'la-officer', laCode: DEMO_LA.code }],
  },
  {
    id: 'ep-lowe',
    name: STAFF.educationalPsychologist.name,
    email: STAFF.educationalPsychologist.email,
    description: `Educational psychologist, ${STAFF.educationalPsychologist.organisation}`,
    identity: { tenantId: DEMO_TENANT_ID, objectId: '0c186950-71a0-401f-a9f0-80fe85c75de7' },
    roles: [],
  },
  {
    id: 'parent-whitfield',
    name: DEMO_PARENT.name,
    email: DEMO_PARENT.email,
    description: 'Parent of Leo Whitfield (Harbour Primary School)',
    identity: { tenantId: DEMO_TENANT_ID, objectId: 'c254f680-6771-4ad1-8b12-593c1d45e07e' },
    roles: [],
  },
  {
    id: 'ds-allocator',
    name: DISABILITY_ALLOCATOR.name,
    email: DISABILITY_ALLOCATOR.email,
    description: `Allocator, ${DISABILITY_SERVICE.name}`,
    identity: { tenantId: DEMO_TENANT_ID, objectId: '5d3f0a52-8c1e-4b7a-9f26-3e4d8a1c7b90' },
    roles: [{ kind: 'allocator', laCode: DEMO_LA.code, teamEmail: DISABILITY_SERVICE.email }],
  },
];

/** The demo users the Agents Playground knows: it takes exactly five besides the visitor. */
export const PLAYGROUND_DEMO_USERS = DEMO_USERS.slice(0, 5);

export function demoUser(id: DemoUserId): DirectoryUser {
  const user = DEMO_USERS.find((candidate) => candidate.id === id);
  if (!user) throw new RangeError(`no demo user ${id}`);
  return user;
}

/**
 * A sixth Playground user who is in no directory: the Agents Playground needs five users besides the
 * current one, and this one shows the bot's answer to someone without access.
 */
export const PLAYGROUND_VISITOR = {
  id: 'visitor-no-access',
  name: 'Sam Visitor',
  email: 'sam.visitor@elsewhere.example',
  identity: { tenantId: DEMO_TENANT_ID, objectId: '2e5a2b46-eec2-4cb2-b36e-e49c09cfa8f3' },
} as const;

/**
 * The query parameter the tab reads in local mode to sign in as a demo user without the picker
 * (tab/src/local/demo-user.ts, `takeDemoUserFromAddress`).
 */
export const DEMO_USER_PARAM = 'demo-user';

/**
 * The tab's address signed in as the demo user `userId`: what the bot's "Open the EHC Review Hub"
 * opens in local mode, so the chat's user lands on their own cases, not on the picker.
 *
 * @remarks Local mode only: the server takes a demo user's id only there (fictional data, loopback).
 */
export function demoSignInUrl(tabUrl: string, userId: string): string {
  const url = new URL(tabUrl);
  url.searchParams.set(DEMO_USER_PARAM, userId);
  return url.toString();
}
