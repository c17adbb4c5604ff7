/**
 * The demo's case files, built for a given day. FICTIONAL DATA, local mode only.
 */
import { accountKey } from '../identity/user-directory.ts';
import type { EhcCase, Person, PhaseTransfer } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { academicYearStart } from '../review/nc-year.ts';
import { addDays, addMonthsClamped, fromParts, isBefore, type PlainDate } from '../review/plain-date.ts';
import { CASE_SPECS, type CaseSpec, type Professional } from './demo-catalogue.ts';
import { OUTCOMES } from './demo-outcomes.ts';
import { DEMO_PARENT, demoUser } from './demo-users.ts';
import { DEMO_LA, DEMO_POLICY, DEMO_SETTINGS, STAFF } from './northshire.ts';
import { buildReview } from './review-builder.ts';

/**
 * The 30 demo case files as they stand on `today`: every stage from pending to amending, and an
 * overdue review, steps due within two weeks, a child under 5, Year 9 and above, phase transfers and
 * amendments in progress.
 *
 * @remarks Pure: the same day gives the same files. The dates are counted from `today`, so the demo
 * shows the same situations whichever day it is first loaded.
 */
export function demoCaseFiles(today: PlainDate): CaseFile[] {
  return CASE_SPECS.map((spec, index) => demoCaseFile(spec, index, today));
}

function demoCaseFile(spec: CaseSpec, index: number, today: PlainDate): CaseFile {
  const ehcCase = caseOf(spec, index, today);
  if (!spec.review) return { case: ehcCase };
  const { meeting, ...plan } = spec.review;
  const sencoId = spec.setting === 'harbour' ? 'senco-harbour' : 'senco-fellside';
  return buildReview(
    { case: ehcCase },
    {
      ...plan,
      ...(meeting === undefined ? {} : { meetingOn: addDays(today, meeting) }),
      ...(spec.professional === 'ep-team' ? { allocatedTo: STAFF.educationalPsychologist } : {}),
    },
    {
      today,
      policy: DEMO_POLICY,
      actors: {
        senco: accountKey(demoUser(sencoId).identity),
        coordinator: accountKey(demoUser('la-coordinator').identity),
      },
    },
  );
}

function caseOf(spec: CaseSpec, index: number, today: PlainDate): EhcCase {
  const setting = DEMO_SETTINGS[spec.setting];
  const reviewBy = addDays(today, spec.reviewBy);
  // The review-by date is the end of 12 months starting with the previous review (REVIEW_DUE).
  const periodStart = addMonthsClamped(addDays(reviewBy, 1), -12);
  const transfer = spec.transfer ? transferOf(spec.transfer, today) : undefined;
  const [first, last] = spec.child;
  const earlyYears = spec.yearGroup === 'under-five';
  return {
    laCode: DEMO_LA.code,
    caseId: spec.caseId,
    settingUrn: setting.urn,
    child: {
      name: `${first} ${last}`,
      dateOfBirth: transfer ? bornFor(transfer.yearGroupNow, index, today) : birthDate(spec, index, today),
    },
    ...(spec.firstReview
      ? { planIssuedOn: periodStart }
      : { planIssuedOn: addMonthsClamped(periodStart, -24), lastReviewDecisionOn: periodStart }),
    ...(transfer ? { phaseTransfer: transfer.transfer } : {}),
    outcomes: OUTCOMES[earlyYears ? 'early-years' : setting.phase].map((outcome) => ({
      ...outcome,
      text: outcome.text.replace('Freddie', first),
    })),
    people: peopleOf(spec),
    views: {
      child: {
        text: `${first} likes ${LIKES[index % LIKES.length]} and wants adults to give them time to answer.`,
        recordedBy: setting.name,
        onBehalfOf: `${first} ${last}`,
        updatedOn: periodStart,
      },
      parent: {
        text: 'We would like the support to continue and more notice of changes to routine.',
        recordedBy: `${spec.parentFirstName} ${last}`,
        updatedOn: periodStart,
      },
    },
    coordinator: spec.otherCoordinator ? STAFF.otherCoordinator : STAFF.coordinator,
  };
}

const LIKES = ['drawing', 'football', 'trains', 'music', 'swimming', 'animals', 'building with Lego'];

function peopleOf(spec: CaseSpec): Person[] {
  const [, last] = spec.child;
  const parent: Person =
    spec.caseId === 'NS-1016'
      ? DEMO_PARENT
      : {
          name: `${spec.parentFirstName} ${last}`,
          email: `${spec.parentFirstName}.${last}@family-mail.example`.toLowerCase(),
          role: 'parent',
        };
  const staff =
    spec.setting === 'harbour'
      ? [STAFF.harbourHead, STAFF.harbourSenco, STAFF.harbourTeacher]
      : [STAFF.fellsideHead, STAFF.fellsideSenco];
  return [
    parent,
    ...staff,
    spec.otherCoordinator ? STAFF.otherCoordinator : STAFF.coordinator,
    STAFF.schoolNursing,
    PROFESSIONALS[spec.professional],
    ...(spec.epAtLastReview ? [STAFF.educationalPsychologist] : []),
  ];
}

const PROFESSIONALS: Record<Professional, Person> = {
  ep: STAFF.educationalPsychologist,
  'ep-team': STAFF.epTeam,
  salt: STAFF.speechAndLanguage,
  outreach: STAFF.specialistTeacher,
  careers: STAFF.careers,
};

/**
 * A planned move with its deadline still ahead (PHASE_TRANSFER): to secondary school in the next
 * September whose 15 February has not passed, or to a post-16 institution in the next September whose
 * 31 March has not.
 */
function transferOf(
  kind: NonNullable<CaseSpec['transfer']>,
  today: PlainDate,
): { transfer: PhaseTransfer; yearGroupNow: number } {
  const {
    month: deadlineMonth,
    day: deadlineDay,
    yearGroupAfter,
  } = kind === 'primary-to-secondary'
    ? { month: 2, day: 15, yearGroupAfter: 7 }
    : { month: 3, day: 31, yearGroupAfter: 12 };
  let year = Number(today.slice(0, 4));
  if (isBefore(fromParts(year, deadlineMonth, deadlineDay), today)) year += 1;
  const yearsAway = year - academicYearStart(today);
  return { transfer: { kind, on: fromParts(year, 9, 2) }, yearGroupNow: yearGroupAfter - yearsAway };
}

function birthDate(spec: CaseSpec, index: number, today: PlainDate): PlainDate {
  // A nursery child about 3 years 4 months old: under 5 (UNDER_FIVE).
  if (spec.yearGroup === 'under-five') return addMonthsClamped(today, -40);
  return bornFor(spec.yearGroup, index, today);
}

/** A birthday in the academic year that puts the child in `yearGroup` today (NC year, nc-year.ts). */
function bornFor(yearGroup: number, index: number, today: PlainDate): PlainDate {
  const cohort = academicYearStart(today) - 5 - yearGroup;
  const month = BIRTH_MONTHS[index % BIRTH_MONTHS.length] ?? 9;
  const day = 1 + ((index * 7) % 27);
  return fromParts(month >= 9 ? cohort : cohort + 1, month, day);
}

const BIRTH_MONTHS = [9, 11, 1, 3, 5, 7, 10, 12, 2, 4, 6, 8];
