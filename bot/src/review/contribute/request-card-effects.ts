import type { Identity, Person } from '../case.ts';
import type { CaseFile } from '../case-file.ts';
import { type AdviceRequestCard, type AskedOf, effectId } from '../outbox.ts';
import type { AdviceRequest, Review } from '../review.ts';

/**
 * Who `request` asks: the professional a team allocated, else the invitee; a team's mailbox is
 * answered by its allocators (permissions.ts `mayAllocate`), so its card goes to them.
 */
export function askedOf(review: Review, request: AdviceRequest): AskedOf | undefined {
  if (request.allocatedTo) return { person: personOf(request.allocatedTo) };
  const invitee = review.invitees.find((i) => i.id === request.inviteeId);
  if (!invitee) return undefined;
  if (invitee.person.isTeam) return { team: { email: invitee.person.email.toLowerCase() } };
  return { person: personOf(invitee.person) };
}

function personOf(person: Pick<Person, 'identity' | 'email'>): { identity?: Identity; email: string } {
  return { ...(person.identity ? { identity: person.identity } : {}), email: person.email.toLowerCase() };
}

/**
 * The card effects of the requests `requestIds` of `file`'s review, numbered from `firstSeq`: one per
 * request, to whoever it asks now (issue 9, "Requests in Teams": each card send is an outbox effect).
 *
 * @remarks Made in the same step as the request (sending the invitations, a re-send, an allocation),
 * so it is written in the same ETag write; a repeated command is answered from the case file's memory
 * and makes none (decide.ts).
 */
export function requestCardEffects(
  file: CaseFile,
  requestIds: readonly string[],
  firstSeq: number,
): AdviceRequestCard[] {
  const review = file.review;
  if (!review) return [];
  const effects: AdviceRequestCard[] = [];
  for (const requestId of requestIds) {
    const request = review.adviceRequests.find((r) => r.id === requestId);
    const to = request ? askedOf(review, request) : undefined;
    if (!to) continue;
    effects.push({
      id: effectId(review.id, 'advice-request', firstSeq + effects.length),
      reviewId: review.id,
      kind: 'advice-request',
      requestId,
      to,
    });
  }
  return effects;
}

/** The requests `after` has that `before` had not: those "Confirm and send invitations" made. */
export function newRequestIds(before: CaseFile, after: CaseFile): string[] {
  const had = new Set(before.review?.adviceRequests.map((r) => r.id));
  return (after.review?.adviceRequests ?? []).map((r) => r.id).filter((id) => !had.has(id));
}
