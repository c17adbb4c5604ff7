import { type CaseRef, caseKey } from '../review/case.ts';
import { type Contribution, contributionOf } from '../review/contribute/contribution.ts';
import { ReviewError } from '../review/errors.ts';
import { can, mayReadAdvice } from '../review/permissions.ts';
import { londonDate } from '../review/plain-date.ts';
import type { AdviceStore } from '../store/advice-store.ts';
import { type CaseloadDeps, type Reader, recorded, recordRefusal } from './caseload.ts';

/**
 * The contribute page of one case for `reader`: the requests, the advice they may read and the gate.
 *
 * @remarks The one route by which advice documents are read: each is passed through `mayReadAdvice`,
 * so a draft reaches nobody but its writer. The read is audited (which advice was shown, by key; no
 * content), and not shown if it cannot be.
 */
export async function readContribution(
  reader: Reader,
  ref: CaseRef,
  deps: CaseloadDeps & { readonly advice: AdviceStore },
): Promise<Contribution> {
  const stored = await deps.store.get(ref);
  if (!stored || !can(reader.actor, 'case.read', stored.file)) {
    await recordRefusal(reader, ref, stored ? 'not-permitted' : 'no-such-case', deps);
    throw new ReviewError('CASE_NOT_FOUND');
  }
  const file = stored.file;
  const documents = file.review ? await deps.advice.listOfReview(ref, file.review.id) : [];
  const readable = documents.filter((advice) => mayReadAdvice(reader.actor, advice, file));
  await recorded(() =>
    deps.audit.record({
      at: deps.now().toISOString(),
      actor: reader.accountKey,
      action: 'advice.read',
      caseKey: caseKey(ref),
      detail: { via: reader.via, shown: readable.map((a) => `${a.key}:${a.state}`).join(',') },
    }),
  );
  const today = londonDate(deps.now());
  return contributionOf(file, readable, reader.actor, today, deps.policyFor(file.case.laCode));
}
