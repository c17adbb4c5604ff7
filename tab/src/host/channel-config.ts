import { app, pages } from '@microsoft/teams-js';
import type { Host } from './teams-host.ts';

/** The channel a configuration page is for, as Teams names it. */
export interface ChannelContext {
  readonly channelId: string;
  readonly channelName: string;
  /** The team's thread id (`team.internalId`): what the bot's conversation references carry. */
  readonly teamId: string;
  readonly teamName: string;
  readonly tenantId: string;
}

/** What the channel's tab shows once configured. */
export interface TabConfig {
  readonly contentUrl: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

/**
 * The configuration dialog Teams shows around the page: its own Save button, enabled when the page
 * says the choice is valid, which runs the page's save and then stores the tab.
 */
export interface ConfigDialog {
  readonly channel: ChannelContext | undefined;
  setValid(valid: boolean): void;
  /** `save` runs when the user presses Teams' Save; its error's message is shown by Teams. */
  onSave(save: () => Promise<TabConfig>): void;
}

/**
 * The Teams configuration dialog, when the page runs inside one; undefined in a plain browser (local
 * mode), where the page offers the demo team and a Save button of its own.
 *
 * @remarks teams-js `pages.config`: `setValidityState` enables Teams' Save button; the save handler
 * must call `setConfig` (the content URL, the entity id, the tab's name) and then `notifySuccess`, or
 * `notifyFailure` with a reason, which Teams shows in the dialog.
 */
export async function configDialogFor(host: Host): Promise<ConfigDialog | undefined> {
  if (host.kind !== 'microsoft-365' || !pages.config.isSupported()) return undefined;
  const context = await app.getContext();
  const channel =
    context.channel?.id && context.team?.internalId && context.user?.tenant?.id
      ? {
          channelId: context.channel.id,
          channelName: context.channel.displayName ?? 'this channel',
          teamId: context.team.internalId,
          teamName: context.team.displayName ?? 'this team',
          tenantId: context.user.tenant.id,
        }
      : undefined;
  return {
    channel,
    setValid: (valid) => pages.config.setValidityState(valid),
    onSave(save) {
      pages.config.registerOnSaveHandler((event) => {
        save()
          .then((config) => pages.config.setConfig({ ...config }))
          .then(
            () => event.notifySuccess(),
            (error: unknown) =>
              event.notifyFailure(
                error instanceof Error ? error.message : 'The channel could not be linked.',
              ),
          );
      });
    },
  };
}
