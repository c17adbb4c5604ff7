import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

/**
 * An OpenID Connect issuer on loopback: a metadata document and a JWKS of a key made for the test,
 * and tokens signed with it, so the server's real validation runs against keys the test controls.
 */
export interface TokenIssuer {
  readonly metadataUrl: string;
  /** The metadata's `issuer`, `{tenantid}` filled in with `tenantId` when it is a template. */
  issuerFor(tenantId?: string): string;
  /** A token signed with the published key (or `with`), claims merged over nothing else. */
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** Publishes a new key in place of the old one (a key roll-over). */
  rotate(): Promise<void>;
  /** From now on, accept connections and never answer (a black-holed endpoint). */
  blackHole(): void;
  /** How many times the metadata and the JWKS were fetched; `requests` counts unanswered ones too. */
  readonly fetches: { metadata: number; jwks: number; requests: number };
  close(): Promise<void>;
}

export interface SignOptions {
  /** Sign with a key that is not published, under the published key's kid (a forgery). */
  readonly forged?: boolean;
  /** The `kid` header; the published key's by default. */
  readonly kid?: string;
  /** Seconds from now; 3600 by default. Negative: already expired. */
  readonly expiresIn?: number;
  readonly issuedAt?: number;
}

interface Key {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

async function makeKey(endorsements?: readonly string[]): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', ...(endorsements ? { endorsements } : {}) };
  return { kid, privateKey, jwk };
}

export async function startTokenIssuer(
  options: {
    /** The metadata's issuer; `{base}` is replaced by the server's URL. */
    readonly issuer?: string;
    /** The Bot Framework's key endorsements (the channels a key signs for). */
    readonly endorsements?: readonly string[];
  } = {},
): Promise<TokenIssuer> {
  let key = await makeKey(options.endorsements);
  const stranger = await makeKey(options.endorsements);
  let blackHoled = false;
  const fetches = { metadata: 0, jwks: 0, requests: 0 };
  const hanging: ServerResponse[] = [];
  let base = '';
  const issuerTemplate = () => (options.issuer ?? '{base}/{tenantid}/v2.0').replace('{base}', base);
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    fetches.requests += 1;
    if (blackHoled) {
      hanging.push(response);
      return;
    }
    const json = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/.well-known/openid-configuration') {
      fetches.metadata += 1;
      json({
        issuer: issuerTemplate(),
        jwks_uri: `${base}/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    } else if (request.url === '/keys') {
      fetches.jwks += 1;
      json({ keys: [key.jwk] });
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/.well-known/openid-configuration`,
    issuerFor: (tenantId) => issuerTemplate().replace('{tenantid}', tenantId ?? '{tenantid}'),
    fetches,
    async sign(claims, signOptions = {}) {
      const now = Math.floor(Date.now() / 1000);
      const signer = signOptions.forged ? stranger : key;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signOptions.kid ?? key.kid })
        .setIssuedAt(signOptions.issuedAt ?? now)
        .setExpirationTime(now + (signOptions.expiresIn ?? 3600))
        .sign(signer.privateKey);
    },
    async rotate() {
      key = await makeKey(options.endorsements);
    },
    blackHole() {
      blackHoled = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const TENANT_LA = '3f7a2c1e-0b4d-4e8a-9c6f-1a2b3c4d5e6f';
export const TENANT_SCHOOL = '8e1d4b7a-2c3f-4a5b-8d9e-0f1a2b3c4d5e';
export const TENANT_OTHER = 'c0ffee00-1111-4222-8333-444455556666';
export const SSO_CLIENT_ID = '6a9b8c7d-1e2f-4a3b-9c8d-7e6f5a4b3c2d';
export const SSO_APP_ID_URI = `api://reviews.example.org/${SSO_CLIENT_ID}`;

/** The claims of a valid Teams SSO token of `tenantId`'s user `objectId` from `issuer`. */
export function ssoClaims(
  issuer: TokenIssuer,
  tenantId: string,
  objectId: string,
  extra: JWTPayload = {},
): JWTPayload {
  return {
    iss: issuer.issuerFor(tenantId),
    aud: SSO_CLIENT_ID,
    tid: tenantId,
    oid: objectId,
    scp: 'access_as_user',
    ver: '2.0',
    ...extra,
  };
}
