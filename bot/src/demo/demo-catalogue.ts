/**
 * The 30 FICTIONAL children of the demo and the situation each case is in. Dates are offsets in days
 * from the day the demo is built, so the demo shows the same situations whatever day it is loaded.
 */
import type { ReviewPlan } from './review-builder.ts';

export type Professional = 'ep' | 'ep-team' | 'salt' | 'outreach' | 'careers';

export interface CaseSpec {
  readonly caseId: string;
  readonly setting: 'harbour' | 'fellside';
  readonly child: readonly [first: string, last: string];
  readonly parentFirstName: string;
  /** The NC year today; 'under-five' for a nursery child about 3 years 4 months old. */
  readonly yearGroup: number | 'under-five';
  /** Days from today to the review-by date (REVIEW_DUE); negative when it has passed. */
  readonly reviewBy: number;
  /** No review yet: the plan was made 12 months before the review-by date. */
  readonly firstReview?: boolean;
  /** A planned move to a new phase (PHASE_TRANSFER), dated from today (see demo-cases.ts). */
  readonly transfer?: 'primary-to-secondary' | 'secondary-to-post16';
  readonly professional: Professional;
  /** The other coordinator; Grace Adeyemi (a demo user) otherwise. */
  readonly otherCoordinator?: boolean;
  /** The educational psychologist took part in the previous review but is not invited to this one. */
  readonly epAtLastReview?: boolean;
  readonly review?: Omit<ReviewPlan, 'meetingOn' | 'allocatedTo'> & { readonly meeting?: number };
}

export const CASE_SPECS: readonly CaseSpec[] = [
  // pending: not started
  {
    caseId: 'NS-1001',
    setting: 'harbour',
    child: ['Amelia', 'Rowe'],
    parentFirstName: 'Kate',
    yearGroup: 4,
    reviewBy: -20,
    professional: 'salt',
  },
  {
    caseId: 'NS-1002',
    setting: 'fellside',
    child: ['Ethan', 'Garside'],
    parentFirstName: 'Neil',
    yearGroup: 8,
    reviewBy: -3,
    professional: 'outreach',
    otherCoordinator: true,
  },
  {
    caseId: 'NS-1003',
    setting: 'harbour',
    child: ['Noah', 'Penrose'],
    parentFirstName: 'Lisa',
    yearGroup: 2,
    reviewBy: 45,
    professional: 'salt',
    epAtLastReview: true,
  },
  {
    caseId: 'NS-1004',
    setting: 'fellside',
    child: ['Chloe', 'Dacre'],
    parentFirstName: 'Amy',
    yearGroup: 9,
    reviewBy: 85,
    professional: 'outreach',
  },
  {
    caseId: 'NS-1005',
    setting: 'harbour',
    child: ['Isla', 'Marchant'],
    parentFirstName: 'Ben',
    yearGroup: 5,
    reviewBy: 150,
    professional: 'outreach',
  },
  {
    caseId: 'NS-1006',
    setting: 'fellside',
    child: ['Harvey', 'Birkett'],
    parentFirstName: 'Joanne',
    yearGroup: 7,
    reviewBy: 260,
    professional: 'salt',
  },
  {
    caseId: 'NS-1007',
    setting: 'harbour',
    child: ['Freddie', 'Lusk'],
    parentFirstName: 'Priya',
    yearGroup: 'under-five',
    reviewBy: 300,
    firstReview: true,
    professional: 'salt',
  },
  {
    caseId: 'NS-1008',
    setting: 'harbour',
    child: ['Ava', 'Tremayne'],
    parentFirstName: 'Mark',
    yearGroup: 6,
    reviewBy: 100,
    transfer: 'primary-to-secondary',
    professional: 'ep-team',
  },
  // arranging
  {
    caseId: 'NS-1009',
    setting: 'harbour',
    child: ['Oscar', 'Kellow'],
    parentFirstName: 'Helen',
    yearGroup: 3,
    reviewBy: 72,
    professional: 'salt',
    review: { stage: 'arranging', meeting: 24 },
  },
  {
    caseId: 'NS-1010',
    setting: 'harbour',
    child: ['Poppy', 'Nance'],
    parentFirstName: 'Gary',
    yearGroup: 0,
    reviewBy: 75,
    professional: 'salt',
    review: { stage: 'arranging' },
  },
  {
    caseId: 'NS-1011',
    setting: 'fellside',
    child: ['Mia', 'Threlkeld'],
    parentFirstName: 'Susan',
    yearGroup: 10,
    reviewBy: 67,
    professional: 'careers',
    review: { stage: 'arranging', meeting: 9 },
  },
  {
    caseId: 'NS-1012',
    setting: 'fellside',
    child: ['Lucas', 'Askew'],
    parentFirstName: 'Tariq',
    yearGroup: 7,
    reviewBy: 83,
    professional: 'outreach',
    otherCoordinator: true,
    review: { stage: 'arranging', meeting: 40 },
  },
  // contributing
  {
    caseId: 'NS-1013',
    setting: 'harbour',
    child: ['Arlo', 'Jenkin'],
    parentFirstName: 'Claire',
    yearGroup: 1,
    reviewBy: 58,
    professional: 'ep-team',
    review: { stage: 'contributing', meeting: 20 },
  },
  {
    caseId: 'NS-1014',
    setting: 'harbour',
    child: ['Maisie', 'Polglase'],
    parentFirstName: 'Dawn',
    yearGroup: 4,
    reviewBy: 40,
    professional: 'salt',
    review: { stage: 'contributing', meeting: 7, requestsOpen: true },
  },
  {
    caseId: 'NS-1015',
    setting: 'fellside',
    child: ['Sophie', 'Tyson'],
    parentFirstName: 'Rachel',
    yearGroup: 8,
    reviewBy: 70,
    professional: 'ep',
    review: { stage: 'contributing', meeting: 25 },
  },
  {
    caseId: 'NS-1016',
    setting: 'harbour',
    child: ['Leo', 'Whitfield'],
    parentFirstName: 'Sarah',
    yearGroup: 3,
    reviewBy: 75,
    professional: 'ep-team',
    review: { stage: 'contributing', meeting: 30, requestsOpen: true },
  },
  {
    caseId: 'NS-1017',
    setting: 'fellside',
    child: ['Kai', 'Hodgson'],
    parentFirstName: 'Lee',
    yearGroup: 10,
    reviewBy: 80,
    professional: 'careers',
    review: { stage: 'contributing', meeting: 35, requestsOpen: true },
  },
  // meeting
  {
    caseId: 'NS-1018',
    setting: 'harbour',
    child: ['Theo', 'Vosper'],
    parentFirstName: 'Nicola',
    yearGroup: 5,
    reviewBy: 45,
    professional: 'ep',
    review: { stage: 'meeting', meeting: 5 },
  },
  {
    caseId: 'NS-1019',
    setting: 'fellside',
    child: ['Lily', 'Postlethwaite'],
    parentFirstName: 'Andrew',
    yearGroup: 9,
    reviewBy: 55,
    professional: 'outreach',
    review: { stage: 'meeting', meeting: 12 },
  },
  {
    caseId: 'NS-1020',
    setting: 'harbour',
    child: ['Evie', 'Chegwin'],
    parentFirstName: 'Tom',
    yearGroup: 2,
    reviewBy: 36,
    professional: 'salt',
    review: { stage: 'meeting', meeting: -2 },
  },
  {
    caseId: 'NS-1021',
    setting: 'fellside',
    child: ['Alfie', 'Stainton'],
    parentFirstName: 'Paula',
    yearGroup: 11,
    reviewBy: 20,
    professional: 'careers',
    review: { stage: 'meeting', meeting: -16 },
  },
  // report
  {
    caseId: 'NS-1022',
    setting: 'fellside',
    child: ['Erin', 'Mossop'],
    parentFirstName: 'Simon',
    yearGroup: 9,
    reviewBy: 40,
    professional: 'outreach',
    otherCoordinator: true,
    review: { stage: 'report', meeting: -5 },
  },
  {
    caseId: 'NS-1023',
    setting: 'harbour',
    child: ['Jack', 'Rosewarne'],
    parentFirstName: 'Emma',
    yearGroup: 6,
    reviewBy: 18,
    professional: 'salt',
    review: { stage: 'report', meeting: -20 },
  },
  {
    caseId: 'NS-1024',
    setting: 'fellside',
    child: ['Reuben', 'Gaskarth'],
    parentFirstName: 'Fiona',
    yearGroup: 8,
    reviewBy: 38,
    professional: 'ep-team',
    review: { stage: 'report', meeting: -8 },
  },
  // submitted
  {
    caseId: 'NS-1025',
    setting: 'harbour',
    child: ['Ruby', 'Hocking'],
    parentFirstName: 'Carl',
    yearGroup: 4,
    reviewBy: 30,
    professional: 'ep',
    review: { stage: 'submitted', meeting: -15 },
  },
  {
    caseId: 'NS-1026',
    setting: 'fellside',
    child: ['Holly', 'Bowness'],
    parentFirstName: 'Diane',
    yearGroup: 10,
    reviewBy: 2,
    professional: 'careers',
    review: { stage: 'submitted', meeting: -35, recommendation: 'amend' },
  },
  // decided
  {
    caseId: 'NS-1027',
    setting: 'harbour',
    child: ['Finley', 'Bray'],
    parentFirstName: 'Gemma',
    yearGroup: 3,
    reviewBy: 10,
    professional: 'salt',
    review: { stage: 'decided', meeting: -30 },
  },
  {
    caseId: 'NS-1028',
    setting: 'fellside',
    child: ['Callum', 'Rigg'],
    parentFirstName: 'Ian',
    yearGroup: 11,
    reviewBy: 15,
    professional: 'careers',
    otherCoordinator: true,
    review: { stage: 'decided', meeting: -28, recommendation: 'cease' },
  },
  // amending
  {
    caseId: 'NS-1029',
    setting: 'harbour',
    child: ['Daisy', 'Opie'],
    parentFirstName: 'Wendy',
    yearGroup: 5,
    reviewBy: 5,
    professional: 'outreach',
    review: { stage: 'amending', meeting: -40, recommendation: 'amend' },
  },
  {
    caseId: 'NS-1030',
    setting: 'fellside',
    child: ['Jessica', 'Fearon'],
    parentFirstName: 'Robert',
    yearGroup: 11,
    reviewBy: 0,
    transfer: 'secondary-to-post16',
    professional: 'careers',
    review: { stage: 'amending', meeting: -45, recommendation: 'amend' },
  },
];
