import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import helmet from 'helmet';
import { API_HELMET_OPTIONS, HSTS } from '../../server/http/headers';
import type { LinkedInStandIn } from '../../dev/standins/linkedinProvider';
import { startStandIn } from './support/linkedin';
import type { TestService } from './support/service';
import { newAttempt, startAuthorize, startSignInService } from './support/signIn';

/**
 * What every answer of the API says about caching, framing and HTTPS: never stored (no-store), one framing policy
 * (CSP frame-ancestors 'none', no X-Frame-Options beside it), and Strict-Transport-Security only over HTTPS.
 */
let standIn: LinkedInStandIn;
let service: TestService;
let behindProxy: TestService;
beforeAll(async () => {
  standIn = await startStandIn();
  service = await startSignInService(standIn, { env: { RATE_LIMIT_PER_USER: '2' } });
  behindProxy = await startSignInService(standIn, { database: service.database, entra: service.entra, trustProxy: true });
}, 180_000);
afterAll(async () => {
  await behindProxy.close();
  await service.close();
  await standIn.close();
});

type Call = (target: TestService) => Promise<LightMyRequestResponse>;
/** A user of their own per call: the per-user limit (2 a minute here) is reached only where a test means it. */
const auth = async (target: TestService) => ({ authorization: `Bearer ${await target.token({ objectId: randomUUID() })}` });
const ANSWERS: [string, Call][] = [
  ['GET connection (200)', async (t) => t.app.inject({ url: '/api/v1/connection', headers: await auth(t) })],
  ['no token (401)', (t) => t.app.inject({ url: '/api/v1/connection' })],
  ['a bad body (400)', async (t) => t.app.inject({ method: 'POST', url: '/api/v1/profiles/lookup', headers: await auth(t), payload: {} })],
  ['an unknown API path (404)', (t) => t.app.inject({ url: '/api/v1/nothing' })],
  [
    'a refused lookup of an unknown person (200, personal data)',
    async (t) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/profiles/lookup',
        headers: await auth(t),
        payload: { emails: ['aiko.tanaka@fabrikam.com'] },
      }),
  ],
  ['the sign-in redirect to LinkedIn (302)', (t) => startAuthorize(t, newAttempt())],
  ['the sign-in problem page (400)', (t) => t.app.inject({ url: '/api/v1/connection/callback?state=unknown-state' })],
  ['/readyz', (t) => t.app.inject({ url: '/readyz' })],
];

describe.each(ANSWERS)('%s', (_name, call) => {
  test('no-store, one framing policy, no HSTS over plain HTTP', async () => {
    const response = await call(service);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  test('HSTS when a trusted proxy says the request came over HTTPS', async () => {
    const response = await call({ ...behindProxy, app: withProto(behindProxy, 'https') });
    expect(response.headers['strict-transport-security']).toBe(HSTS);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

/** What helmet's own middleware sends with the API's options, from a plain Node server: every header, as sent. */
async function helmetOverHttp(): Promise<Record<string, string>> {
  const middleware = helmet(API_HELMET_OPTIONS);
  const server = createServer((request, response) => middleware(request, response, () => response.end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const skip = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
    return Object.fromEntries([...answer.headers].filter(([name]) => !skip.has(name)));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** What the sign-in's answers set themselves, over helmet's (linkedin/routes.ts: the dialog must reach its opener). */
const SIGN_IN_OWN = new Set(['content-security-policy', 'cross-origin-opener-policy', 'referrer-policy']);

test.each(ANSWERS)('%s: every header helmet sends with the API options, as helmet sends it', async (name, call) => {
  const expected = await helmetOverHttp();
  expect(Object.keys(expected).length).toBeGreaterThan(8);
  const response = await call(service);
  const own = name.includes('sign-in') ? SIGN_IN_OWN : new Set<string>();
  const sent = Object.entries(expected).filter(([header]) => !own.has(header));
  expect(sent.map(([header]) => [header, response.headers[header]])).toEqual(sent);
});

test('a throttled answer (429) is never stored either', async () => {
  const headers = { authorization: `Bearer ${await service.token()}` };
  let response: LightMyRequestResponse | undefined;
  for (let i = 0; i < 3; i += 1) response = await service.app.inject({ url: '/api/v1/connection', headers });
  expect(response?.statusCode).toBe(429);
  expect(response?.headers['cache-control']).toBe('no-store');
});

test('X-Forwarded-Proto from a client that is not a trusted proxy is ignored: no HSTS', async () => {
  const response = await service.app.inject({ url: '/api/v1/connection', headers: { 'x-forwarded-proto': 'https' } });
  expect(response.headers['strict-transport-security']).toBeUndefined();
});

/** The same app, each injected request carrying X-Forwarded-Proto as a TLS-terminating proxy sends it. */
function withProto(target: TestService, proto: string): TestService['app'] {
  const inject = target.app.inject.bind(target.app) as (options: object) => Promise<LightMyRequestResponse>;
  return new Proxy(target.app, {
    get(app, property, receiver) {
      if (property !== 'inject') return Reflect.get(app, property, receiver) as unknown;
      return (options: string | { headers?: Record<string, string> }) => {
        const asObject: { url?: string; headers?: Record<string, string> } = typeof options === 'string' ? { url: options } : options;
        return inject({ ...asObject, headers: { ...asObject.headers, 'x-forwarded-proto': proto } });
      };
    },
  });
}
