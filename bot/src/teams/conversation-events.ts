import type { Activity } from 'botbuilder';
import { identityKey } from '../review/case.ts';
import type { ChannelReference, PersonalReference } from '../store/conversation-references.ts';
import { conversationTypeOf, identityOf } from './review-bot.ts';

/**
 * What an activity changes of the conversations the bot may write to unprompted.
 *
 * @remarks From Teams' real events (Teams platform docs, "Conversation events" and "Installation
 * update"): the app installed in a team (`installationUpdate` `add`, or `conversationUpdate` with
 * the bot in `membersAdded`, `eventType` `teamMemberAdded`), a channel created, renamed, restored or
 * deleted (`channelData.eventType`, the channel in `channelData.channel`), the app removed or the
 * team deleted; and a personal install. A team's install names only the channel it came through:
 * the bot asks the Bot Connector for the others (`learnChannels`).
 */
export type ReferenceChange =
  | { readonly kind: 'team-installed'; readonly channel: ChannelReference; readonly learnChannels: true }
  | { readonly kind: 'channel-kept'; readonly channel: ChannelReference }
  | { readonly kind: 'channel-forgotten'; readonly conversationId: string }
  | { readonly kind: 'team-forgotten'; readonly teamId: string }
  | { readonly kind: 'personal-kept'; readonly personal: PersonalReference }
  | { readonly kind: 'personal-forgotten'; readonly userKey: string };

type EventActivity = Pick<
  Partial<Activity>,
  | 'type'
  | 'action'
  | 'serviceUrl'
  | 'channelId'
  | 'conversation'
  | 'recipient'
  | 'from'
  | 'channelData'
  | 'membersAdded'
  | 'membersRemoved'
>;

interface TeamsChannelData {
  readonly tenant?: { readonly id?: string };
  readonly team?: { readonly id?: string; readonly name?: string };
  readonly channel?: { readonly id?: string; readonly name?: string };
  readonly eventType?: string;
}

/** The changes `activity` makes; none for any other activity. */
export function referenceChangesOf(activity: EventActivity): readonly ReferenceChange[] {
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const botId = activity.recipient?.id;
  const addsBot = (activity.membersAdded ?? []).some((member) => member.id === botId);
  const removesBot = (activity.membersRemoved ?? []).some((member) => member.id === botId);
  const personal = conversationTypeOf(activity) === 'personal';
  if (activity.type === 'installationUpdate') {
    const adds = activity.action?.startsWith('add') === true;
    const removes = activity.action?.startsWith('remove') === true;
    if (personal) return personalChange(activity, adds, removes);
    return teamChange(activity, data, adds, removes);
  }
  if (activity.type !== 'conversationUpdate') return [];
  if (personal) return personalChange(activity, addsBot, removesBot);
  switch (data.eventType) {
    case 'channelCreated':
    case 'channelRenamed':
    case 'channelRestored': {
      const channel = channelOf(activity, data, data.channel?.id, data.channel?.name);
      return channel ? [{ kind: 'channel-kept', channel }] : [];
    }
    case 'channelDeleted':
      return data.channel?.id ? [{ kind: 'channel-forgotten', conversationId: data.channel.id }] : [];
    case 'teamDeleted':
    case 'teamHardDeleted':
      return data.team?.id ? [{ kind: 'team-forgotten', teamId: data.team.id }] : [];
    default:
      return teamChange(activity, data, addsBot, removesBot);
  }
}

function teamChange(
  activity: EventActivity,
  data: TeamsChannelData,
  adds: boolean,
  removes: boolean,
): readonly ReferenceChange[] {
  const teamId = data.team?.id;
  if (!teamId) return [];
  if (removes) return [{ kind: 'team-forgotten', teamId }];
  if (!adds) return [];
  // The conversation an install arrives in is the channel it was installed from (General: the team's id).
  const channel = channelOf(activity, data, activity.conversation?.id ?? teamId, undefined);
  return channel ? [{ kind: 'team-installed', channel, learnChannels: true }] : [];
}

function channelOf(
  activity: EventActivity,
  data: TeamsChannelData,
  conversationId: string | undefined,
  channelName: string | undefined,
): ChannelReference | undefined {
  const base = baseOf(activity, data);
  const teamId = data.team?.id;
  if (!base || !teamId || !conversationId) return undefined;
  return {
    kind: 'channel',
    ...base,
    conversationId: conversationId.split(';')[0] as string,
    teamId,
    ...(data.team?.name ? { teamName: data.team.name } : {}),
    ...(channelName ? { channelName } : conversationId === teamId ? { channelName: 'General' } : {}),
  };
}

function personalChange(
  activity: EventActivity,
  adds: boolean,
  removes: boolean,
): readonly ReferenceChange[] {
  const identity = identityOf(activity);
  if (!identity) return [];
  const userKey = identityKey(identity);
  if (removes) return [{ kind: 'personal-forgotten', userKey }];
  const base = baseOf(activity, (activity.channelData ?? {}) as TeamsChannelData);
  const conversationId = activity.conversation?.id;
  if (!adds || !base || !conversationId) return [];
  return [{ kind: 'personal-kept', personal: { kind: 'personal', ...base, conversationId, userKey } }];
}

function baseOf(
  activity: EventActivity,
  data: TeamsChannelData,
): Omit<ChannelReference, 'kind' | 'conversationId' | 'teamId'> | undefined {
  const tenantId = activity.conversation?.tenantId ?? data.tenant?.id;
  const { serviceUrl, channelId } = activity;
  const botId = activity.recipient?.id;
  if (!serviceUrl || !channelId || !tenantId || !botId) return undefined;
  return { serviceUrl, channelId, tenantId, botId };
}
