import type { PlainDate } from './plain-date.ts';

/**
 * A case: one child or young person with an EHC plan, as the LA holds it.
 *
 * @remarks A case is identified by its LA and the LA's own case id: case ids are only unique within
 * an LA, and a SENCo may hold cases from several LAs (DESIGN.md section 5).
 */
export interface CaseRef {
  readonly laCode: string;
  readonly caseId: string;
}

/**
 * An LA is known by its 3-digit local authority number (the DfE's "LA code", e.g. 860 for
 * Staffordshire), the code an LA's case export and every case reference carry.
 */
export const LA_CODE_PATTERN = /^\d{3}$/;
export const LA_CODE_RULE = 'must be the 3-digit code of a local authority in England, e.g. 860';

/**
 * A case id is the LA's own reference, whatever its system makes it: 1 to 64 characters, none of them
 * a control character. It may hold `/` (the API takes it URL-encoded).
 *
 * @remarks One rule for the import and the API: a case the import accepted with an id the API refuses
 * could never be opened. The length counts UTF-16 code units (`String.length`).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
export const CASE_ID_PATTERN = /^[^\u0000-\u001f\u007f]{1,64}$/;
export const CASE_ID_RULE = 'must be 1 to 64 characters, none of them a control character (tab, line break)';

export interface EhcCase extends CaseRef {
  /** Unique reference number of the school or setting the child attends. */
  readonly settingUrn: string;
  readonly child: Child;
  /** The date the plan was made (first issued). */
  readonly planIssuedOn: PlainDate;
  /** The date the LA notified its decision on the previous annual review, if there has been one. */
  readonly lastReviewDecisionOn?: PlainDate;
  /**
   * Where `lastReviewDecisionOn` came from: an LA export (`import`), which a later export may correct,
   * or a review closed in the product (`review`), which an export must never move back.
   */
  readonly lastReviewDecisionFrom?: 'import' | 'review';
  /**
   * The day the LA last issued the plan finalised after an amendment (AMEND_FINAL met), as its export
   * says (`final_plan_issued_on`): an amendment the import brought in ends then.
   */
  readonly amendedPlanIssuedOn?: PlainDate;
  readonly phaseTransfer?: PhaseTransfer;
  /** The outcomes of the current plan, each with its provision (Section F). */
  readonly outcomes: readonly Outcome[];
  /** People involved in the needs assessment or the previous review: the next review invites them. */
  readonly people: readonly Person[];
  /** Views carried from the current plan (Section A) and updated at each review. */
  readonly views: Views;
  /** The LA's case coordinator (EHCP coordinator) responsible for the decision. */
  readonly coordinator?: Person;
  /**
   * The day the LA notified a decision to cease to maintain the plan: there is no further annual
   * review (the right of appeal runs from it, CEASE_APPEAL).
   */
  readonly ceasedOn?: PlainDate;
}

export interface Child {
  readonly name: string;
  readonly dateOfBirth: PlainDate;
  /** The NC year in the current academic year, recorded when it differs from the chronological one. */
  readonly ncYear?: NcYearRecord;
}

/** A National Curriculum year recorded for a child taught outside their chronological year group. */
export interface NcYearRecord {
  readonly year: number;
  /** The academic year (its starting calendar year) the record was made for. */
  readonly academicYearStart: number;
}

export const TRANSFER_KINDS = [
  'early-years-to-school',
  'infant-to-junior',
  'primary-to-middle',
  'primary-to-secondary',
  'middle-to-secondary',
  'secondary-to-post16',
  'post16-to-post16',
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export interface PhaseTransfer {
  readonly kind: TransferKind;
  /** The date of the move to the new setting. */
  readonly on: PlainDate;
  /** The day a final amended plan naming the new setting was issued: the transfer's deadline is met. */
  readonly namedInPlanOn?: PlainDate;
}

export const AREAS_OF_NEED = [
  'communication-and-interaction',
  'cognition-and-learning',
  'social-emotional-and-mental-health',
  'sensory-and-physical',
  'health',
  'social-care',
  'preparing-for-adulthood',
] as const;
export type AreaOfNeed = (typeof AREAS_OF_NEED)[number];

export interface Outcome {
  readonly id: string;
  readonly area: AreaOfNeed;
  readonly text: string;
  readonly provision: readonly Provision[];
}

/** Special educational (or health, or care) provision, quantified as the guidance asks. */
export interface Provision {
  readonly intervention: string;
  readonly providedBy: string;
  /** How often, e.g. "daily" or "3 x week". */
  readonly frequency: string;
  /** How long each time, e.g. "20 minutes". */
  readonly duration: string;
  /** e.g. "1:1" or "small group of 4". */
  readonly groupSize: string;
}

export const PERSON_ROLES = [
  'parent',
  'young-person',
  'child',
  'head-of-setting',
  'senco',
  'named-staff',
  'case-coordinator',
  'health',
  'social-care',
  'educational-psychologist',
  'specialist-teacher',
  'disability-service',
  'other-professional',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/**
 * Someone taking part in a review.
 *
 * @remarks Parents and many professionals have no Microsoft 365 account in the school's or the LA's
 * tenant (DESIGN.md section 5): they are reached by email, so the email address is what identifies
 * them; `identity` is added once they sign in with an Entra ID account.
 */
export interface Person {
  readonly name: string;
  readonly email: string;
  readonly role: PersonRole;
  readonly organisation?: string;
  /** A team's generic mailbox: the team allocates a named professional (seed: "use the generic team email"). */
  readonly isTeam?: boolean;
  readonly identity?: Identity;
}

/** An Entra ID account: tenant id + object id. */
export interface Identity {
  readonly tenantId: string;
  readonly objectId: string;
}

/** A view of the child or young person, or of their parent or carer, saying who recorded it. */
export interface View {
  readonly text: string;
  readonly recordedBy: string;
  /** Set when someone (usually the SENCo) recorded the view on the person's behalf. */
  readonly onBehalfOf?: string;
  readonly updatedOn: PlainDate;
}

export interface Views {
  readonly child?: View;
  readonly parent?: View;
}

/** The parent or the young person: they give views and see the case by who they are. */
export function isFamily(person: Person): boolean {
  return person.role === 'parent' || person.role === 'young-person';
}

/**
 * Each person once, by email address compared case-insensitively; the first one found wins, with its
 * address lower-cased.
 */
export function uniqueByEmail(people: readonly Person[]): Person[] {
  const byEmail = new Map<string, Person>();
  for (const person of people) {
    const email = person.email.toLowerCase();
    if (!byEmail.has(email)) byEmail.set(email, { ...person, email });
  }
  return [...byEmail.values()];
}

/**
 * How a person with an account is named in a review's history and the audit log: `tenantId/objectId`,
 * never a name or an email address.
 */
export function identityKey(identity: Identity): string {
  return `${identity.tenantId}/${identity.objectId}`;
}

export function caseKey(ref: CaseRef): string {
  return `${ref.laCode}/${ref.caseId}`;
}

export function sameCase(a: CaseRef, b: CaseRef): boolean {
  return a.laCode === b.laCode && a.caseId === b.caseId;
}
