import { type Identity, identityKey } from '../case.ts';
import { type ChannelLink, inLink } from '../digest.ts';
import { type ActorRole, type Placement, placementRelations } from '../permissions.ts';
import type { PlainDate } from '../plain-date.ts';
import type { Warning } from '../warnings.ts';

/** The people a case's warnings can go to: its setting's SENCos in its LA, and its case coordinator. */
export interface CasePeople {
  readonly sencos: readonly Identity[];
  readonly coordinator?: Identity;
}

/**
 * The accounts among `people` who are SENCos of `placement` (its setting, added by its LA), by the one
 * rule set (`placementRelations`). Someone without an account yet (invited, never signed in) cannot
 * be messaged and is left out.
 */
export function sencosOf(
  people: readonly { readonly identity?: Identity; readonly roles: readonly ActorRole[] }[],
  placement: Placement,
): Identity[] {
  return people.flatMap((person) =>
    person.identity && placementRelations(person, placement).includes('senco') ? [person.identity] : [],
  );
}

/**
 * Who gets `warning` in a personal chat: the person who must act (issue 13), the setting's SENCos for
 * the setting's steps and the case coordinator for the LA's (`WARNED_DATES[key].actor`). Each once,
 * by account.
 */
export function recipientsOf(warning: Pick<Warning, 'actor'>, people: CasePeople): readonly Identity[] {
  const chosen = warning.actor === 'senco' ? people.sencos : people.coordinator ? [people.coordinator] : [];
  const seen = new Set<string>();
  return chosen.filter((identity) => {
    const key = identityKey(identity);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A channel that has been linked, by its conversation id. */
export interface LinkedChannel {
  readonly conversationId: string;
  readonly link: ChannelLink;
}

/** The linked channels whose digest shows `warning`'s case: a setting's for its cases, an LA's for its. */
export function channelsOf(
  warning: Pick<Warning, 'laCode' | 'settingUrn'>,
  channels: readonly LinkedChannel[],
): readonly LinkedChannel[] {
  return channels.filter((channel) => inLink(channel.link, warning));
}

/**
 * The dedupe key of a channel's digest on a day: one digest per linked channel per day, whatever
 * re-runs, restarts or second instances do.
 */
export function digestKeyOf(conversationId: string, day: PlainDate): string {
  return ['digest', conversationId, day].map(encodeURIComponent).join('/');
}

/**
 * The id of the activity that delivers `dedupeKey` to `recipientKey`: the same on every attempt, so a
 * receiver that drops repeats by id drops a retry whose first try did arrive.
 */
export function deliveryIdOf(dedupeKey: string, recipientKey: string): string {
  return `${dedupeKey}|${recipientKey}`;
}
