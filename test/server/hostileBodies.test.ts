import fc from 'fast-check';
import { startTestService, type TestService } from './support/service';
import { codePoint, everyUnsafeInsertion, insertAt, UNSAFE_ADDRESS_CHARACTERS } from '../support/unsafeAddressCharacters';

/**
 * Whatever a client sends, the service answers a 4xx with a JSON `{ error, message }`, never a 500 and never a crash.
 * fast-check's seed is fixed in test/setup.ts (FC_SEED=<n> explores others; a failure prints the seed and path).
 */
const RUNS = 2000;
const ENDPOINTS = ['/api/v1/profiles/lookup', '/api/v1/profiles/insights', '/api/v1/suggestions'] as const;

let service: TestService;
let auth: string;
beforeAll(async () => {
  service = await startTestService({ env: { RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_PER_IP: '1000000' } });
  auth = `Bearer ${await service.token()}`;
}, 180_000);
afterAll(() => service.close());

const address = fc.oneof(fc.emailAddress(), fc.string({ maxLength: 40 }), fc.constantFrom('a@b', '@x.com', 'x@y.z ', 'ＡＢ@例え.jp'));
const jsonValue = fc.jsonValue({ maxDepth: 3 });
/** Bodies near the contract (right keys, wrong shapes), random JSON, and raw text that may not be JSON at all. */
const body = fc.oneof(
  fc.record({ emails: fc.oneof(fc.array(address, { maxLength: 25 }), jsonValue) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.record({ email: fc.oneof(address, jsonValue), extra: jsonValue }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  jsonValue.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"emails":', 'null', '[]', '{"__proto__":{"emails":["a@b.co"]}}', '{"constructor":{"prototype":{}}}', '\u0000'),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'APPLICATION/JSON',
  undefined,
);

describe.each(ENDPOINTS)(`hostile bodies (${RUNS} per endpoint): %s`, (url) => {
  it('answers 4xx with a JSON error or 200 with a valid answer, never 5xx', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(body, contentType, async (payload, type) => {
        const response = await service.app.inject({
          method: 'POST',
          url,
          payload,
          headers: { authorization: auth, ...(type ? { 'content-type': type } : {}) },
        });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        expect(response.statusCode).toBeLessThan(500);
        const json = response.json<Record<string, unknown>>();
        if (response.statusCode >= 400) {
          expect(typeof json.error).toBe('string');
          expect(typeof json.message).toBe('string');
        } else expect(json.apiVersion).toBe('1');
      }),
      { numRuns: RUNS },
    );
    // The generator reaches both sides of the validation: refused bodies and a few that pass.
    expect([...statuses.keys()].some((status) => status === 400)).toBe(true);
  });
});

describe('size and shape limits', () => {
  const post = (url: string, payload: string, type = 'application/json') =>
    service.app.inject({ method: 'POST', url, payload, headers: { authorization: auth, 'content-type': type } });

  it.each([
    [
      'a body over 64 KB',
      () => post(ENDPOINTS[0], JSON.stringify({ emails: ['a@b.co'], pad: 'x'.repeat(70_000) })),
      413,
      'payloadTooLarge',
    ],
    [
      '21 addresses',
      () => post(ENDPOINTS[0], JSON.stringify({ emails: Array.from({ length: 21 }, (_, i) => `p${i}@contoso.com`) })),
      400,
      'badRequest',
    ],
    ['no addresses', () => post(ENDPOINTS[0], JSON.stringify({ emails: [] })), 400, 'badRequest'],
    ['a non-address', () => post(ENDPOINTS[0], JSON.stringify({ emails: ['not an address'] })), 400, 'badRequest'],
    ['a number for an address', () => post(ENDPOINTS[1], JSON.stringify({ email: 42 })), 400, 'badRequest'],
    ['bad JSON', () => post(ENDPOINTS[1], '{"email": '), 400, 'badJson'],
    ['text/plain', () => post(ENDPOINTS[1], JSON.stringify({ email: 'a@b.co' }), 'text/plain'), 400, 'unsupportedContentType'],
    ['an unknown field', () => post(ENDPOINTS[2], JSON.stringify({ emails: ['a@b.co'], more: 1 })), 400, 'badRequest'],
  ] as const)('%s → %i %s', async (_name, send, status, error) => {
    const response = await send();
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error, message: expect.any(String) });
  });

  it('20 addresses are one valid batch, answered in order', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => (i === 0 ? 'Aiko.Tanaka@Fabrikam.com' : `p${i}@contoso.com`));
    const response = await post(ENDPOINTS[0], JSON.stringify({ emails }));
    expect(response.statusCode).toBe(200);
    const results = response.json<{ results: { email: string; status: string }[] }>().results;
    expect(results.map((r) => r.email)).toEqual(emails);
    expect(results[0]?.status).toBe('match');
    expect(results[1]?.status).toBe('noMatch');
  });
});

describe("addresses with control, bidi or broken characters (the same table as the pane's: test/contract/address)", () => {
  const post = (url: string, body: unknown) =>
    service.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(body),
      headers: { authorization: auth, 'content-type': 'application/json' },
    });
  const base = 'aiko.tanaka@fabrikam.com';

  it(`lookup: each of ${UNSAFE_ADDRESS_CHARACTERS.length} characters at each of ${base.length + 1} positions → 400, nothing echoed`, async () => {
    const taken: string[] = [];
    for (const { address, character, position } of everyUnsafeInsertion(base)) {
      const response = await post(ENDPOINTS[0], { emails: [base, address] });
      if (response.statusCode !== 400 || response.json<{ error: string }>().error !== 'badRequest' || response.body.includes(base))
        taken.push(`${codePoint(character)} at ${position}: ${response.statusCode}`);
    }
    expect(taken).toEqual([]);
  });

  it('insights and suggestions: generated addresses with an unsafe character anywhere → 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.emailAddress().filter((a) => a.length <= 254),
        fc.constantFrom(...UNSAFE_ADDRESS_CHARACTERS),
        fc.nat(),
        async (clean, character, at) => {
          const address = insertAt(clean, character, at % (clean.length + 1));
          expect((await post(ENDPOINTS[1], { email: address })).statusCode).toBe(400);
          expect((await post(ENDPOINTS[2], { emails: [address] })).statusCode).toBe(400);
        },
      ),
      { numRuns: 300 },
    );
  });
});
