/**
 * Issue 6, item 3: bounded under load. 10,000 distinct people pushed through the profile cache, and through the
 * loader the pane uses, keep the cache within its limit at every step, what is persisted bounded, and memory flat:
 * the heap after 10,000 people is within a generous bound of the heap after 1,000.
 */
import { runInNewContext } from 'node:vm';
import { ProfileLoader } from '../../src/app/profileLoader';
import { FIXTURE_PEOPLE } from '../../server/sources/fixtures/people';
import { ServiceError } from '../../src/services/errors';
import type { InsightsClient } from '../../src/services/insightsClient';
import type { ConnectedInsights, LookupResult, PublicProfile } from '../../src/contract/insights';
import { CACHE_MAX_ENTRIES, CACHE_STORAGE_KEY, ProfileCache } from '../../src/services/profileCache';
import { memoryStorage } from '../support/memoryStorage';
import { LONG_TEST_TIMEOUT_MS } from '../timeouts.cjs';

const PEOPLE = 10_000;
const VIEWER = 'megan.bowen@contoso.com';

/**
 * V8's full collection. `npm test` runs jest with --expose-gc (package.json), so every context has gc: without it
 * this file fails rather than skip its memory assertions.
 */
const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
if (!gc) throw new Error('gc is not exposed: run the tests with npm test (node --expose-gc …/jest)');
const collect: () => void = gc;
function heapUsed(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/** Generous: one cached person is ~1.5 KB, so keeping even 1,300 of the 9,000 extra people would exceed it. */
const FLAT_BYTES = 2 * 1024 * 1024;
/** Heap growth, measured after a full collection each side. */
function expectFlat(before: number, after: number): void {
  expect(after - before).toBeLessThan(FLAT_BYTES);
}

/**
 * Retained objects, counted exactly: weak references to every 10th profile handed over; after a full collection, the
 * ones still alive are the ones something keeps.
 */
function tracker() {
  const refs: WeakRef<object>[] = [];
  return {
    track<T extends object>(value: T, i: number): T {
      if (i % 10 === 0) refs.push(new WeakRef(value));
      return value;
    },
    async alive(): Promise<number> {
      // Weak references are only cleared after the job that last read them: collect across turns.
      for (let turn = 0; turn < 3; turn++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        collect();
      }
      return refs.filter((ref) => ref.deref() !== undefined).length;
    },
    get tracked(): number {
      return refs.length;
    },
  };
}

const fixture = FIXTURE_PEOPLE['aiko.tanaka@fabrikam.com'];
if (fixture?.status !== 'match') throw new Error('fixture missing');
/** A realistic profile and insights, different for each person (so nothing is shared between entries). */
const profileFor = (i: number): PublicProfile => ({
  ...fixture.profile,
  id: `li-person-${i}`,
  name: `Person ${i} ${fixture.profile.name}`,
  headline: `${fixture.profile.headline} (${i})`,
  profileUrl: `https://www.linkedin.com/in/person-${i}`,
});
const insightsFor = (email: string): ConnectedInsights => ({ apiVersion: '1', email, ...fixture.insights });
const address = (i: number) => `person.${i}@load-${i % 97}.example.com`;

/** The most a persisted cache may take: the limit's worth of the largest entry, with room for the JSON around it. */
function storageBound(): number {
  const largestEntry = JSON.stringify([
    `${VIEWER}|${address(PEOPLE)}`,
    {
      value: {
        lookup: { email: address(PEOPLE), status: 'match', profile: profileFor(PEOPLE) },
        insights: insightsFor(address(PEOPLE)),
      },
      storedAt: Date.now(),
    },
  ]);
  return CACHE_MAX_ENTRIES * (largestEntry.length + 200) + 100;
}

describe(`${PEOPLE.toLocaleString('en-US')} lookups keep the cache within its limit and memory flat`, () => {
  test(
    `the profile cache: ${PEOPLE.toLocaleString('en-US')} distinct people, size ≤ ${CACHE_MAX_ENTRIES} and storage bounded at every step, heap flat`,
    async () => {
      const storage = memoryStorage();
      const cache = new ProfileCache<{ lookup: LookupResult; insights: ConnectedInsights }>({ storage });
      const bound = storageBound();
      const objects = tracker();
      let heapAt1000 = 0;
      let maxStored = 0;
      for (let i = 0; i < PEOPLE; i++) {
        const key = ProfileCache.key(VIEWER, address(i));
        const email = address(i);
        const value = objects.track(
          { lookup: { email, status: 'match' as const, profile: profileFor(i) }, insights: insightsFor(email) },
          i,
        );
        // Half through setMany (the loader's path: a lookup's answers), half through set (connected insights).
        if (i % 2 === 0) cache.setMany([[key, value]]);
        else cache.set(key, value);
        // A reread of an older person now and then (moves it in the LRU order; never grows the cache).
        if (i % 10 === 0 && i > 100) cache.get(ProfileCache.key(VIEWER, address(i - 100)));
        expect(cache.size).toBeLessThanOrEqual(CACHE_MAX_ENTRIES);
        const stored = storage.data.get(CACHE_STORAGE_KEY)?.length ?? 0;
        maxStored = Math.max(maxStored, stored);
        if (stored > bound) throw new Error(`persisted ${stored} characters after ${i + 1} people (bound ${bound})`);
        if (i + 1 === 1000) heapAt1000 = heapUsed();
      }
      const heapAt10000 = heapUsed();
      expect(cache.size).toBe(CACHE_MAX_ENTRIES);
      expect((JSON.parse(storage.data.get(CACHE_STORAGE_KEY) as string) as unknown[]).length).toBe(CACHE_MAX_ENTRIES);
      // The newest people are kept, the oldest are gone.
      expect(cache.get(ProfileCache.key(VIEWER, address(PEOPLE - 1)))).toBeDefined();
      expect(cache.get(ProfileCache.key(VIEWER, address(0)))).toBeUndefined();
      // A new session restores no more than the limit from what was persisted.
      expect(new ProfileCache({ storage }).size).toBe(CACHE_MAX_ENTRIES);
      expectFlat(heapAt1000, heapAt10000);
      expect(maxStored).toBeLessThanOrEqual(bound);
      // Only the people the cache holds are still in memory (of every 10th person: those among the 200 kept).
      let keptTracked = 0;
      for (let i = 0; i < PEOPLE; i += 10) if (cache.get(ProfileCache.key(VIEWER, address(i))) !== undefined) keptTracked++;
      expect(keptTracked).toBeLessThanOrEqual(CACHE_MAX_ENTRIES);
      expect(await objects.alive()).toBeLessThanOrEqual(keptTracked);
      expect(objects.tracked).toBe(PEOPLE / 10);
    },
    LONG_TEST_TIMEOUT_MS,
  );

  test(
    `the loader the pane uses: ${PEOPLE.toLocaleString('en-US')} people in batches of 20 (matches, no match, hidden, failures), bounded and flat`,
    async () => {
      const storage = memoryStorage();
      const objects = tracker();
      let lookups = 0;
      let insightsAsked = 0;
      const client: InsightsClient = {
        async lookup(emails) {
          lookups++;
          // One batch in 25 fails as a whole (a 500), so error states are exercised too.
          if (lookups % 25 === 0) throw new ServiceError('server', 'The server answered 500.', { status: 500 });
          return emails.map((email): LookupResult => {
            const i = Number(/person\.(\d+)@/.exec(email)?.[1]);
            if (i % 7 === 3) return { email, status: 'hidden' };
            if (i % 7 === 5) return { email, status: 'noMatch' };
            return { email, status: 'match', profile: objects.track(profileFor(i), i) };
          });
        },
        async insights(email) {
          insightsAsked++;
          return insightsFor(email);
        },
        connectionStatus: () => Promise.reject(new Error('not expected')),
        completeConnection: () => Promise.reject(new Error('not expected')),
        suggestions: () => Promise.reject(new Error('not expected')),
        revokeConnection: () => Promise.reject(new Error('not expected')),
      };
      const loader = new ProfileLoader(client, VIEWER, storage);
      const bound = storageBound();
      const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
      let heapAt1000 = 0;
      for (let start = 0; start < PEOPLE; start += 20) {
        const batch = Array.from({ length: 20 }, (_, k) => address(start + k));
        // The pane asks for the people its switcher shows, then connected insights for the person shown.
        loader.requestPublic(batch);
        await settle();
        const shown = batch[0];
        if (loader.publicState(shown).status === 'match') {
          loader.requestConnected(shown);
          await settle();
        }
        expect(loader.cachedCount).toBeLessThanOrEqual(CACHE_MAX_ENTRIES);
        const stored = storage.data.get(CACHE_STORAGE_KEY)?.length ?? 0;
        if (stored > bound) throw new Error(`persisted ${stored} characters after ${start + 20} people (bound ${bound})`);
        if (start + 20 === 1000) heapAt1000 = heapUsed();
      }
      const heapAt10000 = heapUsed();
      expect(lookups).toBe(PEOPLE / 20);
      expect(insightsAsked).toBeGreaterThan(100);
      expect(loader.cachedCount).toBe(CACHE_MAX_ENTRIES);
      // Nothing of a hidden member is in what was persisted.
      const persisted = storage.data.get(CACHE_STORAGE_KEY) ?? '';
      expect(persisted).not.toMatch(/"status":"hidden"/);
      expectFlat(heapAt1000, heapAt10000);
      // Profiles still in memory: only those of the (at most 200) people cached.
      expect(await objects.alive()).toBeLessThanOrEqual(CACHE_MAX_ENTRIES / 10 + 1);
      expect(objects.tracked).toBeGreaterThan(500);
      // What the session holds beyond the cache is bounded too: of ~1,400 hidden members, the newest are remembered
      // (not asked about again), the oldest forgotten — asked about again if shown again, never kept anywhere.
      let lastHidden = PEOPLE - 1;
      // The last hidden member whose batch was answered (every 25th batch failed).
      while (lastHidden % 7 !== 3 || (Math.floor(lastHidden / 20) + 1) % 25 === 0) lastHidden--;
      expect(loader.publicState(address(lastHidden)).status).toBe('hidden');
      expect(loader.publicState(address(3)).status).toBe('idle');
      const before = lookups;
      loader.requestPublic([address(lastHidden)]);
      expect(lookups).toBe(before);
      loader.requestPublic([address(3)]);
      await settle();
      expect(lookups).toBe(before + 1);
      expect(loader.publicState(address(3)).status).toBe('hidden');
    },
    LONG_TEST_TIMEOUT_MS,
  );
});
