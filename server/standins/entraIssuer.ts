import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import type { ServiceEnvironment } from '../config';
import { entraIssuer } from '../auth/entraVerifier';

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
}

export class StandInRefusedError extends Error {}

export async function startEntraStandIn(environment: ServiceEnvironment): Promise<EntraStandIn> {
  if (environment === 'production')
    throw new StandInRefusedError('The local Entra token issuer is for the workbench and tests only: it refuses production configuration.');
  const keyId = `standin-${Date.now().toString(36)}`;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: keyId, alg: 'RS256', use: 'sig' };
  let fetches = 0;
  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(request.url ?? '')) {
      fetches += 1;
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    authority: `http://127.0.0.1:${port}`,
    keyId,
    privateKey,
    publicJwk,
    keyFetches: () => fetches,
    async issue({ tenantId, objectId, appId, groups, claims = {}, expiresIn = 3600 }) {
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
      return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' }).sign(privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
