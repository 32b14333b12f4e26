import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import type { ServiceEnvironment } from '../../server/config';
import { entraIssuer } from '../../server/auth/entraVerifier';

/**
 * A local Microsoft Entra token issuer for the workbench and the tests ONLY: its own RS256 key pair, its key set served
 * on 127.0.0.1 at `/{tenant}/discovery/v2.0/keys` (point ENTRA_AUTHORITY at `authority`), and tokens shaped like
 * Entra's v2 access tokens. It refuses to start in production configuration.
 */
export interface EntraStandIn {
  /** http://127.0.0.1:<port>: the ENTRA_AUTHORITY the service uses with this stand-in. */
  authority: string;
  keyId: string;
  privateKey: KeyLike;
  publicJwk: JWK;
  /** A valid v2 access token for `user` in `tenant` (claims may be overridden, or removed with `undefined`). */
  issue: (options: IssueOptions) => Promise<string>;
  /** How many times the key set was fetched (the service must cache it). */
  keyFetches: () => number;
  /**
   * Rotates as Entra does when it withdraws a key: a new key pair signs from now on and the key set lists only it.
   * Returns the withdrawn key, so a test can sign with it as if it had been stolen.
   */
  rotateKey: () => Promise<{ keyId: string; privateKey: KeyLike }>;
  close: () => Promise<void>;
}

export interface IssueOptions {
  tenantId: string;
  objectId: string;
  appId: string;
  groups?: string[];
  claims?: Record<string, unknown>;
  /** Seconds from now; default 3600. */
  expiresIn?: number;
  /** Signs with this key instead of the current one (e.g. one `rotateKey` withdrew). */
  key?: { keyId: string; privateKey: KeyLike };
}

export class StandInRefusedError extends Error {}

export async function startEntraStandIn(environment: ServiceEnvironment): Promise<EntraStandIn> {
  if (environment === 'production')
    throw new StandInRefusedError('The local Entra token issuer is for the workbench and tests only: it refuses production configuration.');
  let key = await newSigningKey();
  let fetches = 0;
  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(request.url ?? '')) {
      fetches += 1;
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [key.publicJwk] }));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    authority: `http://127.0.0.1:${port}`,
    get keyId() {
      return key.keyId;
    },
    get privateKey() {
      return key.privateKey;
    },
    get publicJwk() {
      return key.publicJwk;
    },
    keyFetches: () => fetches,
    async rotateKey() {
      const withdrawn = key;
      key = await newSigningKey();
      return { keyId: withdrawn.keyId, privateKey: withdrawn.privateKey };
    },
    async issue({ tenantId, objectId, appId, groups, claims = {}, expiresIn = 3600, key: signWith = key }) {
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = {
        iss: entraIssuer(tenantId),
        aud: appId,
        tid: tenantId,
        oid: objectId,
        sub: `sub-${objectId}`,
        scp: 'access_as_user',
        ver: '2.0',
        iat: now,
        nbf: now,
        exp: now + expiresIn,
        ...(groups ? { groups } : {}),
      };
      for (const [name, value] of Object.entries(claims)) {
        if (value === undefined) delete payload[name];
        else payload[name] = value;
      }
      return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: signWith.keyId, typ: 'JWT' }).sign(signWith.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let keyCount = 0;
async function newSigningKey(): Promise<{ keyId: string; privateKey: KeyLike; publicJwk: JWK }> {
  keyCount += 1;
  const keyId = `standin-${Date.now().toString(36)}-${keyCount}`;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  return { keyId, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid: keyId, alg: 'RS256', use: 'sig' } };
}
