import type { Person } from '../case.ts';
import type { CaseFile } from '../case-file.ts';
import type { ErrorCode, Problem } from '../errors.ts';
import { type Actor, can, mayAnswer } from '../permissions.ts';
import type { AdviceIndexEntry, Review } from '../review.ts';
import type { AdviceDocument } from './advice.ts';
import type { ContributeContext } from './decide-contribute.ts';

type Refusal = { ok: false; code: ErrorCode; problems: Problem[] };

/**
 * Whose advice this is, and who records it: the contributor themself, or someone recording on their
 * behalf (both are kept); the setting's own advice is the SENCo's.
 */
export function authorOf(
  file: CaseFile,
  review: Review,
  requestId: string | undefined,
  ctx: ContributeContext,
): { ok: true; author: Person; recordedBy?: Person } | Refusal {
  const actorPerson = personOf(ctx.actor);
  if (requestId === undefined) {
    if (!can(ctx.actor, 'advice.request', file)) return notAllowed();
    return { ok: true, author: actorPerson };
  }
  const request = review.adviceRequests.find((r) => r.id === requestId);
  if (!request) return fail('INVALID_INPUT', 'requestId', `no advice request ${requestId} on this review`);
  const how = mayAnswer(ctx.actor, request, file);
  if (!how) return notAllowed();
  if (request.state === 'closed' || request.state === 'declined') {
    return fail('WRONG_STAGE', 'requestId', `this request was ${request.state}: no advice is expected`);
  }
  const invitee = review.invitees.find((i) => i.id === request.inviteeId);
  const author = request.allocatedTo ?? invitee?.person;
  if (!author) return notAllowed();
  if (how === 'self') return { ok: true, author };
  return { ok: true, author, recordedBy: actorPerson };
}

/** The actor as a person a record can name. */
function personOf(actor: Actor): Person {
  return {
    name: actor.name ?? actor.email ?? 'unknown',
    email: actor.email ?? '',
    role: actor.roles.some((r) => r.kind === 'senco') ? 'senco' : 'other-professional',
    ...(actor.identity ? { identity: actor.identity } : {}),
  };
}

/** The case file's index of `document` (who, state, submitted on), and the request answered. */
export function indexed(file: CaseFile, review: Review, document: AdviceDocument): CaseFile {
  const entry: AdviceIndexEntry = {
    id: document.key,
    ...(document.requestId ? { requestId: document.requestId } : {}),
    author: document.author,
    ...(document.recordedBy ? { recordedBy: document.recordedBy } : {}),
    state: document.state,
    ...(document.submittedOn ? { submittedOn: document.submittedOn } : {}),
  };
  const advice = review.advice.some((a) => a.id === entry.id)
    ? review.advice.map((a) => (a.id === entry.id ? entry : a))
    : [...review.advice, entry];
  const adviceRequests =
    document.state === 'submitted'
      ? review.adviceRequests.map((r) =>
          r.id === document.requestId ? { ...r, state: 'submitted' as const } : r,
        )
      : review.adviceRequests;
  return { ...file, review: { ...review, advice, adviceRequests } };
}

function notAllowed(): Refusal {
  return { ok: false, code: 'NOT_ALLOWED', problems: [] };
}

function fail(code: ErrorCode, where: string, message: string): Refusal {
  return { ok: false, code, problems: [{ where, message }] };
}
