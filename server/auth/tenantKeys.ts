import { createLocalJWKSet, errors as joseErrors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/**
 * One tenant's Entra signing keys, fetched from its key set and kept at most `maxAgeMs` (10 minutes): a key Entra
 * withdraws is gone from here by then. A token naming a key not in the set (Entra rotated) fetches the set again at
 * once, but never more often than every `cooldownMs`, so forged `kid`s cannot make the service hammer Entra; nor is a
 * set that failed to arrive asked for again before then (calls are refused meanwhile: no stale keys, fail closed).
 * The clock is the verifier's, so tests move it.
 */
export interface TenantKeySet {
  getKey: JWTVerifyGetKey;
  /** When the keys in use were fetched (ms on the given clock); undefined before the first fetch. */
  fetchedAt: () => number | undefined;
}

export interface TenantKeySetOptions {
  maxAgeMs: number;
  cooldownMs: number;
  timeoutMs: number;
  now: () => number;
}

export class KeySetUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`tenant key set unavailable: ${reason}`);
    this.name = 'KeySetUnavailableError';
  }
}

export function createTenantKeySet(url: URL, options: TenantKeySetOptions): TenantKeySet {
  let keys: ReturnType<typeof createLocalJWKSet> | undefined;
  let fetchedAt: number | undefined;
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let failedAt: number | undefined;
  let pending: Promise<void> | undefined;

  const fetchKeys = async (): Promise<void> => {
    lastAttempt = options.now();
    failedAt = lastAttempt;
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: 'application/json' },
      });
    } catch {
      throw new KeySetUnavailableError('no answer');
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new KeySetUnavailableError(`answered ${response.status}`);
    }
    let set: ReturnType<typeof createLocalJWKSet>;
    try {
      set = createLocalJWKSet((await response.json()) as JSONWebKeySet);
    } catch {
      throw new KeySetUnavailableError('not a key set');
    }
    keys = set;
    fetchedAt = lastAttempt;
    failedAt = undefined;
  };
  /** One fetch at a time; callers arriving meanwhile wait for it. */
  const reload = (): Promise<void> => (pending ??= fetchKeys().finally(() => (pending = undefined)));
  const within = (at: number | undefined) => at !== undefined && options.now() - at < options.cooldownMs;

  return {
    fetchedAt: () => fetchedAt,
    async getKey(header, token) {
      const stale = fetchedAt === undefined || options.now() - fetchedAt >= options.maxAgeMs;
      if (stale || !keys) {
        // A set that just failed to arrive is not asked for again before the cool-down: refused until then.
        if (within(failedAt) && !pending) throw new KeySetUnavailableError('cooling down after a failed fetch');
        await reload();
      }
      const current = keys;
      if (!current) throw new KeySetUnavailableError('no keys');
      try {
        return await current(header, token);
      } catch (error) {
        if (!(error instanceof joseErrors.JWKSNoMatchingKey) || within(lastAttempt)) throw error;
        await reload();
        if (!keys) throw error;
        return keys(header, token);
      }
    },
  };
}
