import type { Warning } from './warnings.ts';

/**
 * How a warning reaches people: a personal message to the one who must act, or the linked channel's
 * daily digest.
 */
export type Delivery = 'personal' | 'channel';

/**
 * Whether a user's mute of a case silences `warning` delivered as `delivery`.
 *
 * @remarks A user may mute a case's warnings for themself only (issue 13: "a user can mute a case's
 * warnings for themself, never the statutory ones for the LA"): so a mute silences personal messages
 * only, never the channel's digest, which others read; and never a date the LA's case coordinator must
 * act on (the review decision, the amended plan, the phase transfer: `WARNED_DATES`), which the LA owes
 * by law whatever one officer prefers to be told.
 */
export function muteSilences(warning: Pick<Warning, 'actor'>, delivery: Delivery): boolean {
  return delivery === 'personal' && warning.actor !== 'case-coordinator';
}

/** What a mute leaves on, in words for the tab and the digest. */
export const MUTE_LEAVES_ON =
  'The statutory dates the local authority must act on, and the channel’s daily digest, are still sent.';
