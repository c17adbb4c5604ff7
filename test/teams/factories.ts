import { DEMO_TENANT_ID } from '../../bot/src/demo/demo-users.ts';

let sequence = 0;

/** A Teams message activity as the channel posts it to /api/messages, from `aadObjectId`. */
export function makeMessageActivity(
  serviceUrl: string,
  aadObjectId: string,
  text: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    timestamp: '2026-11-23T10:00:00.000Z',
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:user-${aadObjectId}`, name: 'Someone', aadObjectId },
    recipient: { id: '28:ehc-review-hub', name: 'EHC Review Hub' },
    conversation: {
      id: `a:personal-chat-${sequence}`,
      conversationType: 'personal',
      tenantId: DEMO_TENANT_ID,
    },
    text,
    textFormat: 'plain',
    locale: 'en-GB',
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    ...overrides,
  };
}

/** The same message posted in a channel: the bot is @mentioned and the tenant is only in channelData. */
export function makeChannelMention(
  serviceUrl: string,
  aadObjectId: string,
  text: string,
): Record<string, unknown> {
  return mentioning(serviceUrl, aadObjectId, text, {
    conversation: { id: '19:channel@thread.tacv2', conversationType: 'channel', isGroup: true },
    channelData: { tenant: { id: DEMO_TENANT_ID }, channel: { id: '19:channel@thread.tacv2' } },
  });
}

/** The same message posted in a group chat (which may include a parent): the bot is @mentioned. */
export function makeGroupChatMention(
  serviceUrl: string,
  aadObjectId: string,
  text: string,
): Record<string, unknown> {
  return mentioning(serviceUrl, aadObjectId, text, {
    conversation: {
      id: '19:group-chat@thread.v2',
      conversationType: 'groupChat',
      isGroup: true,
      tenantId: DEMO_TENANT_ID,
    },
  });
}

/** A message that @mentions the bot, as Teams sends it in channels and group chats. */
function mentioning(
  serviceUrl: string,
  aadObjectId: string,
  text: string,
  where: Record<string, unknown>,
): Record<string, unknown> {
  const mention = '<at>EHC Review Hub</at>';
  return makeMessageActivity(serviceUrl, aadObjectId, `${mention} ${text}`, {
    ...where,
    entities: [
      { type: 'mention', text: mention, mentioned: { id: '28:ehc-review-hub', name: 'EHC Review Hub' } },
    ],
  });
}

/** An invoke activity as Teams posts it: `adaptiveCard/action` for an `Action.Execute`, `task/fetch`, ... */
export function makeInvokeActivity(
  serviceUrl: string,
  aadObjectId: string,
  name: string,
  value: unknown,
): Record<string, unknown> {
  const { text: _text, textFormat: _format, ...activity } = makeMessageActivity(serviceUrl, aadObjectId, '');
  return { ...activity, type: 'invoke', name, value };
}

/** The invoke an `Action.Execute` button sends when pressed. */
export function makeCardAction(
  serviceUrl: string,
  aadObjectId: string,
  verb: string,
  data: Record<string, unknown> = {},
): Record<string, unknown> {
  return makeInvokeActivity(serviceUrl, aadObjectId, 'adaptiveCard/action', {
    action: { type: 'Action.Execute', verb, data },
    trigger: 'manual',
  });
}
