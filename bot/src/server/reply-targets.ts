import type { Mode } from '../api/authenticate.ts';
import { isLoopback } from '../config.ts';

/** Where an activity asks the bot to send its replies, and the proof the channel gave (azure mode). */
export interface ReplyTarget {
  /** The activity's `serviceUrl`, already a valid http(s) URL (activity-schema.ts). */
  readonly serviceUrl: string;
  /** The request's `Authorization` header: the Bot Framework token, whose `serviceurl` claim vouches for it. */
  readonly authorization?: string;
}

/**
 * Whether the bot may send replies to an activity's `serviceUrl`; an activity it may not reply to is
 * refused (400) before the bot runs. The one place this is decided.
 *
 * @remarks The bot posts its answer, which can list children, to whatever `serviceUrl` the activity
 * names. Local mode takes activities without a token, so any local process (or a web page, were the
 * edge's other rules to fail) could name its own address and receive a coordinator's case list, or
 * make the server probe the network for it: local mode replies to loopback only. Azure mode replies
 * where the channel's token vouches for it: its `serviceurl` claim must equal the activity's
 * (`vouchesForServiceUrl` in identity/channel-token.ts, which main.ts passes as the rule); without a
 * rule given, azure mode replies nowhere.
 */
export type ReplyTargetRule = (target: ReplyTarget) => boolean | Promise<boolean>;

/** Local mode: a loopback `serviceUrl` only (the Agents Playground, a test's reply server). */
export const loopbackReplyTargets: ReplyTargetRule = ({ serviceUrl }) => {
  const { hostname } = new URL(serviceUrl);
  return isLoopback(hostname.replace(/^\[|\]$/g, ''));
};

/** Azure mode without the channel's keys to check against: nowhere (main.ts gives the real rule). */
export const azureReplyTargets: ReplyTargetRule = () => false;

export function replyTargetRule(mode: Mode): ReplyTargetRule {
  return mode === 'local' ? loopbackReplyTargets : azureReplyTargets;
}
