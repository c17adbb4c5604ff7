import { type CaseRef, caseKey } from '../review/case.ts';
import { ReviewError } from '../review/errors.ts';
import { can } from '../review/permissions.ts';
import type { CosmosMutes } from '../store/mutes.ts';
import type { CaseloadDeps, Reader } from './caseload.ts';

export interface MuteDeps {
  readonly caseload: Pick<CaseloadDeps, 'store' | 'audit' | 'now'>;
  readonly mutes: Pick<CosmosMutes, 'mute' | 'unmute' | 'isMuted'>;
}

/**
 * Whether `reader` muted the case's warnings for themself; CASE_NOT_FOUND for a case they may not read
 * (as for every read of a case: a case id does not tell who may not see it that the case exists).
 */
export async function caseMuted(reader: Reader, ref: CaseRef, deps: MuteDeps): Promise<boolean> {
  await mayRead(reader, ref, deps);
  return deps.mutes.isMuted(reader.accountKey, ref.laCode, ref.caseId);
}

/**
 * Mutes (or, with `muted` false, unmutes) the case's warnings for `reader` only; audited on the case.
 *
 * @remarks Anyone who may read the case may mute it for themself: it changes only what they are sent.
 * What a mute silences is the domain's (review/mutes.ts `muteSilences`): their personal messages of
 * the setting's steps, never the LA's statutory ones nor the channel's digest. Muting twice is one
 * mute; the audit entry of a repeat is recorded again, so a retry after AUDIT_UNAVAILABLE is audited.
 */
export async function setCaseMuted(
  reader: Reader,
  ref: CaseRef,
  muted: boolean,
  deps: MuteDeps,
): Promise<void> {
  await mayRead(reader, ref, deps);
  const at = deps.caseload.now().toISOString();
  if (muted) await deps.mutes.mute(reader.accountKey, ref, at);
  else await deps.mutes.unmute(reader.accountKey, ref);
  try {
    await deps.caseload.audit.record({
      at,
      actor: reader.accountKey,
      action: muted ? 'warnings.mute' : 'warnings.unmute',
      caseKey: caseKey(ref),
      detail: { via: reader.via },
    });
  } catch (cause) {
    throw new ReviewError(
      'AUDIT_UNAVAILABLE',
      [],
      'Done, but it could not be recorded in the audit log yet. Do it again.',
      { cause },
    );
  }
}

async function mayRead(reader: Reader, ref: CaseRef, deps: MuteDeps): Promise<void> {
  const stored = await deps.caseload.store.get(ref);
  if (!stored || !can(reader.actor, 'case.read', stored.file)) throw new ReviewError('CASE_NOT_FOUND');
}
