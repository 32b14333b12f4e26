/**
 * Issue 6, item 1 (parsing half): every parser the add-in has — the insights service's answers, Microsoft Graph's,
 * the admin's policy file, and what the cache reads back from storage — given hostile payloads, either returns a
 * clean typed value or a typed error. Never anything else thrown, never a dangerous link or control/bidi character
 * let through, never an unbounded list. 8,000 generated runs in all (the run count of each row is in its name).
 */
import fc from 'fast-check';
import { detectWithGraph } from '../../src/app/detectEnvironment';
import { ProfileLoader } from '../../src/app/profileLoader';
import { SAMPLE_VIEWER } from '../../dev/mocks/sampleItems';
import { ServiceError } from '../../src/services/errors';
import { createGraphClient, GRAPH_BASE } from '../../src/services/graphClient';
import { MAX_RESPONSE_CHARS } from '../../src/services/http';
import { createInsightsClient, type InsightsClient } from '../../src/services/insightsClient';
import {
  connectedInsightsSchema,
  connectionStatusSchema,
  lookupResponseSchema,
  publicProfileSchema,
  revokedSchema,
  suggestionsSchema,
} from '../../src/contract/insights';
import { loadPolicyFile, parsePolicyFile, type PolicyFileState } from '../../src/services/policyFile';
import { CACHE_MAX_ENTRIES, CACHE_STORAGE_KEY, ProfileCache } from '../../src/services/profileCache';
import { memoryStorage } from '../support/memoryStorage';
import {
  asBody,
  CONTROL_OR_BIDI,
  isLinkedInHttps,
  LINK_HOSTS,
  PHOTO_HOSTS,
  mutated,
  randomJson,
  roundTrip,
  serialize,
  VALID,
  type Json,
} from './payloads';

const PANE_URL = 'https://addins.contoso.com/linkedin/taskpane.html';
const API = 'https://addins.contoso.com/linkedin/api/v1/';

// Every answer is a 200 carrying the generated body; the network layer's own failures are tested elsewhere.
let body = '';
const fetchStub = jest.fn(async () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }));
const realFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = fetchStub;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

const noWait = { sleep: async () => undefined, random: () => 0 };
const insights: InsightsClient = createInsightsClient(API, async () => 'token', { retry: noWait });
const graph = createGraphClient(async () => 'token', GRAPH_BASE, { retry: noWait });

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).join();
const ARRAY_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Array.prototype).join();

/** Runs one parser call: a value, or a typed invalid-payload error; anything else thrown fails the run. */
async function settle<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw new Error(`threw something other than a ServiceError: ${String(error)}`);
    if (error.kind !== 'invalidPayload') throw new Error(`a 200 answer failed as ${error.kind}`);
    return { ok: false };
  }
}

/** Every key a parsed insights answer may hold: extra fields never survive parsing. */
const KNOWN_KEYS = new Set([
  'apiVersion',
  'results',
  'email',
  'status',
  'profile',
  'id',
  'name',
  'headline',
  'photoUrl',
  'currentPosition',
  'title',
  'company',
  'location',
  'profileUrl',
  'isConnection',
  'mutualConnections',
  'count',
  'top',
  'sharedHistory',
  'kind',
  'period',
  'recentActivity',
  'date',
  'text',
  'url',
  'consent',
  'connectedAt',
  'suggestions',
]);
const LINK_KEYS = new Set(['photoUrl', 'profileUrl', 'url']);
/** Not shown as text (identifiers and dates are formatted, or compared, never rendered as they came). */
const RAW_KEYS = new Set(['email', 'date', 'connectedAt', 'apiVersion', 'status', 'consent', 'kind']);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What a parsed insights value promises the card: bounded, clean text; links only https: to LinkedIn. */
function assertClean(value: unknown, path = '$', key = ''): void {
  if (typeof value === 'string') {
    if (LINK_KEYS.has(key)) {
      if (!isLinkedInHttps(value, key === 'photoUrl' ? PHOTO_HOSTS : LINK_HOSTS) || value.length > 2048)
        throw new Error(`${path}: link let through: ${value.slice(0, 80)}`);
    } else if (RAW_KEYS.has(key)) {
      // zod's max() counts code points.
      if ([...value].length > 320) throw new Error(`${path}: ${value.length} characters`);
    } else {
      if (value.length > 500) throw new Error(`${path}: ${value.length} characters`);
      if (CONTROL_OR_BIDI.test(value))
        throw new Error(`${path}: control or bidi character let through: ${JSON.stringify(value.slice(0, 80))}`);
      if (LONE_SURROGATE.test(value))
        throw new Error(`${path}: a lone surrogate (broken text) let through: ${JSON.stringify(value.slice(0, 80))}`);
    }
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path}: ${value}`);
    return;
  }
  if (value === undefined || value === null || typeof value === 'boolean') return;
  if (Array.isArray(value)) {
    if (value.length > 20) throw new Error(`${path}: a list of ${value.length}`);
    value.forEach((item, i) => assertClean(item, `${path}[${i}]`, key));
    return;
  }
  if (typeof value === 'object') {
    for (const [k, child] of Object.entries(value as Record<string, unknown>)) {
      if (!KNOWN_KEYS.has(k)) throw new Error(`${path}: extra field ${JSON.stringify(k)} survived parsing`);
      assertClean(child, `${path}.${k}`, k);
    }
    return;
  }
  throw new Error(`${path}: a ${typeof value}`);
}

/** Also asserts nothing leaked onto the shared prototypes (a "__proto__" field). */
function assertNoPollution(): void {
  if (Object.getOwnPropertyNames(Object.prototype).join() !== PROTOTYPE_KEYS) throw new Error('Object.prototype was changed');
  if (Object.getOwnPropertyNames(Array.prototype).join() !== ARRAY_PROTOTYPE_KEYS) throw new Error('Array.prototype was changed');
}

/** Each payload: 4 in 5 a mutated valid one, 1 in 5 fully random JSON. */
const payloads = (bases: Json[], structural = 1) =>
  fc.oneof({ weight: 4, arbitrary: mutated(bases, { structural }) }, { weight: 1, arbitrary: randomJson });

/** Shared by every row: direct schema parsing never throws, for the same payload. */
function safeParseNeverThrows(schema: { safeParse: (data: unknown) => { success: boolean; data?: unknown } }, payload: Json): void {
  const result = schema.safeParse(roundTrip(payload));
  if (result.success) assertClean(result.data);
}

const stats = { parsed: 0, rejected: 0 };
afterAll(() => {
  // The generators are meant to exercise both outcomes; a generator that only ever produced rejections would make
  // the clean-value checks vacuous. (Checked when every row ran, not when one is picked with -t.)
  if (stats.parsed + stats.rejected < 7000) return;
  expect(stats.parsed).toBeGreaterThan(1000);
  expect(stats.rejected).toBeGreaterThan(1000);
});
const count = (outcome: { ok: boolean }) => (outcome.ok ? stats.parsed++ : stats.rejected++);

test('an answer too large to be any the add-in expects (over 4 MB) is refused before it is parsed', async () => {
  const parse = jest.spyOn(JSON, 'parse');
  body = JSON.stringify({
    apiVersion: '1',
    results: Array.from({ length: 100_000 }, (_, i) => ({ email: `p${i}@example.com`, status: 'noMatch' })),
  });
  expect(body.length).toBeGreaterThan(MAX_RESPONSE_CHARS);
  await expect(insights.lookup(['p1@example.com'])).rejects.toMatchObject({ name: 'ServiceError', kind: 'invalidPayload' });
  await expect(loadPolicyFile(PANE_URL)).resolves.toMatchObject({ status: 'invalid' });
  // Declared too large: not even read.
  const me = JSON.stringify({ id: 'x', userPrincipalName: 'megan.bowen@contoso.com' });
  fetchStub.mockImplementationOnce(async () => new Response(me, { status: 200, headers: { 'Content-Length': String(64 * 1024 * 1024) } }));
  await expect(graph.me()).rejects.toMatchObject({ kind: 'invalidPayload' });
  fetchStub.mockImplementationOnce(async () => new Response(me, { status: 200 }));
  await expect(graph.me()).resolves.toMatchObject({ id: 'x' });
  expect(parse.mock.calls.some(([text]) => typeof text === 'string' && text.length > MAX_RESPONSE_CHARS)).toBe(false);
  parse.mockRestore();
});

describe('hostile payloads never get through a parser: a clean typed value or a typed error, nothing else (8,000 runs)', () => {
  test('insights lookup answers, through the client (1,500 runs)', async () => {
    const asked = ['aiko.tanaka@fabrikam.com', 'nobody0@example.com', 'rafael.ortiz@northwind.com'];
    await fc.assert(
      fc.asyncProperty(asBody(payloads(VALID.lookup)), fc.subarray(asked, { minLength: 1 }), async (text, emails) => {
        body = text;
        const outcome = await settle(() => insights.lookup(emails));
        count(outcome);
        if (outcome.ok) {
          expect(outcome.value.map((r) => r.email)).toEqual(emails);
          assertClean(outcome.value);
        }
        assertNoPollution();
      }),
      { numRuns: 1500 },
    );
  });

  test('connected insights answers, through the client and the schema (1,500 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(payloads(VALID.insights), async (payload) => {
        body = serialize(payload);
        const outcome = await settle(() => insights.insights('aiko.tanaka@fabrikam.com'));
        count(outcome);
        if (outcome.ok && outcome.value !== 'unavailable') {
          assertClean(outcome.value);
          expect(outcome.value.mutualConnections.top.length).toBeLessThanOrEqual(3);
          expect(outcome.value.recentActivity.length).toBeLessThanOrEqual(3);
        }
        safeParseNeverThrows(connectedInsightsSchema, payload);
        safeParseNeverThrows(lookupResponseSchema, payload);
        assertNoPollution();
      }),
      { numRuns: 1500 },
    );
  });

  test('"people you work with" answers (700 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(asBody(payloads(VALID.suggestions)), async (text) => {
        body = text;
        const outcome = await settle(() => insights.suggestions(['aiko.tanaka@fabrikam.com']));
        count(outcome);
        if (outcome.ok && outcome.value !== 'unavailable') {
          assertClean(outcome.value);
          expect(outcome.value.suggestions.length).toBeLessThanOrEqual(5);
        }
        assertNoPollution();
      }),
      { numRuns: 700 },
    );
  });

  test('connection status, connect and revoke answers (600 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        payloads([...VALID.connection, ...VALID.revoked]),
        fc.constantFrom('status', 'complete', 'revoke'),
        async (payload, call) => {
          body = serialize(payload);
          const outcome = await settle(async () => {
            if (call === 'status') return insights.connectionStatus();
            if (call === 'revoke') return insights.revokeConnection();
            return insights.completeConnection({
              code: 'c',
              codeVerifier: 'v'.repeat(43),
              state: 's',
              consent: 'twoWay',
              redirectUri: PANE_URL,
            });
          });
          count(outcome);
          if (outcome.ok && outcome.value !== undefined) {
            assertClean(outcome.value);
            expect(['connected', 'notConnected']).toContain(outcome.value.status);
          }
          for (const schema of [connectionStatusSchema, revokedSchema, suggestionsSchema]) safeParseNeverThrows(schema, payload);
          assertNoPollution();
        },
      ),
      { numRuns: 600 },
    );
  });

  test('Microsoft Graph answers (/me, /organization, checkMemberGroups) and the environment detected from them (1,500 runs)', async () => {
    const bases = [...VALID.graphMe, ...VALID.graphOrganization, ...VALID.graphMemberGroups];
    await fc.assert(
      fc.asyncProperty(asBody(payloads(bases)), fc.constantFrom('me', 'organization', 'groups', 'detect'), async (text, call) => {
        body = text;
        if (call === 'detect') {
          // Every lookup answered with the same hostile body: detection never throws, and its answer is only values
          // the rules know or strings they treat as unknown.
          const policy = parsePolicyFile({
            linkedInAccountConnections: 'selected',
            selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
          });
          if (policy.status !== 'valid') throw new Error('fixture policy invalid');
          const unset = parsePolicyFile({});
          if (unset.status !== 'valid') throw new Error('fixture policy invalid');
          for (const p of [policy.policy, unset.policy]) {
            const detected = await detectWithGraph(graph, p, SAMPLE_VIEWER);
            expect(['member', 'notMember', 'unknown']).toContain(detected.groupMembership);
            expect(detected.cloud).toBe('unknown');
            expect(detected.tenantCountry).toMatch(/^([A-Z]{2}|unknown)$/);
            expect(detected.mailboxGeo.length).toBeLessThanOrEqual(20);
          }
          return;
        }
        const outcome = await settle<unknown>(() =>
          call === 'me'
            ? graph.me()
            : call === 'organization'
              ? graph.organizationCountry()
              : graph.checkMemberGroups(['6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b']),
        );
        count(outcome);
        if (outcome.ok) {
          const value = outcome.value;
          if (call === 'organization') expect(value === null || /^[A-Z]{2}$/.test(value as string)).toBe(true);
          if (call === 'groups') {
            expect(Array.isArray(value) && value.length <= 20 && value.every((id) => typeof id === 'string' && [...id].length <= 100)).toBe(
              true,
            );
          }
          // Bounded in characters, not in JSON's escaping of them (320 NULs are 1,920 characters of JSON).
          if (call === 'me') expect(Object.values(value as object).reduce((sum: number, v) => sum + String(v).length, 0)).toBeLessThan(800);
        }
        assertNoPollution();
      }),
      { numRuns: 1500 },
    );
  });

  test("the admin's policy file, parsed and loaded (1,500 runs)", async () => {
    const check = (state: PolicyFileState) => {
      expect(['valid', 'invalid']).toContain(state.status);
      if (state.status === 'invalid') {
        // Shown in the pane: "Field at fault: <field>" — bounded, and no control or bidi character can reorder it.
        for (const shown of [state.field, state.problem]) {
          expect(typeof shown).toBe('string');
          expect(shown.length).toBeLessThanOrEqual(300);
          if (CONTROL_OR_BIDI.test(shown))
            throw new Error(`control or bidi character in the shown error: ${JSON.stringify(shown.slice(0, 80))}`);
        }
      } else if (state.status === 'valid') {
        expect(['yes', 'selected', 'no', 'unset']).toContain(state.policy.tenantMode);
        for (const value of Object.values(state.policy.officePolicy)) expect(['enabled', 'disabled', 'notConfigured']).toContain(value);
        expect(state.policy.environment.mailboxGeo ?? 'NAM').toMatch(/^[A-Z]{3}$/);
        expect(state.policy.environment.tenantCountry ?? 'US').toMatch(/^[A-Z]{2}$/);
        for (const user of state.policy.selectedUsers) expect(user.length).toBeLessThanOrEqual(320);
      }
    };
    await fc.assert(
      fc.asyncProperty(payloads(VALID.policy, 1.5), fc.boolean(), async (payload, throughNetwork) => {
        let state: PolicyFileState;
        if (throughNetwork) {
          body = serialize(payload);
          state = await loadPolicyFile(PANE_URL);
        } else state = parsePolicyFile(roundTrip(payload));
        count({ ok: state.status === 'valid' });
        check(state);
        assertNoPollution();
      }),
      { numRuns: 1500 },
    );
  });

  test('what the cache reads back from storage (not trusted) is parsed like an answer (700 runs)', async () => {
    const person = 'aiko.tanaka@fabrikam.com';
    const key = ProfileCache.key(SAMPLE_VIEWER.address, person);
    const [lookupBase] = VALID.lookup;
    const [insightsBase] = VALID.insights;
    const entryBase = { lookup: (lookupBase as { results: Json[] }).results[0], insights: insightsBase };
    const entries = fc.oneof(
      { weight: 4, arbitrary: mutated([entryBase]).map((value) => serialize([[key, { value, storedAt: Date.now() - 1000 }]])) },
      { weight: 1, arbitrary: randomJson.map(serialize) },
      { weight: 1, arbitrary: mutated([[[key, { value: entryBase, storedAt: Date.now() - 1000 }]] as Json]).map(serialize) },
    );
    const storedKeyCount = (text: string): number => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return 0;
      }
      if (!Array.isArray(parsed)) return 0;
      const keys = parsed.flatMap((item: unknown) => (Array.isArray(item) && typeof item[0] === 'string' ? [item[0]] : []));
      return Math.min(new Set(keys).size, CACHE_MAX_ENTRIES);
    };
    const never = (): Promise<never> => Promise.reject(new Error('no request expected'));
    const client: InsightsClient = {
      lookup: never,
      insights: never,
      connectionStatus: never,
      completeConnection: never,
      suggestions: never,
      revokeConnection: never,
    };
    await fc.assert(
      fc.asyncProperty(entries, async (text) => {
        const storage = memoryStorage();
        storage.setItem(CACHE_STORAGE_KEY, text);
        const loader = new ProfileLoader(client, SAMPLE_VIEWER.address, storage);
        const shown = loader.publicState(person);
        const connected = loader.connectedState(person);
        count({ ok: shown.status === 'match' });
        if (shown.status === 'match') {
          assertClean(shown.profile);
          expect(publicProfileSchema.safeParse(shown.profile).success).toBe(true);
        } else expect(['idle', 'noMatch']).toContain(shown.status);
        if (connected.status === 'ready') assertClean(connected.insights);
        else expect(connected.status).toBe('idle');
        // The loader keeps at most one entry per key storage held (a grown list may hold several keys, each mutated).
        expect(loader.cachedCount).toBeLessThanOrEqual(storedKeyCount(text));
        assertNoPollution();
      }),
      { numRuns: 700 },
    );
  });
});
