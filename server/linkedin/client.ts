import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import * as z from '../../src/contract/zod';
import { metrics } from '../metrics';
import { LINKEDIN_ISSUER, LINKEDIN_SCOPES, type LinkedInConfig } from '../linkedinConfig';

/**
 * The LinkedIn OpenID Connect client: the service's side of "Sign In with LinkedIn using OpenID Connect". LinkedIn's
 * web flow refuses PKCE, so this is a confidential client: the code is exchanged with the client secret, server to
 * server. Every call is abandoned after `timeoutMs`; every answer is parsed before use; nothing here logs.
 */

/** Why a call to LinkedIn failed, in words a log line may carry (never a token, code or secret). */
export type LinkedInFailure =
  | 'timeout' // no answer within the time limit
  | 'unreachable' // network error
  | 'refused' // LinkedIn answered 4xx (a bad or used code, a revoked token)
  | 'failed' // LinkedIn answered 5xx
  | 'badResponse' // an answer that does not parse
  | 'idToken'; // the id_token failed verification (signature, issuer, audience, nonce, lifetime)

export class LinkedInError extends Error {
  /**
   * An access token LinkedIn issued that the service refuses to use (its id_token failed verification): the caller
   * must have it revoked. Not enumerable, so no log line or serializer ever sees it.
   */
  declare readonly unusedGrant?: { accessToken: string; expiresAt: Date };

  constructor(
    readonly failure: LinkedInFailure,
    detail: string,
    unusedGrant?: { accessToken: string; expiresAt: Date },
  ) {
    super(`LinkedIn ${failure}: ${detail}`);
    this.name = 'LinkedInError';
    if (unusedGrant) Object.defineProperty(this, 'unusedGrant', { value: unusedGrant, enumerable: false });
  }
}

/** What a completed LinkedIn sign-in yields. */
export interface LinkedInGrant {
  accessToken: string;
  /** LinkedIn's access tokens last 60 days and come without a refresh token. */
  expiresAt: Date;
  /** The member's LinkedIn subject (the id_token's `sub`). */
  subject: string;
}

/** The member's own profile, as `userinfo` gives it (scopes profile + email). */
export interface LinkedInMember {
  sub: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  picture?: string;
  email?: string;
  emailVerified?: boolean;
  locale?: string;
}

export interface LinkedInClient {
  /** The address of LinkedIn's authorization page for one attempt, with its own `state` and `nonce`. */
  authorizationUrl: (attempt: { state: string; nonce: string }) => string;
  /** Exchanges a code for tokens and verifies the id_token (LinkedIn's keys, issuer, audience = client id, nonce). */
  exchangeCode: (code: string, nonce: string) => Promise<LinkedInGrant>;
  userinfo: (accessToken: string) => Promise<LinkedInMember>;
  /** Asks LinkedIn to revoke a token; throws on failure (callers treat it as best effort). */
  revoke: (accessToken: string) => Promise<void>;
}

/** A fresh, unguessable value (256 bits) for `state`, `nonce` and the service's own codes. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

const tokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1), z.maxLength(4096)),
  expires_in: z.number().check(z.positive(), z.maximum(366 * 24 * 3600)),
  id_token: z.string().check(z.minLength(1), z.maxLength(16_384)),
});

const userinfoSchema = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.optional(z.string().check(z.maxLength(400))),
  given_name: z.optional(z.string().check(z.maxLength(200))),
  family_name: z.optional(z.string().check(z.maxLength(200))),
  picture: z.optional(z.string().check(z.maxLength(2048))),
  email: z.optional(z.string().check(z.maxLength(320))),
  email_verified: z.optional(z.boolean()),
  locale: z.optional(z.unknown()),
});

export interface LinkedInClientOptions {
  /** Overrides the key set (tests); by default LinkedIn's JWKS through jose's cached remote key set. */
  keys?: JWTVerifyGetKey;
  now?: () => Date;
}

/** Which call this is (token, userinfo, revoke), for the metrics. */
function callName(endpoints: LinkedInConfig['endpoints'], url: string): string {
  return Object.entries(endpoints).find(([, endpoint]) => endpoint === url)?.[0] ?? 'other';
}

/** One request to LinkedIn, abandoned after the time limit; a non-2xx answer is a typed failure (its body unread). */
async function callLinkedIn(config: LinkedInConfig, url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(config.timeoutMs) });
  } catch (error) {
    const name = (error as { name?: string }).name;
    const failure = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable';
    metrics.linkedInCall(callName(config.endpoints, url), failure);
    throw new LinkedInError(failure, new URL(url).pathname);
  }
  metrics.linkedInCall(callName(config.endpoints, url), response.ok ? 'ok' : response.status >= 500 ? 'failed' : 'refused');
  if (response.ok) return response;
  await response.body?.cancel();
  throw new LinkedInError(response.status >= 500 ? 'failed' : 'refused', `${new URL(url).pathname} answered ${response.status}`);
}

async function json(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new LinkedInError('badResponse', 'not JSON');
  }
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  body: new URLSearchParams(fields).toString(),
});

/**
 * The member's subject from a verified id_token (LinkedIn's keys, RS256, issuer, audience = client id, nonce,
 * lifetime). On any failure the grant travels with the error, so the caller revokes the token it will not use.
 */
async function verifiedSubject(
  idToken: string,
  expected: { keys: JWTVerifyGetKey; clientId: string; nonce: string; now: Date },
  grant: { accessToken: string; expiresAt: Date },
): Promise<string> {
  try {
    const { payload } = await jwtVerify(idToken, expected.keys, {
      algorithms: ['RS256'],
      issuer: LINKEDIN_ISSUER,
      audience: expected.clientId,
      clockTolerance: 300,
      currentDate: expected.now,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    if (typeof payload.nonce !== 'string' || payload.nonce !== expected.nonce)
      throw new LinkedInError('idToken', 'nonce does not match', grant);
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new LinkedInError('idToken', 'no subject', grant);
    return payload.sub;
  } catch (error) {
    if (error instanceof LinkedInError) throw error;
    if (error instanceof joseErrors.JWKSTimeout) throw new LinkedInError('timeout', 'JWKS', grant);
    throw new LinkedInError('idToken', (error as { code?: string }).code ?? 'not verifiable', grant);
  }
}

function memberOf(data: z.output<typeof userinfoSchema>): LinkedInMember {
  return {
    sub: data.sub,
    name: data.name,
    givenName: data.given_name,
    familyName: data.family_name,
    picture: data.picture,
    email: data.email,
    emailVerified: data.email_verified,
    locale: typeof data.locale === 'string' ? data.locale : undefined,
  };
}

export function createLinkedInClient(config: LinkedInConfig, options: LinkedInClientOptions = {}): LinkedInClient {
  const { endpoints, clientId, clientSecret, timeoutMs } = config;
  // Fetched once, then cached; refetched (at most every 30 s) only when an unknown `kid` appears.
  const keys =
    options.keys ??
    createRemoteJWKSet(new URL(endpoints.jwks), { timeoutDuration: timeoutMs, cooldownDuration: 30_000, cacheMaxAge: 3_600_000 });
  const now = options.now ?? (() => new Date());

  return {
    authorizationUrl({ state, nonce }) {
      const url = new URL(endpoints.authorization);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: config.callbackUrl,
        scope: LINKEDIN_SCOPES,
        state,
        nonce,
      }).toString();
      return url.href;
    },

    async exchangeCode(code, nonce) {
      const response = await callLinkedIn(
        config,
        endpoints.token,
        form({
          grant_type: 'authorization_code',
          code,
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uri: config.callbackUrl,
        }),
      );
      const parsed = tokenResponseSchema.safeParse(await json(response));
      if (!parsed.success) throw new LinkedInError('badResponse', 'token answer does not parse');
      const grant = { accessToken: parsed.data.access_token, expiresAt: new Date(now().getTime() + parsed.data.expires_in * 1000) };
      const subject = await verifiedSubject(parsed.data.id_token, { keys, clientId, nonce, now: now() }, grant);
      return { ...grant, subject };
    },

    async userinfo(accessToken) {
      const response = await callLinkedIn(config, endpoints.userinfo, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      });
      const parsed = userinfoSchema.safeParse(await json(response));
      if (!parsed.success) throw new LinkedInError('badResponse', 'userinfo answer does not parse');
      return memberOf(parsed.data);
    },

    async revoke(accessToken) {
      await callLinkedIn(config, endpoints.revoke, form({ client_id: clientId, client_secret: clientSecret, token: accessToken }));
    },
  };
}
