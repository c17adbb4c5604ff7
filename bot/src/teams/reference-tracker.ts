import type { Log } from '../server/log.ts';
import type { ConversationReferences } from '../store/conversation-references.ts';
import type { ReferenceChange } from './conversation-events.ts';

/** A team's channels as the Bot Connector lists them (`GET /v3/teams/{teamId}/conversations`). */
export type TeamChannels = (teamId: string) => Promise<readonly { id: string; name?: string }[]>;

export interface ReferenceTrackerDeps {
  readonly references: Pick<
    ConversationReferences,
    'put' | 'forgetChannel' | 'forgetTeam' | 'forgetPersonal'
  >;
  readonly now: () => Date;
  readonly log: Log;
}

/**
 * Applies `changes` to the kept references. A team's install keeps the channel it came through and
 * then every channel `teamChannels` lists (their names too; General has none in Teams' answer).
 *
 * @remarks When the list cannot be read (a 403 in a tenant that blocks it, a timeout), the install
 * channel is kept all the same and the failure logged by its kind: the team's other channels are
 * then learnt as they are created or renamed. Logs hold counts and kinds, never a name.
 */
export async function applyReferenceChanges(
  changes: readonly ReferenceChange[],
  teamChannels: TeamChannels,
  deps: ReferenceTrackerDeps,
): Promise<void> {
  const { references, log } = deps;
  const at = () => deps.now().toISOString();
  for (const change of changes) {
    switch (change.kind) {
      case 'team-installed': {
        await references.put(change.channel, at());
        let listed: readonly { id: string; name?: string }[] = [];
        try {
          listed = await teamChannels(change.channel.teamId);
        } catch (error) {
          log.warn('team channels not listed', { code: error instanceof Error ? error.name : 'unknown' });
        }
        for (const channel of listed) {
          if (channel.id === change.channel.conversationId) continue;
          const { channelName: _name, ...base } = change.channel;
          await references.put(
            {
              ...base,
              conversationId: channel.id,
              ...(channel.name
                ? { channelName: channel.name }
                : channel.id === base.teamId
                  ? { channelName: 'General' }
                  : {}),
            },
            at(),
          );
        }
        log.info('team installed', {
          channels: 1 + listed.filter((c) => c.id !== change.channel.conversationId).length,
        });
        break;
      }
      case 'channel-kept':
        await references.put(change.channel, at());
        break;
      case 'channel-forgotten':
        await references.forgetChannel(change.conversationId);
        break;
      case 'team-forgotten':
        log.info('team forgotten', { channels: await references.forgetTeam(change.teamId) });
        break;
      case 'personal-kept':
        await references.put(change.personal, at());
        break;
      case 'personal-forgotten':
        await references.forgetPersonal(change.userKey);
        break;
    }
  }
}
