import type { DatabaseHandle } from '../../server/db/database';
import { startEntraStandIn, type EntraStandIn } from '../../dev/standins/entraIssuer';
import type { LinkedInStandIn } from '../../dev/standins/linkedinProvider';
import { startStandIn } from './support/linkedin';
import { freshTestDatabase } from './support/pgliteTemplate';
import type { TestService } from './support/service';
import { authorizeQuery, newAttempt, startSignInService } from './support/signIn';

/**
 * What a client that sends something the contract refuses hears, byte for byte: the status and the whole JSON body
 * (the message names the first problem and where it is, never a value sent). Pinned before the routes declared their
 * schemas through Fastify's validation, so moving the checks there changed no answer; the order holds too (the
 * per-address rate limit first, then the token check, then the per-user rate limit, then the body).
 */
let standIn: LinkedInStandIn;
let database: DatabaseHandle;
let entra: EntraStandIn;
let service: TestService;
let auth: string;
beforeAll(async () => {
  [standIn, database, entra] = await Promise.all([startStandIn(), freshTestDatabase(), startEntraStandIn('test')]);
  service = await startSignInService(standIn, { database, entra, env: { RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_PER_IP: '1000000' } });
  auth = `Bearer ${await service.token()}`;
}, 180_000);
afterAll(async () => {
  await service.close();
  await Promise.all([standIn.close(), database.close(), entra.close()]);
});

const LOOKUP = '/api/v1/profiles/lookup';
const INSIGHTS = '/api/v1/profiles/insights';
const SUGGESTIONS = '/api/v1/suggestions';
const CONNECTION = '/api/v1/connection';
const JSON_TYPE = { 'content-type': 'application/json' };
const COMPLETION = {
  code: 'a'.repeat(43),
  codeVerifier: 'b'.repeat(43),
  state: 'c'.repeat(43),
  consent: 'twoWay',
  redirectUri: 'https://addins.contoso.com/linkedin/dialog.html',
};

type Row = [string, string, string | undefined, Record<string, string>, number, Record<string, unknown>];
const ROWS: Row[] = [
  [
    'lookup: no body at all',
    LOOKUP,
    undefined,
    {},
    400,
    { error: 'badRequest', message: 'body: Invalid input: expected object, received undefined' },
  ],
  [
    'lookup: JSON with an empty body',
    LOOKUP,
    '',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'body: Invalid input: expected object, received undefined' },
  ],
  [
    'lookup: JSON of whitespace',
    LOOKUP,
    '  \n',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'body: Invalid input: expected object, received undefined' },
  ],
  ['lookup: null', LOOKUP, 'null', JSON_TYPE, 400, { error: 'badRequest', message: 'body: Invalid input: expected object, received null' }],
  [
    'lookup: an array',
    LOOKUP,
    '[]',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'body: Invalid input: expected object, received array' },
  ],
  [
    'lookup: a string',
    LOOKUP,
    '"a@b.co"',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'body: Invalid input: expected object, received string' },
  ],
  [
    'lookup: {}',
    LOOKUP,
    '{}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'emails: Invalid input: expected array, received undefined' },
  ],
  [
    'lookup: no addresses',
    LOOKUP,
    '{"emails":[]}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'emails: Too small: expected array to have >=1 items' },
  ],
  [
    'lookup: a non-address',
    LOOKUP,
    '{"emails":["not an address"]}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'emails.0: must be an e-mail address' },
  ],
  [
    'lookup: the second address a number',
    LOOKUP,
    '{"emails":["a@b.co",42]}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'emails.1: Invalid input: expected string, received number' },
  ],
  [
    'lookup: 21 addresses',
    LOOKUP,
    JSON.stringify({ emails: Array.from({ length: 21 }, (_, i) => `p${i}@contoso.com`) }),
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'emails: Too big: expected array to have <=20 items' },
  ],
  [
    'lookup: an unknown field',
    LOOKUP,
    '{"emails":["a@b.co"],"more":1}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'body: Unrecognized key: "more"' },
  ],
  [
    'lookup: two unknown fields',
    LOOKUP,
    '{"emails":["a@b.co"],"more":1,"less":2}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'body: Unrecognized keys: "more", "less"' },
  ],
  [
    'lookup: emails a string',
    LOOKUP,
    '{"emails":"a@b.co"}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'emails: Invalid input: expected array, received string' },
  ],
  [
    'lookup: an unknown platform',
    LOOKUP,
    '{"emails":["a@b.co"],"device":{"platform":"amiga","showLinkedInFeatures":true}}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'device.platform: Invalid option: expected one of "windows"|"mac"|"web"|"ios"|"android"|"unknown"' },
  ],
  [
    'lookup: a device without its option',
    LOOKUP,
    '{"emails":["a@b.co"],"device":{"platform":"web"}}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'device.showLinkedInFeatures: Invalid input: expected boolean, received undefined' },
  ],
  [
    'lookup: an unknown purpose',
    LOOKUP,
    '{"emails":["a@b.co"],"purpose":"spying"}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'purpose: Invalid option: expected one of "card"|"today"' },
  ],
  [
    'lookup: a __proto__ key',
    LOOKUP,
    '{"__proto__":{"emails":["a@b.co"]}}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'emails: Invalid input: expected array, received undefined' },
  ],
  ['lookup: not JSON', LOOKUP, '{"emails":', JSON_TYPE, 400, { error: 'badJson', message: 'The body is not valid JSON.' }],
  [
    'lookup: text/plain',
    LOOKUP,
    '{"emails":["a@b.co"]}',
    { 'content-type': 'text/plain' },
    400,
    { error: 'unsupportedContentType', message: 'Send application/json.' },
  ],
  [
    'lookup: a form',
    LOOKUP,
    'emails=a@b.co',
    { 'content-type': 'application/x-www-form-urlencoded' },
    400,
    { error: 'unsupportedContentType', message: 'Send application/json.' },
  ],
  [
    'lookup: an address past 254 characters',
    LOOKUP,
    JSON.stringify({ emails: [`${'a'.repeat(250)}@b.co`] }),
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'emails.0: Too big: expected string to have <=254 characters' },
  ],
  [
    'insights: a number for an address',
    INSIGHTS,
    '{"email":42}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'email: Invalid input: expected string, received number' },
  ],
  [
    'insights: no address',
    INSIGHTS,
    '{}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'email: Invalid input: expected string, received undefined' },
  ],
  [
    'insights: two addresses',
    INSIGHTS,
    '{"emails":["a@b.co"]}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'email: Invalid input: expected string, received undefined' },
  ],
  [
    'suggestions: a purpose (not part of suggestions)',
    SUGGESTIONS,
    '{"emails":["a@b.co"],"purpose":"card"}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'body: Unrecognized key: "purpose"' },
  ],
  [
    'suggestions: no body',
    SUGGESTIONS,
    undefined,
    {},
    400,
    { error: 'badRequest', message: 'body: Invalid input: expected object, received undefined' },
  ],
  [
    'complete connection: {}',
    CONNECTION,
    '{}',
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'code: Invalid input: expected string, received undefined' },
  ],
  [
    'complete connection: no body',
    CONNECTION,
    undefined,
    {},
    400,
    { error: 'badRequest', message: 'body: Invalid input: expected object, received undefined' },
  ],
  [
    'complete connection: a short code',
    CONNECTION,
    JSON.stringify({ ...COMPLETION, code: 'x' }),
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'code: must be the code the sign-in gave' },
  ],
  [
    'complete connection: a bad verifier',
    CONNECTION,
    JSON.stringify({ ...COMPLETION, codeVerifier: 'x' }),
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'codeVerifier: must be a PKCE verifier (43 to 128 characters)' },
  ],
  [
    'complete connection: an unknown consent',
    CONNECTION,
    JSON.stringify({ ...COMPLETION, consent: 'none' }),
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'consent: Invalid option: expected one of "linkedInToMicrosoft"|"twoWay"' },
  ],
  [
    'complete connection: a long redirect',
    CONNECTION,
    JSON.stringify({ ...COMPLETION, redirectUri: 'x'.repeat(3000) }),
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'redirectUri: Too big: expected string to have <=2048 characters' },
  ],
  [
    'complete connection: an unknown field',
    CONNECTION,
    JSON.stringify({ ...COMPLETION, extra: true }),
    JSON_TYPE,
    400,
    { error: 'badRequest', message: 'body: Unrecognized key: "extra"' },
  ],
];

test.each(ROWS)('%s', async (_name, url, payload, headers, status, body) => {
  const response = await service.app.inject({
    method: 'POST',
    url,
    ...(payload === undefined ? {} : { payload }),
    headers: { authorization: auth, ...headers },
  });
  expect({ status: response.statusCode, body: response.json() }).toEqual({ status, body });
});

test('without a token, a refused body is never looked at: 401 invalidToken first', async () => {
  const response = await service.app.inject({ method: 'POST', url: LOOKUP, payload: '{"emails":[]}', headers: JSON_TYPE });
  expect({ status: response.statusCode, body: response.json() }).toEqual({
    status: 401,
    body: { error: 'invalidToken', message: 'A valid Microsoft Entra access token for this service is required.' },
  });
});

test('a JSON content type with no body is no body: a DELETE so sent disconnects', async () => {
  const response = await service.app.inject({ method: 'DELETE', url: CONNECTION, headers: { authorization: auth, ...JSON_TYPE } });
  expect({ status: response.statusCode, body: response.json() }).toEqual({
    status: 200,
    body: { apiVersion: '1', status: 'notConnected' },
  });
});

test("refused bodies count against the user's rate limit (the limit is counted before the body is checked)", async () => {
  const limited = await startSignInService(standIn, { database, entra, env: { RATE_LIMIT_PER_USER: '2', RATE_LIMIT_PER_IP: '1000000' } });
  try {
    const token = `Bearer ${await limited.token()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await limited.app.inject({
        method: 'POST',
        url: LOOKUP,
        payload: '{}',
        headers: { authorization: token, ...JSON_TYPE },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([400, 400, 429]);
  } finally {
    await limited.close();
  }
});

test('a flood of bad tokens from one address meets the per-address limit: the call past it is 429, before its token is checked', async () => {
  const PER_IP = 2;
  const limited = await startSignInService(standIn, {
    database,
    entra,
    env: { RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_PER_IP: String(PER_IP) },
  });
  try {
    const answers: [number, string, string | undefined][] = [];
    for (let i = 0; i <= PER_IP; i += 1) {
      const response = await limited.app.inject({
        method: 'POST',
        url: LOOKUP,
        payload: '{"emails":["a@b.co"]}',
        headers: { authorization: 'Bearer not.a.token', ...JSON_TYPE },
        remoteAddress: '203.0.113.7',
      });
      answers.push([response.statusCode, response.json<{ error: string }>().error, response.headers['retry-after']]);
    }
    expect(answers.map(([status, error]) => [status, error])).toEqual([
      ...Array.from({ length: PER_IP }, () => [401, 'invalidToken']),
      [429, 'throttled'],
    ]);
    expect(Number(answers[PER_IP]?.[2])).toBeGreaterThan(0);
    // Another address is not held back by this one's flood.
    const other = await limited.app.inject({
      method: 'POST',
      url: LOOKUP,
      payload: '{"emails":["a@b.co"]}',
      headers: { authorization: 'Bearer not.a.token', ...JSON_TYPE },
      remoteAddress: '203.0.113.8',
    });
    expect(other.statusCode).toBe(401);
  } finally {
    await limited.close();
  }
});

describe('the sign-in pages read one value per name: a name sent twice is a name not sent', () => {
  const authorize = (query: string) => service.app.inject({ url: `/api/v1/connection/authorize/?${query}` });

  test('the state twice: the sign-in was not started from the add-in (400 page)', async () => {
    const attempt = newAttempt();
    const response = await authorize(`${authorizeQuery(attempt)}&state=${attempt.state}`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('This sign-in was not started from the add-in.');
  });

  test('the challenge twice: the dialog hears server_error with its state', async () => {
    const attempt = newAttempt();
    const response = await authorize(`${authorizeQuery(attempt)}&code_challenge=${attempt.challenge}`);
    expect(response.statusCode).toBe(302);
    const dialog = new URL(String(response.headers.location));
    expect(Object.fromEntries(dialog.searchParams)).toEqual({ error: 'server_error', state: attempt.state });
  });

  test("LinkedIn's state twice at the callback: the sign-in has expired (400 page)", async () => {
    const response = await service.app.inject({ url: '/api/v1/connection/callback?state=abc&state=abc&code=x' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('This sign-in has expired or was already used.');
  });
});
