/**
 * The first lookup sent by the pane's first script (earlyLookup.ts) as soon as its first decision names the people,
 * before the pane's chunk has loaded, and handed to the pane's insights client for its same request. What a user, an
 * admin and the service would notice:
 * - the service gets ONE first lookup, not two: the first script's request is the one the pane's loader would send
 *   (same URL, body, device statement), checked on generated items (people repeated, in other case, with spaces,
 *   unsendable, more than one lookup's worth);
 * - no lookup leaves that the rules forbid: the first script sends one exactly when the pane's own derivation
 *   (derivePane) would look anybody up, on generated policies, platforms and options;
 * - its answer is read as the client's own: a refused token is replaced once and the lookup sent again, a "not now"
 *   is tried again with a new request, a token that cannot be had is the sign-in error, not "offline";
 * - nothing is sent while the pane's cache holds anyone (the loader does not look up people it kept).
 * Seeds: test/seed.cjs (replay with FC_SEED=<n>).
 */
import fc from 'fast-check';
import { requestedPolicy } from '../../src/app/pagePolicyFileRequest';
import { startEarly } from '../../src/app/pane/earlyStart';
import { firstLookup } from '../../src/app/pane/firstRender';
import type { PaneDependencies } from '../../src/app/pane/dependencies';
import { deviceStatementOf } from '../../src/app/deviceStatement';
import { ProfileLoader } from '../../src/app/profileLoader';
import { createInsightsClient, insightsBaseUrl, type TokenProvider } from '../../src/services/insightsClient';
import { CACHE_STORAGE_KEY } from '../../src/services/profileCache';
import { PLATFORMS, POLICY_STATES, TENANT_MODES } from '../../src/policy';
import type { ItemPerson, ItemSnapshot, OfficeHost } from '../../src/office';
import { createFakeHost, POLICY_URL } from '../support/fakeHost';
import { memoryStorage } from '../support/memoryStorage';
import { SAMPLE_VIEWER } from '../../dev/mocks/sampleItems';

const LOOKUP_URL = new URL('profiles/lookup', insightsBaseUrl('https://addins.contoso.com/linkedin/taskpane.html')).toString();
const STATED = { linkedInAccountConnections: 'yes', environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' } };
const RUNS = 300;

function policyAnswer(file: unknown) {
  return requestedPolicy(POLICY_URL, Promise.resolve(new Response(JSON.stringify(file), { status: 200 })));
}

/** The service's answer to a lookup body: a match for every address asked. */
function matches(body: string): Response {
  const { emails } = JSON.parse(body) as { emails: string[] };
  const results = emails.map((email) => ({ email, status: 'match', profile: { id: `id-${email}`, name: email } }));
  return Response.json({ apiVersion: '1', results });
}

interface Sent {
  url: string;
  body: string;
  authorization: string | null;
}

/** fetch, answering lookups with `answer` (matches by default) and recording what was sent. */
function network(answer: (body: string, n: number) => Response = matches) {
  const sent: Sent[] = [];
  const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    const body = typeof init?.body === 'string' ? init.body : '';
    sent.push({ url, body, authorization: new Headers(init?.headers).get('Authorization') });
    return answer(body, sent.length);
  });
  return { sent, lookups: () => sent.filter((request) => request.url === LOOKUP_URL), restore: () => spy.mockRestore() };
}

/** The pane's loader as production wires it: its insights client takes the first script's lookup (takeSentLookup). */
function paneLoader(host: OfficeHost, early: ReturnType<typeof startEarly>, token: TokenProvider = async () => 'pane-token') {
  const client = createInsightsClient(insightsBaseUrl(host.baseUrl), token, {
    device: deviceStatementOf(host),
    takeSentLookup: early.takeLookup,
    retry: { sleep: async () => undefined },
  });
  return new ProfileLoader(client, host.currentUser.address, host.localStore, host.partitionKey);
}

/** Resolves once the person's public section has settled (an answer or an error). */
function settled(loader: ProfileLoader, address: string) {
  return new Promise<ReturnType<ProfileLoader['publicState']>>((resolve) => {
    const check = (): void => {
      const state = loader.publicState(address);
      if (state.status !== 'loading' && state.status !== 'idle') resolve(state);
    };
    loader.subscribe(check);
    check();
  });
}

const person: fc.Arbitrary<ItemPerson> = fc.record({
  address: fc.oneof(
    fc.integer({ min: 0, max: 40 }).map((n) => `person${n}@fabrikam.com`),
    fc.integer({ min: 0, max: 40 }).map((n) => ` Person${n}@Fabrikam.com `),
    fc.constantFrom('viewer@contoso.com', 'not an address', 'bidi\u202e@fabrikam.com', ''),
  ),
  displayName: fc.constantFrom('A Person', ''),
  role: fc.constantFrom('from', 'to', 'cc', 'organizer', 'required', 'optional'),
});

const item: fc.Arbitrary<ItemSnapshot> = fc.record({
  key: fc.constant('item'),
  kind: fc.constantFrom('message', 'appointment'),
  subject: fc.constant('Subject'),
  people: fc.oneof(fc.array(person, { minLength: 1, maxLength: 5 }), fc.array(person, { minLength: 18, maxLength: 45 })),
});

afterEach(() => jest.restoreAllMocks());

describe("the first lookup leaves from the first script, and is the pane's own", () => {
  test(`on ${RUNS} generated items: the service gets one first lookup, the first script's, with the pane's token and body`, async () => {
    let sentEarly = 0;
    await fc.assert(
      fc.asyncProperty(item, async (generated) => {
        const net = network();
        try {
          const { host } = createFakeHost({ item: generated });
          const early = startEarly(host, policyAnswer(STATED), async () => 'first-script-token');
          const decided = await early.decided;
          const before = net.lookups().length;
          const loader = paneLoader(host, early);
          loader.requestPublic(decided?.lookups ?? []);
          const first = decided?.lookups[0];
          if (first) await settled(loader, first);
          const lookups = net.lookups();
          if (before === 0) return;
          sentEarly += 1;
          // The first script's request was the pane's first batch: taken, not sent again; later batches are the loader's.
          expect(lookups[0]?.authorization).toBe('Bearer first-script-token');
          expect(lookups.slice(1).every((request) => request.authorization === 'Bearer pane-token')).toBe(true);
          const asked = lookups.flatMap((request) => (JSON.parse(request.body) as { emails: string[] }).emails.map((e) => e.toLowerCase()));
          expect(new Set(asked).size).toBe(asked.length);
        } finally {
          net.restore();
        }
      }),
      { numRuns: RUNS },
    );
    expect(sentEarly).toBeGreaterThan(RUNS / 2);
  });

  test(`on ${RUNS} generated policies: a lookup leaves from the first script exactly when derivePane would look anybody up`, async () => {
    const file = fc.record({
      version: fc.constant(1),
      linkedInAccountConnections: fc.constantFrom('yes', 'yes', ...TENANT_MODES.filter((mode) => mode !== 'unset')),
      selectedUsers: fc.subarray([SAMPLE_VIEWER.address, 'pilot@contoso.com']),
      officePolicy: fc.record({
        showLinkedInFeatures: fc.constantFrom(...POLICY_STATES, 'notConfigured'),
        connectedExperiences: fc.constantFrom(...POLICY_STATES, 'notConfigured'),
        optionalConnectedExperiences: fc.constantFrom(...POLICY_STATES, 'notConfigured'),
      }),
      environment: fc.record({
        cloud: fc.constantFrom('worldwide', 'worldwide', 'worldwide', 'gccHigh', 'china'),
        mailboxGeo: fc.constantFrom('NAM', 'NAM', 'EUR', 'DEU'),
        tenantCountry: fc.constantFrom('US', 'DE'),
      }),
    });
    const counted = { someone: 0, nobody: 0 };
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom(...PLATFORMS), fc.boolean(), async (policyFile, platform, userOption) => {
        const net = network();
        try {
          const { host } = createFakeHost({ platform, userOption });
          const early = startEarly(host, policyAnswer(policyFile), async () => 'first-script-token');
          const decided = await early.decided;
          // Let the token's promise and the fetch run.
          await new Promise((resolve) => setTimeout(resolve, 0));
          // A file the first script leaves to the pane (its reader says what is wrong): nothing sent before it has.
          const derived = decided ? firstLookup({ host } as PaneDependencies, decided.settled, decided.item) : [];
          expect(net.lookups().length).toBe(derived.length > 0 ? 1 : 0);
          counted[derived.length > 0 ? 'someone' : 'nobody'] += 1;
        } finally {
          net.restore();
        }
      }),
      { numRuns: RUNS },
    );
    expect(counted.someone).toBeGreaterThan(RUNS / 20);
    expect(counted.nobody).toBeGreaterThan(RUNS / 20);
  });

  test("a token the service refuses: the pane's client asks a new one and sends the lookup again, once", async () => {
    const net = network((body, n) => (n === 1 ? Response.json({ error: 'invalidToken' }, { status: 401 }) : matches(body)));
    const { host } = createFakeHost({});
    const early = startEarly(host, policyAnswer(STATED), async () => 'stale-token');
    const decided = await early.decided;
    const asked: (boolean | undefined)[] = [];
    const loader = paneLoader(host, early, async (options) => (asked.push(options?.forceRefresh), 'fresh-token'));
    loader.requestPublic(decided?.lookups ?? []);
    const sender = decided?.lookups[0] ?? '';
    expect(await settled(loader, sender)).toMatchObject({ status: 'match' });
    expect(net.lookups().map((request) => request.authorization)).toEqual(['Bearer stale-token', 'Bearer fresh-token']);
    expect(asked).toEqual([true]);
  });

  test('"not now" (503) on the first script\'s lookup: tried again with a new request, as any lookup', async () => {
    const net = network((body, n) => (n === 1 ? new Response(null, { status: 503 }) : matches(body)));
    const { host } = createFakeHost({});
    const early = startEarly(host, policyAnswer(STATED), async () => 'first-script-token');
    const decided = await early.decided;
    const loader = paneLoader(host, early);
    loader.requestPublic(decided?.lookups ?? []);
    expect(await settled(loader, decided?.lookups[0] ?? '')).toMatchObject({ status: 'match' });
    expect(net.lookups().map((request) => request.authorization)).toEqual(['Bearer first-script-token', 'Bearer pane-token']);
  });

  test('a token the first script cannot get is the sign-in error on the card, not "offline"', async () => {
    const net = network();
    const { host } = createFakeHost({});
    const { ServiceError } = await import('../../src/services/errors');
    const early = startEarly(host, policyAnswer(STATED), async () => {
      throw new ServiceError('unauthorized', 'Signing in failed.');
    });
    const decided = await early.decided;
    const loader = paneLoader(host, early);
    loader.requestPublic(decided?.lookups ?? []);
    expect(await settled(loader, decided?.lookups[0] ?? '')).toMatchObject({ status: 'error', kind: 'unauthorized' });
    expect(net.lookups()).toEqual([]);
  });

  test("taken once, and only by the same request: the client's other lookups send their own", async () => {
    const net = network();
    const { host } = createFakeHost({});
    const early = startEarly(host, policyAnswer(STATED), async () => 'first-script-token');
    const decided = await early.decided;
    const body = JSON.parse(net.lookups()[0]?.body ?? '{}') as { emails: string[] };
    expect(early.takeLookup({ ...body, emails: ['someone.else@fabrikam.com'] })).toBeUndefined();
    // Asked once: even the same request later sends its own.
    expect(early.takeLookup(body)).toBeUndefined();
    expect(decided?.lookups.length).toBeGreaterThan(0);
  });

  test('nothing leaves from the first script while the pane keeps anyone in its cache', async () => {
    const net = network();
    const host = { ...createFakeHost({}).host, localStore: memoryStorage() };
    host.localStore.setItem(CACHE_STORAGE_KEY, JSON.stringify([['kept', {}]]));
    const early = startEarly(host, policyAnswer(STATED), async () => 'first-script-token');
    expect((await early.decided)?.lookups.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(net.lookups()).toEqual([]);
  });
});
