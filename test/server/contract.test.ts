import { errorEnvelopeSchema, SERVICE_ERROR_CODES } from '../../src/contract/errors';
import {
  connectedInsightsSchema,
  connectionStatusSchema,
  insightsResponseSchema,
  lookupResponseSchema,
  revokedSchema,
  suggestionsResponseSchema,
  suggestionsSchema,
} from '../../src/contract/insights';
import type { LinkedInClient } from '../../server/linkedin/client';
import { createFixturesSource } from '../../server/sources/fixtures';
import { createLinkedInSource } from '../../server/sources/linkedin';
import type { ProfileSource } from '../../server/sources/types';
import { startTestService, type TestService } from './support/service';

/**
 * The contract suite (docs/insights-service.md) against the service — the one implementation there is: the pane's
 * tests answer their requests with this same service in process (test/support/insightsService.ts). Every endpoint,
 * every status it can give for what a client sends; every 200 parses with the pane's schema and every error is the
 * contract's envelope. If the service drifts from the contract, a row fails.
 */
/** `expired`: connected both ways, but LinkedIn's 60-day token has lapsed. */
type Connection = 'notConnected' | 'linkedInToMicrosoft' | 'twoWay' | 'expired';
/** `linkedin`: the source that can look up only the connected member (LinkedIn's open APIs): others are unavailable. */
type Source = 'fixtures' | 'linkedin';
interface Target {
  setConnection: (connection: Connection) => Promise<void>;
  setSource: (source: Source) => void;
  call: (
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
    withToken?: boolean,
  ) => Promise<{ status: number; json: unknown; contentType: unknown }>;
}

let service: TestService;

/** The real service's source, switched per row: the fixtures, or the linkedin source over a LinkedIn that knows only the member. */
let currentSource: Source = 'fixtures';
const member = { sub: 'member-sub', name: 'Connected Member', email: 'member@linkedin-member.example', emailVerified: true };
const sources: Record<Source, ProfileSource> = {
  fixtures: createFixturesSource(),
  linkedin: createLinkedInSource({ userinfo: async () => member } as unknown as LinkedInClient),
};
const switchingSource: ProfileSource = {
  name: 'contract',
  get capabilities() {
    return sources[currentSource].capabilities;
  },
  memberVisibility: (...args) => sources[currentSource].memberVisibility(...args),
  lookup: (...args) => sources[currentSource].lookup(...args),
  insights: (...args) => sources[currentSource].insights(...args),
  suggestions: (...args) => sources[currentSource].suggestions(...args),
};

const serverTarget: Target = {
  async setConnection(connection) {
    await service.store.remove({
      tenantId: service.config.entra.allowedTenants[0],
      objectId: '0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e',
      groups: undefined,
    });
    if (connection === 'expired')
      await service.store.save(
        { tenantId: service.config.entra.allowedTenants[0], objectId: '0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e', groups: undefined },
        {
          consent: 'twoWay',
          accessToken: 'lapsed-linkedin-token',
          connectedAt: new Date(Date.now() - 61 * 86_400_000),
          tokenExpiresAt: new Date(Date.now() - 86_400_000),
        },
      );
    else if (connection !== 'notConnected') await service.connect(connection);
  },
  setSource(source) {
    currentSource = source;
  },
  async call(method, path, body, withToken = true) {
    const response = await service.app.inject({
      method,
      url: `/api/v1${path}`,
      headers: { 'content-type': 'application/json', ...(withToken ? { authorization: `Bearer ${await service.token()}` } : {}) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: response.statusCode, json: response.json(), contentType: response.headers['content-type'] };
  },
};

beforeAll(async () => {
  service = await startTestService({ source: switchingSource });
}, 180_000);
afterAll(() => service.close());

interface Row {
  name: string;
  connection: Connection;
  /** Default: fixtures. */
  source?: Source;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  withToken?: boolean;
  status: number;
  /** The body must parse with this contract schema (200s) or carry this error code (errors). */
  expect: { parse: { parse: (value: unknown) => unknown } } | { error: string | null };
  check?: (json: unknown) => void;
}

const ROWS: Row[] = [
  {
    name: 'lookup: one result per address, match / noMatch / hidden, in order',
    connection: 'notConnected',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: ['Aiko.Tanaka@fabrikam.com', 'billing@unknown-startup.io', 'rafael.ortiz@northwind.com'] },
    status: 200,
    expect: { parse: lookupResponseSchema },
    check: (json) =>
      expect((json as { results: { email: string; status: string }[] }).results.map((r) => [r.email, r.status])).toEqual([
        ['Aiko.Tanaka@fabrikam.com', 'match'],
        ['billing@unknown-startup.io', 'noMatch'],
        ['rafael.ortiz@northwind.com', 'hidden'],
      ]),
  },
  {
    name: 'lookup: no token → 401',
    connection: 'notConnected',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: ['a@b.co'] },
    withToken: false,
    status: 401,
    expect: { error: null },
  },
  {
    name: 'lookup: 21 addresses → 400',
    connection: 'notConnected',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: Array.from({ length: 21 }, (_, i) => `p${i}@contoso.com`) },
    status: 400,
    expect: { error: 'badRequest' },
  },
  {
    name: 'lookup: no addresses → 400',
    connection: 'notConnected',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: [] },
    status: 400,
    expect: { error: 'badRequest' },
  },
  {
    name: 'lookup: a number for an address → 400',
    connection: 'notConnected',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: [7] },
    status: 400,
    expect: { error: 'badRequest' },
  },
  {
    name: 'lookup: an address with a NUL in it → 400 (never echoed, never looked up)',
    connection: 'notConnected',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: ['aiko.tanaka@fabrikam.com', 'aiko\u0000.tanaka@fabrikam.com'] },
    status: 400,
    expect: { error: 'badRequest' },
  },
  {
    name: 'insights: an address with a bidi override → 400',
    connection: 'linkedInToMicrosoft',
    method: 'POST',
    path: '/profiles/insights',
    body: { email: '\u202eaiko.tanaka@fabrikam.com' },
    status: 400,
    expect: { error: 'badRequest' },
  },
  {
    name: 'suggestions: an address with U+FFFD (broken UTF-8) → 400',
    connection: 'twoWay',
    method: 'POST',
    path: '/suggestions',
    body: { emails: ['aiko.tanaka@fabrikam.co\ufffdm'] },
    status: 400,
    expect: { error: 'badRequest' },
  },
  {
    name: 'insights: connected → 200',
    connection: 'linkedInToMicrosoft',
    method: 'POST',
    path: '/profiles/insights',
    body: { email: 'aiko.tanaka@fabrikam.com' },
    status: 200,
    expect: { parse: connectedInsightsSchema },
  },
  {
    name: 'insights: not connected → 401 notConnected',
    connection: 'notConnected',
    method: 'POST',
    path: '/profiles/insights',
    body: { email: 'aiko.tanaka@fabrikam.com' },
    status: 401,
    expect: { error: 'notConnected' },
  },
  {
    name: 'insights: hidden member → 404 memberHidden',
    connection: 'twoWay',
    method: 'POST',
    path: '/profiles/insights',
    body: { email: 'rafael.ortiz@northwind.com' },
    status: 404,
    expect: { error: 'memberHidden' },
  },
  {
    name: 'insights: unknown address → 404 noMatch',
    connection: 'twoWay',
    method: 'POST',
    path: '/profiles/insights',
    body: { email: 'nobody@unknown-startup.io' },
    status: 404,
    expect: { error: 'noMatch' },
  },
  {
    name: 'insights: no address → 400',
    connection: 'twoWay',
    method: 'POST',
    path: '/profiles/insights',
    body: {},
    status: 400,
    expect: { error: 'badRequest' },
  },
  {
    name: 'insights: no token → 401',
    connection: 'twoWay',
    method: 'POST',
    path: '/profiles/insights',
    body: { email: 'aiko.tanaka@fabrikam.com' },
    withToken: false,
    status: 401,
    expect: { error: null },
  },
  {
    name: 'GET connection: not connected',
    connection: 'notConnected',
    method: 'GET',
    path: '/connection',
    status: 200,
    expect: { parse: connectionStatusSchema },
    check: (json) => expect(json).toEqual({ apiVersion: '1', status: 'notConnected' }),
  },
  {
    name: 'GET connection: connected both ways',
    connection: 'twoWay',
    method: 'GET',
    path: '/connection',
    status: 200,
    expect: { parse: connectionStatusSchema },
    check: (json) => expect(json).toMatchObject({ status: 'connected', consent: 'twoWay' }),
  },
  {
    name: 'GET connection: no token → 401',
    connection: 'twoWay',
    method: 'GET',
    path: '/connection',
    withToken: false,
    status: 401,
    expect: { error: null },
  },
  {
    name: 'DELETE connection → 200 notConnected',
    connection: 'twoWay',
    method: 'DELETE',
    path: '/connection',
    status: 200,
    expect: { parse: revokedSchema },
  },
  {
    name: 'DELETE connection: no token → 401',
    connection: 'twoWay',
    method: 'DELETE',
    path: '/connection',
    withToken: false,
    status: 401,
    expect: { error: null },
  },
  {
    name: 'suggestions: both ways → 200',
    connection: 'twoWay',
    method: 'POST',
    path: '/suggestions',
    body: { emails: ['aiko.tanaka@fabrikam.com', 'nobody@unknown-startup.io'] },
    status: 200,
    expect: { parse: suggestionsSchema },
    check: (json) => expect((json as { suggestions: { name: string }[] }).suggestions.map((s) => s.name)).toEqual(['Aiko Tanaka']),
  },
  {
    name: 'suggestions: LinkedIn to Microsoft only → 403 consentRequired',
    connection: 'linkedInToMicrosoft',
    method: 'POST',
    path: '/suggestions',
    body: { emails: ['aiko.tanaka@fabrikam.com'] },
    status: 403,
    expect: { error: 'consentRequired' },
  },
  {
    name: 'suggestions: not connected → 403 consentRequired',
    connection: 'notConnected',
    method: 'POST',
    path: '/suggestions',
    body: { emails: ['aiko.tanaka@fabrikam.com'] },
    status: 403,
    expect: { error: 'consentRequired' },
  },
  {
    name: 'suggestions: a non-address → 400',
    connection: 'twoWay',
    method: 'POST',
    path: '/suggestions',
    body: { emails: ['not an address'] },
    status: 400,
    expect: { error: 'badRequest' },
  },
  {
    name: 'GET connection: expired (LinkedIn token past its 60 days) → 200 expired',
    connection: 'expired',
    method: 'GET',
    path: '/connection',
    status: 200,
    expect: { parse: connectionStatusSchema },
    check: (json) => expect(json).toMatchObject({ status: 'expired', consent: 'twoWay' }),
  },
  {
    name: 'insights: expired → 401 notConnected',
    connection: 'expired',
    method: 'POST',
    path: '/profiles/insights',
    body: { email: 'aiko.tanaka@fabrikam.com' },
    status: 401,
    expect: { error: 'notConnected' },
  },
  {
    name: 'suggestions: expired → 401 notConnected',
    connection: 'expired',
    method: 'POST',
    path: '/suggestions',
    body: { emails: ['aiko.tanaka@fabrikam.com'] },
    status: 401,
    expect: { error: 'notConnected' },
  },
  // Today: people on the user's calendar tell LinkedIn whom the user meets, so only both-ways consent may ask about them.
  {
    name: 'lookup for Today: both ways → 200',
    connection: 'twoWay',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: ['aiko.tanaka@fabrikam.com'], purpose: 'today' },
    status: 200,
    expect: { parse: lookupResponseSchema },
  },
  {
    name: 'lookup for Today: LinkedIn to Microsoft only → 403 consentRequired, reason today-inbound-only',
    connection: 'linkedInToMicrosoft',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: ['aiko.tanaka@fabrikam.com'], purpose: 'today' },
    status: 403,
    expect: { error: 'consentRequired' },
    check: (json) => expect(json).toMatchObject({ reason: 'today-inbound-only' }),
  },
  {
    name: 'lookup for Today: not connected → 403 consentRequired, reason today-not-connected',
    connection: 'notConnected',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: ['aiko.tanaka@fabrikam.com'], purpose: 'today' },
    status: 403,
    expect: { error: 'consentRequired' },
    check: (json) => expect(json).toMatchObject({ reason: 'today-not-connected' }),
  },
  {
    name: 'lookup for Today: expired → 403 consentRequired, reason today-not-connected',
    connection: 'expired',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: ['aiko.tanaka@fabrikam.com'], purpose: 'today' },
    status: 403,
    expect: { error: 'consentRequired' },
    check: (json) => expect(json).toMatchObject({ reason: 'today-not-connected' }),
  },
  {
    name: 'lookup for the card (purpose said): LinkedIn to Microsoft only → 200',
    connection: 'linkedInToMicrosoft',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: ['aiko.tanaka@fabrikam.com'], purpose: 'card' },
    status: 200,
    expect: { parse: lookupResponseSchema },
  },
  {
    name: 'lookup: an unknown purpose → 400',
    connection: 'twoWay',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: ['aiko.tanaka@fabrikam.com'], purpose: 'marketing' },
    status: 400,
    expect: { error: 'badRequest' },
  },
  {
    name: 'insights for Today: both ways → 200',
    connection: 'twoWay',
    method: 'POST',
    path: '/profiles/insights',
    body: { email: 'aiko.tanaka@fabrikam.com', purpose: 'today' },
    status: 200,
    expect: { parse: connectedInsightsSchema },
  },
  {
    name: 'insights for Today: LinkedIn to Microsoft only → 403 consentRequired, reason today-inbound-only',
    connection: 'linkedInToMicrosoft',
    method: 'POST',
    path: '/profiles/insights',
    body: { email: 'aiko.tanaka@fabrikam.com', purpose: 'today' },
    status: 403,
    expect: { error: 'consentRequired' },
    check: (json) => expect(json).toMatchObject({ reason: 'today-inbound-only' }),
  },
  {
    name: 'lookup: linkedin source → unavailable for anyone but the member (never noMatch)',
    connection: 'twoWay',
    source: 'linkedin',
    method: 'POST',
    path: '/profiles/lookup',
    body: { emails: ['aiko.tanaka@fabrikam.com', 'billing@unknown-startup.io'] },
    status: 200,
    expect: { parse: lookupResponseSchema },
    check: (json) =>
      expect((json as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['unavailable', 'unavailable']),
  },
  {
    name: 'insights: linkedin source → 200 unavailable',
    connection: 'twoWay',
    source: 'linkedin',
    method: 'POST',
    path: '/profiles/insights',
    body: { email: 'aiko.tanaka@fabrikam.com' },
    status: 200,
    expect: { parse: insightsResponseSchema },
    check: (json) => expect(json).toEqual({ apiVersion: '1', email: 'aiko.tanaka@fabrikam.com', status: 'unavailable' }),
  },
  {
    name: 'suggestions: linkedin source → 200 unavailable',
    connection: 'twoWay',
    source: 'linkedin',
    method: 'POST',
    path: '/suggestions',
    body: { emails: ['aiko.tanaka@fabrikam.com'] },
    status: 200,
    expect: { parse: suggestionsResponseSchema },
    check: (json) => expect(json).toEqual({ apiVersion: '1', status: 'unavailable' }),
  },
];

describe('the insights service contract', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    await serverTarget.setConnection(row.connection);
    serverTarget.setSource(row.source ?? 'fixtures');
    const { status, json, contentType } = await serverTarget.call(row.method, row.path, row.body, row.withToken ?? true);
    expect(status).toBe(row.status);
    // Every answer says it is JSON, the lookup's written bytes (http/lookupJson.ts) as much as the serialized ones.
    expect(contentType).toBe('application/json; charset=utf-8');
    const expected = row.expect;
    if ('parse' in expected) expect(() => expected.parse.parse(json)).not.toThrow();
    else {
      // Every error answer is the contract's envelope, with one of its codes (src/contract/errors.ts).
      expect(errorEnvelopeSchema.safeParse(json).success).toBe(true);
      expect(SERVICE_ERROR_CODES).toContain((json as { error: string }).error);
      if (expected.error) expect(json).toMatchObject({ error: expected.error });
    }
    row.check?.(json);
  });
});
