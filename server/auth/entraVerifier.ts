import { createHash } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { LruMap } from '../../src/shared/lruMap';
import { createTenantKeySet, KeySetUnavailableError, type TenantKeySet } from './tenantKeys';

/** The signed-in Microsoft Entra user a call is made for: tenant id + object id. */
export interface EntraUser {
  tenantId: string;
  objectId: string;
  /**
   * The token's `groups` claim (groups assigned to the application). Undefined when the claim is absent or the token
   * says it overflowed: membership is then unknown, never assumed.
   */
  groups: readonly string[] | undefined;
}

export interface EntraVerifierOptions {
  appId: string;
  allowedTenants: readonly string[];
  /** Key location base: keys are read from `${authority}/${tenant}/discovery/v2.0/keys`. */
  authority: string;
  /** Keys are kept at most this long (10 minutes); an unknown `kid` fetches them again sooner (after a 30 s cool-down). */
  keyCacheMaxAgeMs?: number;
  /** Verified tokens remembered (see createVerifiedTokens); 0 turns the memory off. */
  verifiedTokens?: { max: number; maxAgeMs: number };
  /** The clock the remembered tokens' lifetimes are checked on (tests move it). */
  now?: () => number;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`access token refused: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

export type EntraVerifier = (token: string) => Promise<EntraUser>;

/** Issuer of a v2 access token; the ONLY issuers accepted are this, for a tenant on the allowlist. */
export const entraIssuer = (tenantId: string): string => `https://login.microsoftonline.com/${tenantId}/v2.0`;
export const REQUIRED_SCOPE = 'access_as_user';
export const MAX_TOKEN_LENGTH = 8192;
const MAX_SKEW_SECONDS = 300;
/**
 * The longest an Entra access token lives (continuous access evaluation's 20 to 28 hours; 60 to 90 minutes otherwise):
 * a token issued longer ago, issued in the future, or claiming a longer life was not issued as Entra issues them.
 */
export const MAX_TOKEN_AGE_SECONDS = 28 * 3600;
export const KEY_SET_MAX_AGE_MS = 10 * 60 * 1000;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A compact JWS exactly as RFC 7515 writes it: three parts of unpadded base64url whose last character carries no
 * stray bits. Decoders accept more (padding, stray bits, other characters), so without this check one signed token
 * has many spellings, each verified and remembered as a different token.
 */
export function isCanonicalCompactJws(token: string): boolean {
  const parts = token.split('.');
  return (
    parts.length === 3 &&
    parts.every((part) => part.length > 0 && /^[A-Za-z0-9_-]+$/.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part)
  );
}

/**
 * Checks a Microsoft Entra v2 access token for the service: canonical compact JWS; RS256 only; the tenant must be on
 * the allowlist and the issuer exactly that tenant's v2 issuer (the expected issuer is built from the allowlist entry,
 * the token's own `tid` only selects which entry); keys from that tenant's key set (tenantKeys.ts: at most 10 minutes
 * old); audience = the app id; `scp` has access_as_user; exp/nbf within 5 minutes' skew; `iat` neither in the future
 * nor over 28 hours ago, and no longer a life than that; `tid` equals the issuer's tenant; `oid` present.
 */
export function createEntraVerifier(options: EntraVerifierOptions): EntraVerifier {
  const tenants = new Map(options.allowedTenants.map((t) => [t.toLowerCase(), t.toLowerCase()]));
  const now = options.now ?? Date.now;
  const keySets = new Map<string, TenantKeySet>();
  const keySetFor = (tenant: string): TenantKeySet => {
    let keySet = keySets.get(tenant);
    if (!keySet) {
      keySet = createTenantKeySet(new URL(`${options.authority}/${tenant}/discovery/v2.0/keys`), {
        maxAgeMs: options.keyCacheMaxAgeMs ?? KEY_SET_MAX_AGE_MS,
        cooldownMs: 30_000,
        timeoutMs: 5_000,
        now,
      });
      keySets.set(tenant, keySet);
    }
    return keySet;
  };

  const verified = createVerifiedTokens(options.verifiedTokens ?? DEFAULT_VERIFIED_TOKENS, now);
  const verifyFully = async (token: string): Promise<{ user: EntraUser; payload: JWTPayload; keysFetchedAt: number }> => {
    let unverified: JWTPayload;
    try {
      if (decodeProtectedHeader(token).alg !== 'RS256') throw new InvalidTokenError('algorithm not allowed');
      unverified = decodeJwt(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError('malformed token');
    }
    const claimedTenant = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : '';
    const tenant = tenants.get(claimedTenant);
    if (!tenant) throw new InvalidTokenError('tenant not allowed');

    let payload: JWTPayload;
    const keySet = keySetFor(tenant);
    try {
      ({ payload } = await jwtVerify(token, keySet.getKey, {
        algorithms: ['RS256'],
        issuer: entraIssuer(tenant),
        audience: options.appId,
        clockTolerance: MAX_SKEW_SECONDS,
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        currentDate: new Date(now()),
        requiredClaims: ['exp', 'nbf', 'iat', 'tid', 'oid', 'scp'],
      }));
    } catch (error) {
      if (error instanceof KeySetUnavailableError) throw new InvalidTokenError(error.message);
      throw new InvalidTokenError(error instanceof joseErrors.JOSEError ? error.code : 'verification failed');
    }
    return { user: userOf(payload, tenant), payload, keysFetchedAt: keySet.fetchedAt() ?? 0 };
  };

  return async (token: string): Promise<EntraUser> => {
    if (token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('token too large');
    // Only a token that passed every check below is remembered, by its exact bytes: one remembered needs no check again.
    const remembered = verified.get(token);
    if (remembered) return remembered;
    if (!isCanonicalCompactJws(token)) throw new InvalidTokenError('not a canonical compact JWS');
    const { user, payload, keysFetchedAt } = await verifyFully(token);
    verified.remember(token, user, payload, keysFetchedAt);
    return user;
  };
}

/** The user of a token whose signature, issuer, audience and times are checked: the claims jose does not check. */
function userOf(payload: JWTPayload, tenant: string): EntraUser {
  if ((payload.exp ?? 0) - (payload.iat ?? 0) > MAX_TOKEN_AGE_SECONDS) throw new InvalidTokenError('lifetime longer than Entra issues');
  if (payload.ver !== '2.0') throw new InvalidTokenError('not a v2 token');
  if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== tenant) throw new InvalidTokenError('tid does not match issuer');
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(REQUIRED_SCOPE)) throw new InvalidTokenError('scope missing');
  const oid = typeof payload.oid === 'string' ? payload.oid.toLowerCase() : '';
  if (!GUID.test(oid)) throw new InvalidTokenError('no object id');
  return { tenantId: tenant, objectId: oid, groups: groupsClaim(payload) };
}

const DEFAULT_VERIFIED_TOKENS = { max: 10_000, maxAgeMs: 10 * 60 * 1000 };

/**
 * Tokens that passed every check, remembered by their SHA-256 (never the token itself) so the pane's next calls with
 * the same bytes skip the signature check, as API gateways do (e.g. Envoy's JWT cache). A remembered token still
 * answers only inside its own validity window (exp/nbf with the same skew), for at most maxAgeMs after it was
 * verified, and no longer than the key set that verified it may be kept (10 minutes from its fetch), so a key Entra
 * withdraws stops working within 10 minutes. Least recently used entries leave first.
 */
function createVerifiedTokens(limits: { max: number; maxAgeMs: number }, now: () => number) {
  const entries = new LruMap<string, { user: EntraUser; validFrom: number; validUntil: number }>(Math.max(1, limits.max));
  const keyOf = (token: string) => createHash('sha256').update(token).digest('base64');
  return {
    get(token: string): EntraUser | undefined {
      if (limits.max === 0) return undefined;
      const key = keyOf(token);
      const entry = entries.get(key);
      if (!entry) return undefined;
      const at = now();
      if (at >= entry.validUntil || at < entry.validFrom) {
        entries.delete(key);
        return undefined;
      }
      return entry.user;
    },
    remember(token: string, user: EntraUser, payload: JWTPayload, keysFetchedAt: number): void {
      if (limits.max === 0 || typeof payload.exp !== 'number' || typeof payload.nbf !== 'number') return;
      const at = now();
      const validUntil = Math.min((payload.exp + MAX_SKEW_SECONDS) * 1000, at + limits.maxAgeMs, keysFetchedAt + KEY_SET_MAX_AGE_MS);
      entries.set(keyOf(token), { user, validFrom: (payload.nbf - MAX_SKEW_SECONDS) * 1000, validUntil });
    },
  };
}

/** Groups assigned to the app, or undefined when absent or overflowed (`_claim_names.groups` / `hasgroups`). */
function groupsClaim(payload: JWTPayload): readonly string[] | undefined {
  const claimNames = payload._claim_names as Record<string, unknown> | undefined;
  if (payload.hasgroups === true || (claimNames && typeof claimNames === 'object' && 'groups' in claimNames)) return undefined;
  const groups = payload.groups;
  if (!Array.isArray(groups) || !groups.every((g): g is string => typeof g === 'string')) return undefined;
  return groups.map((g) => g.toLowerCase());
}
