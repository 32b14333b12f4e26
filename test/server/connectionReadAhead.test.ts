import type { StoredConnection } from '../../server/store/connections';
import { connectionReadAhead } from '../../server/store/connectionReadAhead';
import { startTestService, type TestService } from './support/service';

/**
 * The lookup routes read the caller's connection as soon as the token is checked (server/store/connectionReadAhead.ts,
 * started by the routes' onRequest hook through the connection store plugin), beside the rate limits' counts. A call
 * may then be refused before its handler (429, a bad body) while that read fails (the database is down): the failure
 * must be nobody's, never an unhandled rejection (which ends a Node process); a read serves one call only; a refused
 * token or an address past its rate limit starts none; and a handler that takes a failed read answers 503, as a read of its own would.
 */
const user = { tenantId: '11111111-2222-4333-8444-555555555555', objectId: '0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e', groups: undefined };
const DOWN = Object.assign(new Error('the database is not answering'), { code: 'ECONNREFUSED' });
const OTHER = '0b0b0b0b-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
const CONNECTED: StoredConnection = { consent: 'twoWay', connectedAt: new Date(), tokenExpiresAt: new Date(), accessToken: () => 't' };

/** Unhandled rejections while `run` runs and Node's check for them has passed (next ticks after it settles). */
async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => void unhandled.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return unhandled;
}

describe('the read ahead, alone', () => {
  test('a read for a call that never reaches its handler fails quietly: no unhandled rejection', async () => {
    const ahead = connectionReadAhead<object>(() => Promise.reject(DOWN));
    expect(await unhandledDuring(async () => ahead.start({}, user))).toEqual([]);
  });

  test("the handler gets its own call's read (and its failure); a read is never handed to another call or taken twice", async () => {
    let reads = 0;
    const ahead = connectionReadAhead<object>(async () => ((reads += 1), CONNECTED));
    const first = {};
    ahead.start(first, user);
    expect(await ahead.take(first, user)).toBe(CONNECTED);
    expect(reads).toBe(1);
    await ahead.take(first, user);
    await ahead.take({}, user);
    expect(reads).toBe(3);
    const failing = connectionReadAhead<object>(() => Promise.reject(DOWN));
    const second = {};
    failing.start(second, user);
    await expect(failing.take(second, user)).rejects.toThrow('not answering');
  });
});

describe.each(['memory', 'database'] as const)('the lookup routes, rate limits counted in %s', (rateLimitStore) => {
  let service: TestService;
  let auth: Record<string, string>;
  let find: jest.SpyInstance;
  beforeAll(async () => {
    service = await startTestService({ env: { RATE_LIMIT_PER_USER: '2', RATE_LIMIT_PER_IP: '1000000' }, rateLimitStore });
    auth = { authorization: `Bearer ${await service.token()}`, 'content-type': 'application/json' };
    await service.connect('twoWay');
  }, 120_000);
  beforeEach(() => (find = jest.spyOn(service.app.connections, 'find')));
  afterAll(() => service.close());
  afterEach(() => find.mockRestore());

  const lookup = (headers: Record<string, string>, payload: string) =>
    service.app.inject({ method: 'POST', url: '/api/v1/profiles/lookup', headers, payload });
  const body = JSON.stringify({ emails: ['someone@contoso.com'] });

  test('read once per call, by the hook, for the handler; a refused token starts no read', async () => {
    expect((await lookup(auth, body)).statusCode).toBe(200);
    expect(find).toHaveBeenCalledTimes(1);
    find.mockClear();
    expect((await lookup({ ...auth, authorization: 'Bearer not.a.token' }, body)).statusCode).toBe(401);
    expect(find).not.toHaveBeenCalled();
  });

  test('the database down: the lookup answers 503; a bad body (400) and the rate limit (429) answer as ever, nothing unhandled', async () => {
    const other = { authorization: `Bearer ${await service.token({ objectId: OTHER })}`, 'content-type': 'application/json' };
    find.mockImplementation(() => Promise.reject(DOWN));
    const answers: [number, unknown][] = [];
    const unhandled = await unhandledDuring(async () => {
      // The per-user limit is 2 a minute: 503 (the handler took the failed read), then 400 and 429, refused before the
      // handler while their reads failed.
      for (const payload of [body, '{"emails": 7}', body]) {
        const answer = await lookup(other, payload);
        answers.push([answer.statusCode, answer.json<{ error: string }>().error]);
      }
    });
    expect(answers).toEqual([
      [503, 'unavailable'],
      [400, 'badRequest'],
      [429, 'throttled'],
    ]);
    expect(find).toHaveBeenCalledTimes(3);
    expect(unhandled).toEqual([]);
  });
});

describe('a call refused by the per-address limit', () => {
  const PER_IP = 2;
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ env: { RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_PER_IP: String(PER_IP) } });
  }, 120_000);
  afterAll(() => service.close());

  test('is refused before its token is checked: it starts no read of the connection', async () => {
    const auth = { authorization: `Bearer ${await service.token()}`, 'content-type': 'application/json' };
    const find = jest.spyOn(service.app.connections, 'find');
    try {
      const lookup = () =>
        service.app.inject({
          method: 'POST',
          url: '/api/v1/profiles/lookup',
          headers: auth,
          payload: JSON.stringify({ emails: ['someone@contoso.com'] }),
          remoteAddress: '198.51.100.4',
        });
      const statuses: number[] = [];
      for (let i = 0; i < PER_IP; i += 1) statuses.push((await lookup()).statusCode);
      expect(statuses).toEqual(Array<number>(PER_IP).fill(200));
      expect(find).toHaveBeenCalledTimes(PER_IP);
      find.mockClear();
      const refused = await lookup();
      expect([refused.statusCode, refused.json<{ error: string }>().error]).toEqual([429, 'throttled']);
      expect(find).not.toHaveBeenCalled();
    } finally {
      find.mockRestore();
    }
  });
});
