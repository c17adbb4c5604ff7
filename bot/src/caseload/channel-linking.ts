import type { ChannelLink } from '../review/digest.ts';
import { ReviewError } from '../review/errors.ts';
import { type Actor, linkChoices, mayChangeChannelLink, mayLinkChannel } from '../review/permissions.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { ChannelLinkRecord, CosmosChannelLinks } from '../store/channel-links.ts';

/** Who is linking a channel: the actor the rule judges and the account key the audit log names. */
export interface Linker {
  readonly actor: Actor;
  readonly accountKey: string;
}

export interface ChannelLinkingDeps {
  readonly links: Pick<CosmosChannelLinks, 'link' | 'unlink' | 'of'>;
  readonly audit: AuditLog;
  readonly now: () => Date;
  /** A setting's name as people call it, when known (the demo's; otherwise its URN is shown). */
  readonly settingName: (settingUrn: string) => string | undefined;
  /** An LA's name, when known. */
  readonly laName: (laCode: string) => string | undefined;
}

/** A link the user may make, with the words the configuration page shows for it. */
export interface LinkChoice {
  readonly link: ChannelLink;
  readonly name: string;
}

/** A channel's link as the configuration page shows it to one user. */
export interface ChannelLinkView {
  readonly channelId: string;
  /** The current link, when the user may change it. */
  readonly link?: { readonly link: ChannelLink; readonly name: string; readonly linkedAt: string };
  /** The channel is linked to cases this user may not link (another setting's, another LA's). */
  readonly linkedByOthers: boolean;
  readonly choices: readonly LinkChoice[];
}

export interface LinkRequest {
  readonly channelId: string;
  readonly teamId: string;
  readonly tenantId: string;
  readonly link: ChannelLink;
  /** "Only people working on these reviews are in this channel": the page's required checkbox. */
  readonly onlyReviewersConfirmed: boolean;
}

/** The audit partition of the links to a setting's or an LA's cases: who linked which channel when. */
export function channelLinkAuditKey(link: ChannelLink): string {
  return link.kind === 'setting'
    ? `channel-link:setting:${link.settingUrn}`
    : `channel-link:la:${link.laCode}`;
}

export function linkName(
  link: ChannelLink,
  deps: Pick<ChannelLinkingDeps, 'settingName' | 'laName'>,
): string {
  if (link.kind === 'setting') {
    return `${deps.settingName(link.settingUrn) ?? `Setting ${link.settingUrn}`} SEND team`;
  }
  return `${deps.laName(link.laCode) ?? `LA ${link.laCode}`} SEND team`;
}

/** What the configuration page shows `linker` for the channel: its link (if theirs to see) and their choices. */
export async function channelLinkView(
  linker: Linker,
  channelId: string,
  deps: ChannelLinkingDeps,
): Promise<ChannelLinkView> {
  const current = await deps.links.of(channelId);
  const theirs = current !== undefined && mayLinkChannel(linker.actor, current.link);
  return {
    channelId,
    ...(current && theirs
      ? { link: { link: current.link, name: linkName(current.link, deps), linkedAt: current.linkedAt } }
      : {}),
    linkedByOthers: current !== undefined && !theirs,
    choices: linkChoices(linker.actor).map((link) => ({ link, name: linkName(link, deps) })),
  };
}

/**
 * Links the channel to `request.link` for `linker`, replacing its link; audited in the partition of
 * the cases it now shows (and of those it showed before, when it changes).
 *
 * @remarks Refused, changing nothing: without the confirmation (CHANNEL_NOT_CONFIRMED, naming the
 * checkbox), and a link the rule does not allow, or a channel linked to someone else's cases
 * (CHANNEL_LINK_NOT_ALLOWED). The same link again keeps its first time and writes nothing; its audit
 * entry is recorded again, so a retry after AUDIT_UNAVAILABLE is audited.
 */
export async function linkChannel(
  linker: Linker,
  request: LinkRequest,
  deps: ChannelLinkingDeps,
): Promise<ChannelLinkRecord> {
  if (!request.onlyReviewersConfirmed) {
    throw new ReviewError('CHANNEL_NOT_CONFIRMED', [
      {
        where: 'onlyReviewersConfirmed',
        message: 'required: confirm that only people working on these reviews are in this channel',
      },
    ]);
  }
  const current = await deps.links.of(request.channelId);
  if (!mayChangeChannelLink(linker.actor, current?.link, request.link)) {
    throw new ReviewError('CHANNEL_LINK_NOT_ALLOWED', [
      {
        where: current && !mayLinkChannel(linker.actor, current.link) ? 'channelId' : 'link',
        message: reason(current),
      },
    ]);
  }
  const same =
    current !== undefined &&
    sameLink(current.link, request.link) &&
    current.teamId === request.teamId &&
    current.tenantId === request.tenantId;
  const at = deps.now().toISOString();
  const record: ChannelLinkRecord = same
    ? current
    : await deps.links.link({
        channelId: request.channelId,
        teamId: request.teamId,
        tenantId: request.tenantId,
        link: request.link,
        linkedBy: linker.accountKey,
        linkedAt: at,
        onlyReviewersConfirmed: true,
      });
  await audited(
    deps,
    [
      ...(current && !sameLink(current.link, request.link)
        ? [{ link: current.link, action: 'channel.unlink' }]
        : []),
      { link: request.link, action: 'channel.link', repeat: same },
    ],
    linker,
    request.channelId,
    at,
  );
  return record;
}

/** Unlinks the channel; refused (CHANNEL_LINK_NOT_ALLOWED) for a link `linker` may not make. A repeat changes nothing. */
export async function unlinkChannel(
  linker: Linker,
  channelId: string,
  deps: ChannelLinkingDeps,
): Promise<void> {
  const current = await deps.links.of(channelId);
  if (!current) return;
  if (!mayChangeChannelLink(linker.actor, current.link, undefined)) {
    throw new ReviewError('CHANNEL_LINK_NOT_ALLOWED', [{ where: 'channelId', message: reason(current) }]);
  }
  await deps.links.unlink(channelId);
  const at = deps.now().toISOString();
  await audited(deps, [{ link: current.link, action: 'channel.unlink' }], linker, channelId, at);
}

function reason(current: ChannelLinkRecord | undefined): string {
  return current
    ? 'this channel is linked to cases you cannot link: ask whoever linked it, or use another channel'
    : 'you can link a channel only to your own setting’s or local authority’s SEND team';
}

function sameLink(a: ChannelLink, b: ChannelLink): boolean {
  return a.kind === 'setting'
    ? b.kind === 'setting' && a.settingUrn === b.settingUrn
    : b.kind === 'la' && a.laCode === b.laCode;
}

async function audited(
  deps: Pick<ChannelLinkingDeps, 'audit'>,
  entries: readonly { link: ChannelLink; action: string; repeat?: boolean }[],
  linker: Linker,
  channelId: string,
  at: string,
): Promise<void> {
  try {
    for (const entry of entries) {
      await deps.audit.record({
        at,
        actor: linker.accountKey,
        action: entry.action,
        caseKey: channelLinkAuditKey(entry.link),
        detail: { channel: auditChannelOf(channelId), ...(entry.repeat ? { repeat: true } : {}) },
      });
    }
  } catch (cause) {
    throw new ReviewError(
      'AUDIT_UNAVAILABLE',
      [],
      'Done, but it could not be recorded in the audit log yet. Do it again.',
      { cause },
    );
  }
}

/**
 * A channel's id as its audit entries name it: percent-encoded.
 *
 * @remarks A Teams thread id has an `@` (`19:...@thread.tacv2`), and the audit log refuses any detail
 * that looks like an email address (no personal data in the log: cosmos-audit-log.ts); encoded, the
 * id is kept whole and can be read back with `decodeURIComponent`.
 */
export function auditChannelOf(channelId: string): string {
  return encodeURIComponent(channelId);
}
