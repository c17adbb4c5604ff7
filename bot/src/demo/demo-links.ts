import type { LinkedChannel } from '../review/delivery/recipients.ts';
import type { ChannelLink } from '../review/digest.ts';
import { DEMO_TEAM } from './demo-team.ts';
import { DEMO_LA, demoSettingName } from './northshire.ts';

/**
 * Local mode's linked channels until the channel links store is wired (issue 13): the demo team's
 * General channel, linked to Harbour Primary School's cases, as demo-team.ts describes it.
 */
export const DEMO_LINKED_CHANNELS: readonly LinkedChannel[] = [
  { conversationId: DEMO_TEAM.channel.id, link: { kind: 'setting', settingUrn: DEMO_TEAM.settingUrn } },
];

/** What a digest calls a link in local mode: the demo setting's or the demo LA's name. */
export function demoLinkName(link: ChannelLink): string {
  if (link.kind === 'setting') return demoSettingName(link.settingUrn) ?? `setting ${link.settingUrn}`;
  return link.laCode === DEMO_LA.code ? DEMO_LA.name : `LA ${link.laCode}`;
}
