import { decodeJwt, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose';
import type { Identity } from '../review/case.ts';
import { ReviewError } from '../review/errors.ts';
import { KeyNotFound, KeysUnavailable, type OpenIdKeys, type SigningKey } from './openid-keys.ts';

/** What a valid Teams SSO (or MSAL) token says about the caller. */
export interface SignedIn {
  readonly identity: Identity;
  /**
   * The caller's address, lower-case, only from a claim Entra ID vouches for: `upn` (always in one of
   * the tenant's verified domains), or `email` when `xms_edov` says its domain owner is verified.
   * Never `preferred_username`, which a user or admin may set to anything.
   */
  readonly verifiedEmail?: string;
  readonly name?: string;
}

export interface SsoRules {
  /** The tab's app registration: its client id and App ID URI (`api://<domain>/<client id>`). */
  readonly audiences: readonly string[];
  /**
   * The tenants whose users may sign in (lower-case GUIDs): the LA's own and its schools'. The app
   * is multi-tenant, so without this any Microsoft 365 tenant could get a valid token for it.
   */
  readonly allowedTenants: ReadonlySet<string>;
  /** The delegated scope the tab asks for. */
  readonly scope: string;
  /** Seconds of clock difference tolerated on `exp` and `nbf`. */
  readonly clockSkewSeconds: number;
}

export const SSO_SCOPE = 'access_as_user';
export const SSO_CLOCK_SKEW_SECONDS = 60;

const TENANT_PLACEHOLDER = '{tenantid}';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The caller behind `authorization` (`Bearer <token>`): an Entra ID v2 access token for the tab's
 * API, checked for signature, issuer, audience, expiry, scope and tenant. UNKNOWN_USER (401) when it
 * is not valid, SIGN_IN_UNAVAILABLE (503) when the keys cannot be had in time.
 *
 * @remarks A multi-tenant app's tokens come from every tenant's issuer,
 * `https://login.microsoftonline.com/{tid}/v2.0`: the issuer is built from the token's own `tid`
 * (the metadata's `{tenantid}` template) after the `tid` is found on the allow-list, so a token of
 * one tenant cannot pass as another's and no tenant outside the list gets in.
 */
export async function verifySsoToken(
  authorization: string | undefined,
  keys: OpenIdKeys,
  rules: SsoRules,
): Promise<SignedIn> {
  const token = bearerToken(authorization);
  const unverified = peek(token);
  const tid = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : '';
  if (!GUID.test(tid)) throw refused('the token names no tenant (tid)');
  if (!rules.allowedTenants.has(tid)) throw refused('your organisation is not one this service admits');
  const issuer = (await keysCall(() => keys.issuer())).replace(TENANT_PLACEHOLDER, tid);
  const payload = await verified(token, keys, {
    issuer,
    audience: [...rules.audiences],
    clockTolerance: rules.clockSkewSeconds,
    algorithms: ['RS256'],
    requiredClaims: ['exp', 'iat', 'oid', 'tid'],
  });
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(rules.scope)) throw refused(`the token does not grant ${rules.scope}`);
  const oid = typeof payload.oid === 'string' ? payload.oid.toLowerCase() : '';
  if (!GUID.test(oid)) throw refused('the token names no user (oid)');
  const verifiedEmail = verifiedEmailOf(payload);
  return {
    identity: { tenantId: tid, objectId: oid },
    ...(verifiedEmail ? { verifiedEmail } : {}),
    ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
  };
}

function verifiedEmailOf(payload: JWTPayload): string | undefined {
  const address = (value: unknown) =>
    typeof value === 'string' && value.includes('@') && !value.includes('#EXT#')
      ? value.toLowerCase()
      : undefined;
  return address(payload.upn) ?? (payload.xms_edov === true ? address(payload.email) : undefined);
}

/** The token of an `Authorization: Bearer` header; UNKNOWN_USER naming the header otherwise. */
export function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(
    authorization?.trim() ?? '',
  );
  if (!match?.[1]) throw refused(authorization ? 'not a bearer token' : 'missing: sign in first');
  return match[1];
}

function peek(token: string): JWTPayload {
  try {
    decodeProtectedHeader(token);
    return decodeJwt(token);
  } catch {
    throw refused('not a token');
  }
}

/**
 * jwtVerify with the issuer's key for the token's `kid`, its errors in the catalogue's words.
 * `acceptKey` may refuse a published key for this token (throwing UNKNOWN_USER).
 */
export async function verified(
  token: string,
  keys: OpenIdKeys,
  options: Parameters<typeof jwtVerify>[2] & object,
  acceptKey?: (key: SigningKey) => void,
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        if (!header.kid) throw new KeyNotFound();
        const key = await keys.key(header.kid);
        acceptKey?.(key);
        return key.key;
      },
      options,
    );
    return payload;
  } catch (error) {
    if (error instanceof KeysUnavailable) throw unavailable(error);
    if (error instanceof KeyNotFound) throw refused(error.message);
    if (error instanceof errors.JWTExpired) throw refused('the token has expired: sign in again');
    if (error instanceof errors.JWTClaimValidationFailed)
      throw refused(`the token's ${error.claim} is not accepted`);
    if (error instanceof errors.JWSSignatureVerificationFailed)
      throw refused('the token signature is not valid');
    if (error instanceof errors.JOSEError) throw refused('the token is not valid');
    throw error;
  }
}

export async function keysCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof KeysUnavailable) throw unavailable(error);
    throw error;
  }
}

export function refused(message: string): ReviewError {
  return new ReviewError('UNKNOWN_USER', [{ where: 'Authorization', message }]);
}

function unavailable(error: KeysUnavailable): ReviewError {
  return new ReviewError(
    'SIGN_IN_UNAVAILABLE',
    [{ where: 'Authorization', message: error.message }],
    undefined,
    {
      cause: error,
    },
  );
}
