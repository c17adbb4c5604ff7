import type { KnownPerson, PeopleOfLa } from '../identity/case-people.ts';
import { type CaseRef, type Identity, identityKey } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { deliveryIdOf } from '../review/delivery/recipients.ts';
import type { AdviceRequestCard, EffectOutcome } from '../review/outbox.ts';
import { mayAllocate } from '../review/permissions.ts';
import { londonDate } from '../review/plain-date.ts';
import type { LaPolicy } from '../review/policy.ts';
import type { ConversationReferences } from '../store/conversation-references.ts';
import { type AdviceCardDeps, adviceCardFor } from '../teams/advice-card-actions.ts';
import { allocationCardFor } from '../teams/allocation-card-actions.ts';
import { type ProactiveSender, SendError } from '../teams/proactive.ts';

/** Sends one card effect of `file`; throws a SendError (or a network failure) when it cannot. */
export type CardEffectSender = (
  ref: CaseRef,
  file: CaseFile,
  effect: AdviceRequestCard,
  /** The accounts an earlier attempt reached (OutboxEntry.reached): not sent to again. */
  reached: readonly string[],
) => Promise<EffectOutcome>;

/**
 * A card effect to several people that failed after reaching some: the dispatcher records who was
 * reached with the failure, so the retry sends only to the others.
 */
export class PartlySent extends Error {
  readonly reached: readonly string[];

  constructor(reached: readonly string[], cause: unknown) {
    super('the card reached some of the people asked', { cause });
    this.name = 'PartlySent';
    this.reached = reached;
  }
}

export interface AdviceCardSenderOptions {
  readonly references: Pick<ConversationReferences, 'personal'>;
  readonly sender: Pick<ProactiveSender, 'send'>;
  /** Everyone the case's LA added: how an address is matched to an account, and who allocates a team. */
  readonly peopleOfLa: PeopleOfLa;
  readonly advice: AdviceCardDeps;
  /** The LA's policy, for the advice-by date the allocation card gives (ADVICE_CIRCULATED). */
  readonly policyFor: (laCode: string) => LaPolicy;
  readonly now: () => Date;
}

export const REQUEST_SUMMARY = 'You have been asked for advice for an annual review';

/** The notification line of the allocation card, to a team's allocator. */
export const ALLOCATION_SUMMARY = 'Your team has been asked for advice for an annual review';

/**
 * The card of a request, sent into the personal chat of whoever it asks (issue 9, "Requests in
 * Teams"): the advice card to the professional; to each allocator of the team asked, the allocation
 * card (accept for the team, decline with a reason, or allocate a named professional, who then gets
 * the request's advice card as an effect of its own).
 *
 * @remarks
 * - The chat is the one kept when the person installed the app (ConversationReferences.personal). A
 *   person with no such chat, or not known by account, is not reached: the effect is done as
 *   `no-chat`, since the request is in the tab (the contribute page) and "requests" in a chat lists
 *   it; the invitation email says so.
 * - The card is built when it is sent, from the case file as it is then (adviceCardFor and
 *   allocationCardFor, the same the "requests" command sends), so a request answered or closed
 *   meanwhile sends nothing (`not-open`), nor does a team's request allocated meanwhile.
 * - Each card carries a fixed message id (the effect's id, with the recipient for a team), so a
 *   retry after a lost answer is recognisable (ProactiveMessage.id).
 * - A 403 or 404 (the app removed, the chat gone) skips that person; anything else that fails is
 *   thrown for the dispatcher to retry (a 429 or 5xx) or give up on. Who was reached before the
 *   failure is kept with it (PartlySent), so a team's retry does not send to them again.
 */
export function adviceCardSender(options: AdviceCardSenderOptions): CardEffectSender {
  return async (ref, file, effect, reached) => {
    const review = file.review;
    const request =
      review?.id === effect.reviewId
        ? review.adviceRequests.find((r) => r.id === effect.requestId)
        : undefined;
    const open = request !== undefined && (request.state === 'requested' || request.state === 'accepted');
    if (!open || review?.stage !== 'contributing') return { delivery: 'not-open' };
    const team = 'team' in effect.to;
    if (team && request.allocatedTo) return { delivery: 'not-open' };
    const people = await options.peopleOfLa(ref.laCode);
    const recipients = recipientsOf(effect, people, ref.laCode);
    const now: string[] = [];
    let sent = reached.length;
    for (const recipient of recipients) {
      if (reached.includes(identityKey(recipient.identity))) continue;
      const reference = await options.references.personal(recipient.identity);
      if (!reference) continue;
      const key = identityKey(recipient.identity);
      const reader = { actor: recipient, accountKey: key, via: 'bot' as const };
      // The mailbox itself, should it sign in, answers for itself: it gets the advice card.
      const allocates = team && mayAllocate(recipient, request, file);
      const card = allocates
        ? await allocationCardFor(reader, file, ref, request, {
            today: londonDate(options.now()),
            policy: options.policyFor,
            advice: options.advice,
          })
        : await adviceCardFor(reader, file, ref, effect.requestId, options.advice);
      const id = team ? deliveryIdOf(effect.id, key) : effect.id;
      try {
        await options.sender.send(reference, {
          id,
          card,
          summary: allocates ? ALLOCATION_SUMMARY : REQUEST_SUMMARY,
        });
        sent += 1;
        now.push(key);
      } catch (error) {
        if (error instanceof SendError && (error.status === 403 || error.status === 404)) continue;
        throw now.length > 0 ? new PartlySent(now, error) : error;
      }
    }
    return { delivery: sent > 0 ? 'sent' : 'no-chat' };
  };
}

interface Recipient {
  readonly identity: Identity;
  readonly email?: string;
  readonly roles: KnownPerson['roles'];
}

/** Who gets the card: the person asked (by account, else their address among the LA's people), or the team's allocators. */
function recipientsOf(
  effect: AdviceRequestCard,
  people: readonly KnownPerson[],
  laCode: string,
): Recipient[] {
  if ('team' in effect.to) {
    // The allocators, and the mailbox itself should it sign in: it answers for itself until allocated.
    const team = effect.to.team.email;
    return people.flatMap((p) =>
      p.identity &&
      (p.email === team ||
        p.roles.some(
          (r) => r.kind === 'allocator' && r.laCode === laCode && r.teamEmail.toLowerCase() === team,
        ))
        ? [{ identity: p.identity, email: p.email, roles: p.roles }]
        : [],
    );
  }
  const asked = effect.to.person;
  const known = people.find((p) =>
    asked.identity && p.identity
      ? p.identity.tenantId === asked.identity.tenantId && p.identity.objectId === asked.identity.objectId
      : p.email === asked.email,
  );
  const identity = asked.identity ?? known?.identity;
  return identity ? [{ identity, email: asked.email, roles: known?.roles ?? [] }] : [];
}
