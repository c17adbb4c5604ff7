/**
 * FICTIONAL DEMO DATA. Northshire County Council does not exist; LA code 999 and URNs 900001-900002
 * belong to no real authority or school; every email address is at a reserved `.example` domain
 * (RFC 2606). Local mode only.
 */
import type { Person } from '../review/case.ts';
import { type LaPolicy, type PolicyTeam, STATUTORY_DEFAULTS } from '../review/policy.ts';

export const DEMO_LA = { code: '999', name: 'Northshire County Council' } as const;

export const DEMO_SETTINGS = {
  harbour: { urn: '900001', name: 'Harbour Primary School', phase: 'primary' },
  fellside: { urn: '900002', name: 'Fellside Academy', phase: 'secondary' },
} as const;
export type DemoSettingKey = keyof typeof DEMO_SETTINGS;

/** The name of a demo setting, for the live cases list. */
export function demoSettingName(urn: string): string | undefined {
  return Object.values(DEMO_SETTINGS).find((setting) => setting.urn === urn)?.name;
}

/** Northshire always invites its Disability Service (as Staffordshire does, seed guidance). */
export const DISABILITY_SERVICE = {
  id: 'disability-service',
  name: 'Northshire Disability Service',
  email: 'disability.service@northshire.example',
  role: 'disability-service',
  standsInFor: 'social-care',
} as const satisfies PolicyTeam;

/**
 * The Disability Service's allocator: requests to the team's mailbox go to her to accept, decline or
 * allocate to a named social worker (seed: "once teams allocate a professional, their name will appear").
 */
export const DISABILITY_ALLOCATOR = {
  name: 'Priya Natarajan',
  email: 'priya.natarajan@northshire.example',
  role: 'disability-service',
  organisation: DISABILITY_SERVICE.name,
} as const satisfies Person;

export const DEMO_POLICY: LaPolicy = { ...STATUTORY_DEFAULTS, alwaysInvite: [DISABILITY_SERVICE] };

/** The LA's policy: Northshire's for the demo LA, the statutory defaults for any other. */
export function demoPolicyFor(laCode: string): LaPolicy {
  return laCode === DEMO_LA.code ? DEMO_POLICY : STATUTORY_DEFAULTS;
}

/** The people who take part in Northshire reviews, apart from each child's family. */
export const STAFF = {
  harbourSenco: {
    name: 'Rosa Penhallow',
    email: 'rosa.penhallow@harbour-primary.example',
    role: 'senco',
    organisation: DEMO_SETTINGS.harbour.name,
  },
  harbourHead: {
    name: 'Martin Trevose',
    email: 'head@harbour-primary.example',
    role: 'head-of-setting',
    organisation: DEMO_SETTINGS.harbour.name,
  },
  harbourTeacher: {
    name: 'Ellie Carrow',
    email: 'ellie.carrow@harbour-primary.example',
    role: 'named-staff',
    organisation: DEMO_SETTINGS.harbour.name,
  },
  fellsideSenco: {
    name: 'Owen Marsh',
    email: 'owen.marsh@fellside-academy.example',
    role: 'senco',
    organisation: DEMO_SETTINGS.fellside.name,
  },
  fellsideHead: {
    name: 'Dr Alison Keld',
    email: 'principal@fellside-academy.example',
    role: 'head-of-setting',
    organisation: DEMO_SETTINGS.fellside.name,
  },
  coordinator: {
    name: 'Grace Adeyemi',
    email: 'grace.adeyemi@northshire.example',
    role: 'case-coordinator',
    organisation: DEMO_LA.name,
  },
  otherCoordinator: {
    name: 'Daniel Okoro',
    email: 'daniel.okoro@northshire.example',
    role: 'case-coordinator',
    organisation: DEMO_LA.name,
  },
  educationalPsychologist: {
    name: 'Dr Hannah Lowe',
    email: 'hannah.lowe@northshire-eps.example',
    role: 'educational-psychologist',
    organisation: 'Northshire Educational Psychology Service',
  },
  epTeam: {
    name: 'Northshire Educational Psychology Service',
    email: 'eps@northshire.example',
    role: 'educational-psychologist',
    organisation: 'Northshire Educational Psychology Service',
    isTeam: true,
  },
  schoolNursing: {
    name: 'Northshire School Nursing Team',
    email: 'school.nursing@northshire-health.example',
    role: 'health',
    organisation: 'Northshire Community Health',
    isTeam: true,
  },
  speechAndLanguage: {
    name: 'Northshire Speech and Language Therapy',
    email: 'salt@northshire-health.example',
    role: 'health',
    organisation: 'Northshire Community Health',
    isTeam: true,
  },
  disabilityService: {
    name: DISABILITY_SERVICE.name,
    email: DISABILITY_SERVICE.email,
    role: DISABILITY_SERVICE.role,
    organisation: DEMO_LA.name,
    isTeam: true,
  },
  specialistTeacher: {
    name: 'Northshire Autism Outreach Team',
    email: 'autism.outreach@northshire.example',
    role: 'specialist-teacher',
    organisation: DEMO_LA.name,
    isTeam: true,
  },
  careers: {
    name: 'Northshire Careers Service',
    email: 'careers@northshire.example',
    role: 'other-professional',
    organisation: DEMO_LA.name,
    isTeam: true,
  },
} as const satisfies Record<string, Person>;
