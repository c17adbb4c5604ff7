import type { JWTPayload } from 'jose';
import { ReviewError } from '../review/errors.ts';
import type { OpenIdKeys, SigningKey } from './openid-keys.ts';
import { bearerToken, keysCall, refused, verified } from './sso-token.ts';

/** What the Bot Framework's token must say for an activity to be taken. */
export interface ChannelRules {
  /** The bot's app id: the token's audience. */
  readonly appId: string;
  /** Seconds of clock difference tolerated; the Bot Framework's own libraries allow 5 minutes. */
  readonly clockSkewSeconds: number;
  /** Lower-case tenant ids the bot serves: the same list as the tab's sign-in (config.ts). */
  readonly allowedTenants: ReadonlySet<string>;
}

export const CHANNEL_CLOCK_SKEW_SECONDS = 300;

/** The parts of an activity its token vouches for, and the tenant Teams says it comes from. */
export interface ChannelActivity {
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly conversation?: { readonly id?: unknown; readonly tenantId?: unknown };
  readonly channelData?: unknown;
}

/** Teams names the tenant in `conversation.tenantId`, and in channels in `channelData.tenant.id`. */
export function activityTenant(activity: ChannelActivity): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenant = activity.conversation?.tenantId ?? channelData?.tenant?.id;
  return typeof tenant === 'string' && tenant ? tenant.toLowerCase() : undefined;
}

/**
 * The claims of the Bot Framework's token on an activity posted to the bot, checked as the Bot
 * Connector's authentication spec says: signed with a key of the Bot Framework's OpenID metadata that
 * is endorsed for the activity's channel, issued by its issuer (`https://api.botframework.com`), for
 * this bot, unexpired, and naming the activity's `serviceUrl` in its `serviceurl` claim.
 * The activity must come from a tenant the service admits, like the tab's sign-in. UNKNOWN_USER
 * (401) otherwise; SIGN_IN_UNAVAILABLE (503) when the keys cannot be had in time.
 *
 * @remarks The `serviceUrl` check is what stops a forged activity from pointing the bot's replies
 * (and its access token) at another server: the bot replies only where the channel vouched it may.
 */
export async function verifyChannelToken(
  authorization: string | undefined,
  activity: ChannelActivity,
  keys: OpenIdKeys,
  rules: ChannelRules,
): Promise<JWTPayload> {
  const payload = await channelClaims(authorization, keys, rules, ({ jwk }) => {
    if (jwk.endorsements && !jwk.endorsements.includes(activity.channelId))
      throw refused(`the signing key is not endorsed for the channel ${activity.channelId}`);
  });
  if (!sameServiceUrl(payload.serviceurl, activity.serviceUrl))
    throw refused('the token does not vouch for the activity’s serviceUrl');
  const tenant = activityTenant(activity);
  if (!tenant || !rules.allowedTenants.has(tenant))
    throw refused('the activity’s organisation (tenant) is not one this service admits');
  return payload;
}

/**
 * Whether the Bot Framework's token in `authorization` vouches for replies to `serviceUrl`: azure
 * mode's rule for where the bot may reply (server/reply-targets.ts). Any refusal is a no.
 */
export async function vouchesForServiceUrl(
  authorization: string | undefined,
  serviceUrl: string,
  keys: OpenIdKeys,
  rules: Pick<ChannelRules, 'appId' | 'clockSkewSeconds'>,
): Promise<boolean> {
  try {
    return sameServiceUrl((await channelClaims(authorization, keys, rules)).serviceurl, serviceUrl);
  } catch (error) {
    if (error instanceof ReviewError) return false;
    throw error;
  }
}

async function channelClaims(
  authorization: string | undefined,
  keys: OpenIdKeys,
  rules: Pick<ChannelRules, 'appId' | 'clockSkewSeconds'>,
  acceptKey?: (key: SigningKey) => void,
): Promise<JWTPayload> {
  const token = bearerToken(authorization);
  const issuer = await keysCall(() => keys.issuer());
  return verified(
    token,
    keys,
    {
      issuer,
      audience: rules.appId,
      clockTolerance: rules.clockSkewSeconds,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'serviceurl'],
    },
    acceptKey,
  );
}

/** The Bot Framework compares service URLs as strings; a trailing slash is not a difference. */
function sameServiceUrl(claim: unknown, serviceUrl: string): boolean {
  const trim = (url: string) => url.replace(/\/+$/, '').toLowerCase();
  return typeof claim === 'string' && claim !== '' && trim(claim) === trim(serviceUrl);
}
