/**
 * The advice documents of the demo reviews (FICTIONAL, local mode only): one for each piece of advice
 * the case file's index names, submitted or a draft, written the way the seed guidance asks (a
 * judgement per outcome with commentary that supports it; provision with who, how often, how long and
 * group size).
 */
import { identityKey, type Outcome, type Person } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import type { AdviceContent, AdviceDocument } from '../review/contribute/advice.ts';
import type { AdviceIndexEntry, Progress } from '../review/review.ts';
import { DEMO_USERS } from './demo-users.ts';

const PROGRESS_CYCLE: readonly Progress[] = ['on-track', 'not-on-track', 'complete', 'on-track'];

const COMMENTARY: Record<Progress, string> = {
  'on-track':
    'Progress is steady: the target is met in three of the last four termly checks, with adult prompting faded.',
  complete:
    'The outcome has been achieved and maintained for two terms; a new, more ambitious outcome is suggested.',
  'not-on-track':
    'Progress has slowed since the spring: the skill is shown 1:1 but not yet in class; more practice in small groups is recommended.',
  'not-able-to-comment': 'I have not worked with the child on this outcome since the last review.',
};

/** Every advice document the demo case file's index names. */
export function demoAdviceDocuments(file: CaseFile): AdviceDocument[] {
  const review = file.review;
  if (!review) return [];
  return review.advice.map((entry, index) => ({
    key: entry.id,
    laCode: file.case.laCode,
    caseId: file.case.caseId,
    reviewId: review.id,
    ...(entry.requestId ? { requestId: entry.requestId } : {}),
    author: entry.author,
    writtenBy: writerKey(entry.author),
    state: entry.state,
    content: contentOf(entry, file.case.outcomes, index),
    attachments: [],
    savedOn: entry.submittedOn ?? review.history.at(-1)?.on ?? review.startedOn,
    ...(entry.submittedOn ? { submittedOn: entry.submittedOn } : {}),
    lastCommandId: `demo-advice-${entry.id}`,
  }));
}

/**
 * The account key the author signs in with (permissions.ts `actorKey`): a demo user's account when
 * they are one, so a demo SENCo finds their own draft; otherwise their email address.
 */
function writerKey(author: Person): string {
  const user = DEMO_USERS.find((u) => u.email.toLowerCase() === author.email.toLowerCase());
  return user ? identityKey(user.identity) : `email:${author.email.toLowerCase()}`;
}

function contentOf(entry: AdviceIndexEntry, outcomes: readonly Outcome[], seed: number): AdviceContent {
  // A draft judges the first outcome only: the SENCo is still writing.
  const judged = entry.state === 'draft' ? outcomes.slice(0, 1) : outcomes;
  const provision = outcomes[seed % Math.max(1, outcomes.length)]?.provision[0];
  return {
    outcomes: judged.map((outcome, index) => {
      const progress = PROGRESS_CYCLE[(seed + index) % PROGRESS_CYCLE.length] ?? 'on-track';
      return {
        outcomeId: outcome.id,
        progress,
        commentary: COMMENTARY[progress],
        ...(progress === 'not-on-track'
          ? { recommendedChanges: 'Increase the small-group sessions to 4 x week.' }
          : {}),
      };
    }),
    newOutcomes: [],
    needs: [],
    provision: provision && entry.state === 'submitted' ? [provision] : [],
  };
}
