import { type Identity, identityKey, isFamily, type Person } from './case.ts';
import type { CaseFile } from './case-file.ts';
import type { AdviceDocument } from './contribute/advice.ts';
import type { ChannelLink } from './digest.ts';
import { type AdviceRequest, participants, reached } from './review.ts';

/**
 * Who may do what: the one rule set every API route, bot reply and job asks (DESIGN.md section 1).
 *
 * @remarks Access follows the user's relation to the case, not only their role: a SENCo sees the
 * cases of their own setting, a professional the reviews they are invited to, a case coordinator
 * the cases they coordinate. Anyone with no relation sees nothing, and the adapters answer 404 (not
 * 403) so that a case id does not leak that the case exists.
 */
export interface Actor {
  /** Entra ID account, when signed in with one (Teams SSO, or the Teams user of a bot activity). */
  readonly identity?: Identity;
  /** Lower-case email address: how people without an account in the tenant are invited and known. */
  readonly email?: string;
  /** The display name, for a record that names who wrote it (advice recorded on someone's behalf). */
  readonly name?: string;
  readonly roles: readonly ActorRole[];
}

/**
 * What the LA's directory (or local mode's demo users) grants, always within one LA.
 *
 * @remarks A SENCo's role names the LA that added them as well as the setting: a school holds cases
 * from several LAs, each LA adds its SENCos itself, and a SENCo sees an LA's cases only once that LA
 * has added them (DESIGN.md section 5). An allocator works a team mailbox's inbox (seed: "use the
 * generic team email"): they see the LA's cases that invite the team, to allocate a professional.
 * An LA admin manages the LA's directory and sees no case for it. Case coordinators and
 * professionals hold no role: their access is their relation to a case (coordinator, invitee).
 */
export type ActorRole =
  | { readonly kind: 'senco'; readonly settingUrn: string; readonly laCode: string }
  | { readonly kind: 'la-officer'; readonly laCode: string }
  | { readonly kind: 'la-admin'; readonly laCode: string }
  | { readonly kind: 'allocator'; readonly laCode: string; readonly teamEmail: string };

export const RELATIONS = [
  'senco',
  'la-officer',
  'coordinator',
  'invitee',
  'parent',
  'allocator',
  'contributor',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const ACTIONS = [
  'case.read',
  'review.start',
  'review.arrange',
  'review.abandon',
  'advice.request',
  'advice.allocate',
  'advice.submit',
  'advice.onBehalf',
  'review.progress',
  'views.record',
  'attendance.record',
  'report.write',
  'report.read',
  'report.submit',
  'decision.make',
  'amendment.record',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The relations that allow each action.
 *
 * @remarks The SENCo runs the review; the LA's case coordinator decides (reg 20(10)); invitees
 * contribute; parents give their views. The report is a working document only the SENCo sees until
 * it is submitted (seed: "can only be viewed by the SENCo"); after that everyone involved may read
 * it, which {@link can} checks against the stage. Advice comes only from a requested contributor (an
 * invitee asked for information, or the professional a team allocated), not from any invitee; the
 * SENCo and a team's allocator may record advice on someone's behalf (seed: "there is now a facility
 * to add their details"; the Disability Service uploads what social workers supply). Which request an
 * actor may answer or allocate is {@link mayAnswer} and {@link mayAllocate}.
 */
const ALLOWED: Readonly<Record<Action, readonly Relation[]>> = {
  'case.read': ['senco', 'la-officer', 'coordinator', 'invitee', 'parent', 'allocator', 'contributor'],
  'review.start': ['senco'],
  'review.arrange': ['senco'],
  'review.abandon': ['senco'],
  'advice.request': ['senco'],
  'advice.allocate': ['allocator'],
  'advice.submit': ['senco', 'contributor', 'allocator'],
  'advice.onBehalf': ['senco', 'allocator'],
  'review.progress': ['senco'],
  'views.record': ['senco', 'parent'],
  'attendance.record': ['senco'],
  'report.write': ['senco'],
  'report.read': ['senco'],
  'report.submit': ['senco'],
  'decision.make': ['coordinator'],
  'amendment.record': ['coordinator'],
  'audit.read': ['la-officer', 'coordinator'],
};

/** Once submitted, the report may be read by everyone involved in the review. */
const REPORT_READERS_AFTER_SUBMIT: readonly Relation[] = [
  'senco',
  'la-officer',
  'coordinator',
  'invitee',
  'parent',
];

/** Where a case is held: its LA and its setting. */
export interface Placement {
  readonly laCode: string;
  readonly settingUrn: string;
}

/**
 * The relations a case's placement alone gives: the SENCo of its setting, an officer of its LA.
 *
 * @remarks A list by setting or by LA reads stored summaries, not files (review/listing.ts); these
 * relations need nothing else of the file, so such a list is checked with {@link canByPlacement}.
 */
export function placementRelations(actor: Actor, placement: Placement): Relation[] {
  const relations: Relation[] = [];
  if (
    actor.roles.some(
      (r) => r.kind === 'senco' && r.settingUrn === placement.settingUrn && r.laCode === placement.laCode,
    )
  )
    relations.push('senco');
  if (actor.roles.some((r) => r.kind === 'la-officer' && r.laCode === placement.laCode))
    relations.push('la-officer');
  return relations;
}

/**
 * {@link can} for a case known only by its placement: true only when the placement alone allows the
 * action, so it never allows what {@link can} on the whole file would refuse.
 */
export function canByPlacement(actor: Actor, action: 'case.read', placement: Placement): boolean {
  return placementRelations(actor, placement).some((r) => ALLOWED[action].includes(r));
}

/**
 * Whether `actor` may list every live case of LA `laCode` (the LA's paged list): only an officer of
 * that LA, whose relation to each case listed is then `la-officer` by placement.
 */
export function canListLa(actor: Actor, laCode: string): boolean {
  return actor.roles.some((role) => role.kind === 'la-officer' && role.laCode === laCode);
}

export function relationsTo(actor: Actor, file: CaseFile): Relation[] {
  const { case: ehcCase } = file;
  const relations = placementRelations(actor, ehcCase);
  if (ehcCase.coordinator && isPerson(actor, ehcCase.coordinator)) relations.push('coordinator');
  const invitees = invitedPeople(file);
  if (invitees.some((person) => isPerson(actor, person))) relations.push('invitee');
  const family = [...ehcCase.people, ...invitees].filter(isFamily);
  if (family.some((p) => isPerson(actor, p))) relations.push('parent');
  const teams = invitees.filter((person) => person.isTeam).map((person) => person.email.toLowerCase());
  if (
    actor.roles.some(
      (r) =>
        r.kind === 'allocator' && r.laCode === ehcCase.laCode && teams.includes(r.teamEmail.toLowerCase()),
    )
  )
    relations.push('allocator');
  if (liveRequests(file).some((request) => isContributor(actor, request, file))) {
    relations.push('contributor');
  }
  return relations;
}

/** The advice requests of the current review once invitations went out. */
function liveRequests(file: CaseFile): readonly AdviceRequest[] {
  const review = file.review;
  if (!review || !reached(review.stage, 'contributing')) return [];
  return review.adviceRequests;
}

/**
 * Whether `actor` is the one `request` asks: the professional a team allocated, or else the invitee
 * asked (a team's mailbox answers for itself until its allocator names someone).
 */
export function isContributor(actor: Actor, request: AdviceRequest, file: CaseFile): boolean {
  if (request.allocatedTo) return isPerson(actor, request.allocatedTo);
  const invitee = file.review?.invitees.find((i) => i.id === request.inviteeId);
  return invitee !== undefined && isPerson(actor, invitee.person);
}

/**
 * Whether `actor` allocates `request`: an allocator the LA's directory names for the team's mailbox
 * the request went to (ActorRole `allocator`).
 */
export function mayAllocate(actor: Actor, request: AdviceRequest, file: CaseFile): boolean {
  const invitee = file.review?.invitees.find((i) => i.id === request.inviteeId);
  if (!invitee?.person.isTeam) return false;
  const team = invitee.person.email.toLowerCase();
  return actor.roles.some(
    (r) => r.kind === 'allocator' && r.laCode === file.case.laCode && r.teamEmail.toLowerCase() === team,
  );
}

/**
 * How `actor` may answer `request`: as its contributor (`self`), on the contributor's behalf (the
 * SENCo, or the team's allocator), or not at all.
 *
 * @remarks An allocator's `advice.onBehalf` is for their own team's requests only ({@link mayAllocate}):
 * the allocator of one team invited to a review does not write another invitee's advice.
 */
export function mayAnswer(
  actor: Actor,
  request: AdviceRequest,
  file: CaseFile,
): 'self' | 'behalf' | undefined {
  if (isContributor(actor, request, file)) return 'self';
  if (mayAllocate(actor, request, file)) return 'behalf';
  const relations = relationsTo(actor, file).filter((r) => r !== 'allocator');
  if (relations.some((r) => ALLOWED['advice.onBehalf'].includes(r))) return 'behalf';
  return undefined;
}

export const DIRECTORY_ACTIONS = ['directory.read', 'directory.manage'] as const;
export type DirectoryAction = (typeof DIRECTORY_ACTIONS)[number];

/**
 * Whether `actor` may read or change the directory of LA `laCode`: its admins only, and each LA only
 * its own (a SENCo added by two LAs holds one membership of each, which only that LA's admins see).
 */
export function canOnDirectory(actor: Actor, _action: DirectoryAction, laCode: string): boolean {
  return actor.roles.some((r) => r.kind === 'la-admin' && r.laCode === laCode);
}

/**
 * Everyone invited to the current review, and each professional a team allocated, once the
 * invitations have gone out.
 *
 * @remarks Until then the invitee list is the SENCo's draft, pre-filled from the previous review and
 * still to be checked (seed: "check these remain relevant"; "click the 'X' against the person to
 * remove them"): nobody on it may see the case yet.
 */
export function invitedPeople(file: CaseFile): Person[] {
  const review = file.review;
  if (!review || !reached(review.stage, 'contributing')) return [];
  return participants(review);
}

export function can(actor: Actor, action: Action, file: CaseFile): boolean {
  const relations = relationsTo(actor, file);
  const allowed =
    action === 'report.read' && file.review && reached(file.review.stage, 'submitted')
      ? REPORT_READERS_AFTER_SUBMIT
      : ALLOWED[action];
  return relations.some((r) => allowed.includes(r));
}

/**
 * Whether `actor` is `person`.
 *
 * @remarks Where both have an Entra ID account the account decides (tenant id + object id), since
 * an email address can be reassigned; otherwise the email address does, compared case-insensitively.
 */
export function isPerson(actor: Actor, person: Person): boolean {
  if (actor.identity && person.identity) {
    return (
      actor.identity.tenantId === person.identity.tenantId &&
      actor.identity.objectId === person.identity.objectId
    );
  }
  return actor.email !== undefined && actor.email.toLowerCase() === person.email.toLowerCase();
}

/** How an actor is named in a review's history, as a draft's writer and in the audit log: never a name. */
export function actorKey(actor: Actor): string {
  return actor.identity ? identityKey(actor.identity) : `email:${actor.email ?? 'unknown'}`;
}

/** Who reads submitted advice before it is circulated: those who run and decide the review. */
const ADVICE_READERS_BEFORE_CIRCULATION: readonly Relation[] = ['senco', 'la-officer', 'coordinator'];

/**
 * Whether `actor` may read `advice` of the review in `file`.
 *
 * @remarks A draft is its writer's alone (seed: "only you can see this prior to submission"), through
 * every route: nobody else, not the SENCo, reads it. Submitted advice counts only once the case file's
 * index says so (the document is written first, contribute/advice.ts); until it is circulated at the
 * move to the meeting (reg 20(4)) the SENCo, the LA and its author read it, and then everyone involved.
 */
export function mayReadAdvice(actor: Actor, advice: AdviceDocument, file: CaseFile): boolean {
  if (advice.state === 'draft') return advice.writtenBy === actorKey(actor);
  const review = file.review;
  if (!review || review.id !== advice.reviewId) return false;
  const entry = review.advice.find((a) => a.id === advice.key);
  if (entry?.state !== 'submitted') return advice.writtenBy === actorKey(actor);
  if (advice.writtenBy === actorKey(actor) || isPerson(actor, advice.author)) return true;
  const relations = relationsTo(actor, file);
  if (reached(review.stage, 'meeting')) return relations.length > 0;
  return relations.some((r) => ADVICE_READERS_BEFORE_CIRCULATION.includes(r));
}

/**
 * Whether `actor` may link a Teams channel to `link`, so that its daily digest shows `link`'s cases:
 * a SENCo to their own setting's SEND team, an officer of an LA to that LA's SEND team; nobody else.
 *
 * @remarks A setting's channel shows that setting's cases from every LA that places children there
 * (digest.ts `inLink`), so only the setting's own SENCo decides who reads them: an LA officer may not
 * link a channel to a setting, since that would post another LA's children into a channel the LA
 * chose. An LA admin manages the directory and sees no case, so links nothing.
 */
export function mayLinkChannel(actor: Actor, link: ChannelLink): boolean {
  return link.kind === 'setting'
    ? actor.roles.some((r) => r.kind === 'senco' && r.settingUrn === link.settingUrn)
    : actor.roles.some((r) => r.kind === 'la-officer' && r.laCode === link.laCode);
}

/**
 * Whether `actor` may set (or, with no `next`, remove) the link of a channel now linked to `current`.
 *
 * @remarks Replacing a link takes both ends: someone may not take over a channel another team linked
 * to their cases, nor point a channel at cases they may not link.
 */
export function mayChangeChannelLink(
  actor: Actor,
  current: ChannelLink | undefined,
  next: ChannelLink | undefined,
): boolean {
  if (current && !mayLinkChannel(actor, current)) return false;
  if (next && !mayLinkChannel(actor, next)) return false;
  return current !== undefined || next !== undefined;
}

/** Every link `actor` may make: their settings' SEND teams and their LAs' SEND teams, each once. */
export function linkChoices(actor: Actor): ChannelLink[] {
  const settings = new Set<string>();
  const las = new Set<string>();
  for (const role of actor.roles) {
    if (role.kind === 'senco') settings.add(role.settingUrn);
    if (role.kind === 'la-officer') las.add(role.laCode);
  }
  return [
    ...[...settings].map((settingUrn) => ({ kind: 'setting' as const, settingUrn })),
    ...[...las].map((laCode) => ({ kind: 'la' as const, laCode })),
  ];
}

/**
 * Where the deadline check is asked to run now: the fictional demo data of local mode, or real cases.
 */
export type DeadlineCheckScope = 'demo' | 'live';

/**
 * Whether `actor` may run the deadline check now (the tab's "Run the deadline check now").
 *
 * @remarks With real cases, an LA officer of any LA: the check is the LA's safety net (issue 13) and
 * its answer is counts only, but it runs over every LA, so it is not offered to everyone; a repeat
 * records nothing (the dedupe keys), so an officer cannot make anyone be warned twice. In local mode the
 * data is fictional and the point of the button is to show what the daily check sends, so any demo
 * user who is signed in may.
 */
export function mayRunDeadlineCheck(actor: Actor, scope: DeadlineCheckScope): boolean {
  if (scope === 'demo') return true;
  return actor.roles.some((r) => r.kind === 'la-officer');
}

/**
 * Whether `actor` may see and set when LA `laCode` warns of its dates (review/warning-policy.ts):
 * the LA's officers and its admins, each LA only its own.
 *
 * @remarks An officer runs the LA's reviews and answers for their dates, so decides how early the
 * LA's people are told; an admin configures the LA's use of the product. A SENCo works to every LA
 * that places children with them, so cannot set one LA's warnings for the rest of that LA.
 */
export function mayConfigureWarnings(actor: Actor, laCode: string): boolean {
  return actor.roles.some((r) => (r.kind === 'la-officer' || r.kind === 'la-admin') && r.laCode === laCode);
}
