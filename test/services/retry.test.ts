/** @jest-environment node */
import fc from 'fast-check';
import { ServiceError } from '../../src/services/errors';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryable, withRetry } from '../../src/services/retry';
import { ThrottleLock } from '../../src/services/throttleLock';

const throttled = (retryAfterSeconds?: number) => new ServiceError('throttled', '429', { status: 429, retryAfterSeconds });
const server = (status: number) => new ServiceError('server', String(status), { status });

/** Runs withRetry over a script of failures, recording every wait instead of waiting. */
async function run(failures: unknown[], options: Parameters<typeof withRetry>[1] = {}) {
  const waits: number[] = [];
  let calls = 0;
  const result = withRetry(
    async () => {
      const failure = failures[calls++];
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the script holds whatever a request may reject with.
      if (failure) throw failure;
      return 'ok';
    },
    { sleep: async (ms) => void waits.push(ms), random: () => 0.5, ...options },
  );
  return {
    outcome: await result.then(
      (v) => v,
      (e: unknown) => e,
    ),
    waits,
    calls: () => calls,
  };
}

describe('the retry policy', () => {
  test.each([
    ['429 without Retry-After', true, throttled()],
    ['429 with Retry-After', true, throttled(2)],
    ['503', true, server(503)],
    ['502', true, server(502)],
    ['504', true, server(504)],
    ['500 (a fault in the service: asking again triples its load)', false, server(500)],
    ['a timeout (the user already waited 8 s)', false, new ServiceError('timeout', 't')],
    ['offline', false, new ServiceError('offline', 'o')],
    ['401', false, new ServiceError('unauthorized', '401', { status: 401 })],
    ['403', false, new ServiceError('forbidden', '403', { status: 403 })],
    ['a bad payload', false, new ServiceError('invalidPayload', 'x')],
    ['a programming error', false, new TypeError('x')],
  ])('%s: retryable = %s', (_name, expected, error) => {
    expect(isRetryable(error)).toBe(expected);
  });

  test('a request that must not run twice is tried again only after a 429', () => {
    expect(isRetryable(throttled(), 'throttledOnly')).toBe(true);
    expect(isRetryable(server(503), 'throttledOnly')).toBe(false);
  });

  test('at most 3 tries, then the last error as it came', async () => {
    const last = throttled();
    const { outcome, calls } = await run([throttled(), throttled(), last, throttled()]);
    expect(outcome).toBe(last);
    expect(calls()).toBe(3);
  });

  test('a success on the third try is a success', async () => {
    const { outcome, waits } = await run([server(503), throttled(1)]);
    expect(outcome).toBe('ok');
    expect(waits).toEqual([250, 1000]); // jittered backoff (0.5 · 500 ms), then Retry-After exactly
  });

  test('a Retry-After longer than the inline limit is not waited out: one try, the error at once', async () => {
    const { outcome, waits, calls } = await run([throttled(30)]);
    expect(outcome).toMatchObject({ kind: 'throttled', retryAfterSeconds: 30 });
    expect(calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  test('full jitter: every wait is within [0, min(cap, base · 2^(n-1))]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, dice) => {
        const wait = backoffDelayMs(attempt, throttled(), DEFAULT_RETRY_POLICY, () => dice);
        const ceiling = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1));
        return wait >= 0 && wait < ceiling;
      }),
    );
  });

  test('an abort while waiting ends the tries', async () => {
    const controller = new AbortController();
    let calls = 0;
    const pending = withRetry(
      async () => {
        calls++;
        throw server(503);
      },
      { random: () => 0.99, signal: controller.signal },
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(1);
  });
});

describe('the throttle lock', () => {
  test('holds for the Retry-After, or a minute without one, then lets go', () => {
    let now = 1_000_000;
    const lock = new ThrottleLock(() => now);
    expect(lock.lock('a', { retryAfterSeconds: 5 })).toBe(5);
    expect(lock.lock('b', {})).toBe(60);
    now += 4_500;
    expect(lock.remainingSeconds('a')).toBe(1);
    now += 500;
    expect(lock.remainingSeconds('a')).toBeUndefined();
    expect(lock.remainingSeconds('b')).toBe(55);
    expect(lock.remainingSeconds('c')).toBeUndefined();
  });
});
