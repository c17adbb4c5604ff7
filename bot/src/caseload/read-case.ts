import { type CaseRef, caseKey } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { ReviewError } from '../review/errors.ts';
import { can } from '../review/permissions.ts';
import type { CaseloadDeps, Reader } from './caseload.ts';

/**
 * One case file the reader may read, its read audited (`case.read`, with the view it was read for);
 * CASE_NOT_FOUND when there is none or it is not theirs, AUDIT_UNAVAILABLE when the read cannot be
 * recorded (nothing is shown then). For the arrange page, its card and the invitations list.
 */
export async function readCase(
  reader: Reader,
  ref: CaseRef,
  view: string,
  deps: Pick<CaseloadDeps, 'store' | 'audit' | 'now'>,
): Promise<CaseFile> {
  const stored = await deps.store.get(ref);
  if (!stored || !can(reader.actor, 'case.read', stored.file)) throw new ReviewError('CASE_NOT_FOUND');
  try {
    await deps.audit.record({
      at: deps.now().toISOString(),
      actor: reader.accountKey,
      action: 'case.read',
      caseKey: caseKey(ref),
      detail: { via: reader.via, view },
    });
  } catch (cause) {
    throw new ReviewError('AUDIT_UNAVAILABLE', [], undefined, { cause });
  }
  return stored.file;
}
