import type { ApiClient } from '../api/client.ts';
import type { ChannelLink, ChannelLinkView, LinkChannelBody } from '../api/types.ts';
import {
  type ChannelContext,
  type ConfigDialog,
  configDialogFor,
  type TabConfig,
} from '../host/channel-config.ts';
import type { Host } from '../host/teams-host.ts';

/** The address's `view` for the channel tab's configuration page (the manifest's `configurationUrl`). */
export const CONFIGURE_VIEW = 'configure';

/** Whether the address asks for the configuration page: `?view=configure`. */
export function isConfigureView(search: string): boolean {
  return new URLSearchParams(search).get('view') === CONFIGURE_VIEW;
}

/** What the configuration page works on. */
export type ChannelConfig =
  /** A team's channel: its link and what the user may link it to. */
  | {
      readonly kind: 'channel';
      readonly channel: ChannelContext;
      readonly view: ChannelLinkView;
      readonly dialog?: ConfigDialog;
    }
  /** Inside Teams, but not in a channel (a group chat, a meeting): the tab is added, nothing is linked. */
  | { readonly kind: 'not-a-channel'; readonly dialog: ConfigDialog };

/**
 * The channel, from Teams' context inside Teams; in a plain browser (local mode), local mode's demo
 * team's channel, since no Teams context names one.
 */
export async function loadChannelConfig(client: ApiClient, host: Host): Promise<ChannelConfig> {
  const dialog = await configDialogFor(host);
  if (dialog && !dialog.channel) return { kind: 'not-a-channel', dialog };
  const channel = dialog?.channel ?? (await demoChannel(client));
  const view = await client.channelLink(channel.channelId);
  return { kind: 'channel', channel, view, ...(dialog ? { dialog } : {}) };
}

async function demoChannel(client: ApiClient): Promise<ChannelContext> {
  const { teams } = await client.localTeams();
  const [team] = teams;
  if (!team) throw new Error('local mode has no demo team');
  return {
    channelId: team.channel.id,
    channelName: team.channel.name,
    teamId: team.teamId,
    teamName: team.name,
    tenantId: team.tenantId,
  };
}

/** What the channel's tab shows once saved: the live cases, addressed as the personal tab is. */
export function tabConfig(origin: string): TabConfig {
  return {
    contentUrl: `${origin}/?inTeams=1`,
    entityId: 'ehc-review-hub-deadlines',
    suggestedDisplayName: 'Review deadlines',
  };
}

/** The body of the link request for `channel`. */
export function linkBody(channel: ChannelContext, link: ChannelLink, confirmed: boolean): LinkChannelBody {
  return { teamId: channel.teamId, tenantId: channel.tenantId, link, onlyReviewersConfirmed: confirmed };
}

/** A link's stable key, for a radio's value. */
export function linkKey(link: ChannelLink): string {
  return link.kind === 'setting' ? `setting:${link.settingUrn}` : `la:${link.laCode}`;
}
