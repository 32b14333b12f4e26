import { isServiceError, type ServiceError } from './errors';
import { requestJson, type JsonRequest } from './http';

/**
 * When and how long to try a request again. Pure: the clock, the sleep and the dice are injected, so tests are
 * deterministic and instant.
 *
 * - At most `maxAttempts` tries in all (3).
 * - Retried: 429, and 502/503/504 (the service or a gateway said "not now"); for requests that must not run twice
 *   (`retryOn: 'throttledOnly'`, e.g. completing a connection with a single-use code), only 429, which is a refusal
 *   before any work.
 * - Not retried: a 500 (a fault in the service; asking again triples its load for the same answer), a timeout (the
 *   user already waited 8 s; three tries would be 24 s of spinner — *Retry* is one click), offline (the browser
 *   knows; an immediate retry cannot help), and every 4xx other than 429.
 * - Waiting: the server's Retry-After (seconds or an HTTP date, already parsed into the error) when it gave one,
 *   otherwise exponential backoff with full jitter: a random time in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))].
 * - A Retry-After longer than `maxInlineWaitMs` is not waited out inside the request: the error goes to the caller at
 *   once (the pane then shows "LinkedIn's limit is reached, try later" and the person's throttle lock holds until then).
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxInlineWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 4000, maxInlineWaitMs: 10_000 };

export interface RetryEnvironment {
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Resolves after `ms`; rejects when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in [0, 1). */
  random: () => number;
}

export type RetryOptions = Partial<RetryPolicy & RetryEnvironment>;

/** Which failures a request may be tried again after. */
export type RetryOn = 'transient' | 'throttledOnly';

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const DEFAULT_RETRY_ENVIRONMENT: RetryEnvironment = { now: () => Date.now(), sleep: defaultSleep, random: Math.random };

/** Whether this failure may be tried again at all (regardless of how many tries are left). */
export function isRetryable(error: unknown, retryOn: RetryOn = 'transient'): error is ServiceError {
  if (!isServiceError(error)) return false;
  if (error.kind === 'throttled') return true;
  if (retryOn === 'throttledOnly') return false;
  return error.kind === 'server' && (error.status === 502 || error.status === 503 || error.status === 504);
}

/** How long to wait after failed try number `attempt` (1-based). */
export function backoffDelayMs(attempt: number, error: ServiceError, policy: RetryPolicy, random: () => number): number {
  if (error.retryAfterSeconds !== undefined) return error.retryAfterSeconds * 1000;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Runs `operation` until it succeeds, fails with something not worth retrying, or the tries are used up; the last
 * error is thrown as it came. `operation` receives the try number (1-based).
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions & { retryOn?: RetryOn; signal?: AbortSignal } = {},
): Promise<T> {
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
    baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    maxInlineWaitMs: options.maxInlineWaitMs ?? DEFAULT_RETRY_POLICY.maxInlineWaitMs,
  };
  const sleep = options.sleep ?? DEFAULT_RETRY_ENVIRONMENT.sleep;
  const random = options.random ?? DEFAULT_RETRY_ENVIRONMENT.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= policy.maxAttempts || !isRetryable(error, options.retryOn)) throw error;
      const wait = backoffDelayMs(attempt, error, policy, random);
      if (wait > policy.maxInlineWaitMs) throw error;
      await sleep(wait, options.signal);
    }
  }
}

/** A request to a service without its token: the sender adds it. */
export type TokenlessRequest<T> = Omit<JsonRequest<T>, 'bearerToken'>;

/**
 * Sends requests as withRetry tries them, with a token asked for on each try (`token(request, false)`); a token the
 * service refused (`refused(error)`) is replaced by a fresh one (`token(request, true)`) once, and a second refusal is
 * the caller's error. The Graph and insights clients' senders, one piece.
 */
export function tokenSender<Extra extends object = Record<never, never>>(
  token: (request: Extra, forceRefresh: boolean) => Promise<string>,
  refused: (error: unknown) => boolean,
  options: { retry?: RetryOptions; timeoutMs?: number },
) {
  const retry = options.retry ?? {};
  const once = async <T>(request: TokenlessRequest<T> & Extra, forceRefresh: boolean): Promise<T> =>
    requestJson({
      timeoutMs: options.timeoutMs,
      now: retry.now,
      ...request,
      // Already on its way (with a token of its own): its answer is this try's.
      ...(request.sent ? {} : { bearerToken: await token(request, forceRefresh) }),
    });
  return <T>(request: TokenlessRequest<T> & Extra, retryOn: RetryOn = 'transient'): Promise<T> => {
    // A request already sent is the first try's only: a retry, or a fresh token after a refusal, sends anew.
    let sent = request.sent;
    return withRetry(
      async () => {
        const thisTry = { ...request, sent };
        sent = undefined;
        try {
          return await once(thisTry, false);
        } catch (error) {
          if (!refused(error)) throw error;
          return once({ ...request, sent: undefined }, true);
        }
      },
      { ...retry, retryOn, signal: request.signal },
    );
  };
}
