import type { ServiceError } from './errors';

/** How long a person stays locked after a final 429 that did not say how long to wait. */
export const DEFAULT_COOL_DOWN_MS = 60_000;

/**
 * After LinkedIn's limit is reached for a person (the last try answered 429), no request about that person is sent
 * until the time the service named (Retry-After) — or a default cool-down when it named none — has passed.
 * Kept in memory only, keyed by whatever the caller uses for a person; it survives a cache purge, because it is the
 * service's demand, not LinkedIn data.
 */
export class ThrottleLock {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly defaultCoolDownMs: number = DEFAULT_COOL_DOWN_MS,
  ) {}

  /** Locks the key after a final throttled answer; returns the seconds to wait. */
  lock(key: string, error: Pick<ServiceError, 'retryAfterSeconds'>): number {
    const waitMs = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : this.defaultCoolDownMs;
    const until = this.now() + waitMs;
    this.until.set(key, Math.max(until, this.until.get(key) ?? 0));
    return Math.ceil(waitMs / 1000);
  }

  /** Whole seconds until the key may be asked about again, or undefined when it may be now. */
  remainingSeconds(key: string): number | undefined {
    const until = this.until.get(key);
    if (until === undefined) return undefined;
    const left = until - this.now();
    if (left <= 0) {
      this.until.delete(key);
      return undefined;
    }
    return Math.ceil(left / 1000);
  }
}
