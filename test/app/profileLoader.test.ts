import { ProfileLoader } from '../../src/app/profileLoader';
import type { LookupResult } from '../../src/contract/insights';
import { FIXTURE_PEOPLE } from '../../server/sources/fixtures/people';
import { ServiceError } from '../../src/services/errors';
import type { InsightsClient } from '../../src/services/insightsClient';
import { CACHE_STORAGE_KEY } from '../../src/services/profileCache';
import { memoryStorage } from '../support/memoryStorage';

/**
 * The LinkedIn cache as the pane uses it: through the loader (lookups in flight, answers kept or not, purge), the
 * only path production takes.
 */
const VIEWER = 'megan.bowen@contoso.com';
const AIKO = 'aiko.tanaka@fabrikam.com';
const aiko = FIXTURE_PEOPLE[AIKO];
if (aiko?.status !== 'match') throw new Error('fixture missing');

/** A service whose lookups answer only when the test says so. */
function scriptedService() {
  const asked: string[][] = [];
  const purposes: (string | undefined)[] = [];
  const answers: { resolve: (results: LookupResult[]) => void; reject: (error: unknown) => void }[] = [];
  const client: InsightsClient = {
    lookup: (emails, _signal, purpose) =>
      new Promise((resolve, reject) => {
        asked.push([...emails]);
        purposes.push(purpose);
        answers.push({ resolve, reject });
      }),
    insights: () => Promise.reject(new Error('not expected')),
    connectionStatus: () => Promise.reject(new Error('not expected')),
    completeConnection: () => Promise.reject(new Error('not expected')),
    suggestions: () => Promise.reject(new Error('not expected')),
    revokeConnection: () => Promise.reject(new Error('not expected')),
  };
  /** Lets the answer's promise callbacks run (the loader reacts in a microtask). */
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { client, asked, purposes, answers, flush };
}

/** A loader over a scripted service and its own storage, each handed back for the test to drive and read. */
function scriptedLoader() {
  const service = scriptedService();
  const storage = memoryStorage();
  return { service, storage, loader: new ProfileLoader(service.client, VIEWER, storage) };
}

const match = (email: string): LookupResult => ({ email, status: 'match', profile: aiko.profile });

test('one lookup for a person in flight, however often the pane asks; none once they are cached', async () => {
  const { service, loader } = scriptedLoader();
  loader.requestPublic([AIKO]);
  loader.requestPublic([AIKO, AIKO.toUpperCase()]);
  expect(service.asked).toEqual([[AIKO]]);
  service.answers[0]?.resolve([match(AIKO)]);
  await service.flush();
  loader.requestPublic([AIKO]);
  expect(service.asked).toHaveLength(1);
  expect(loader.publicState(AIKO).status).toBe('match');
});

test('a hidden member is never written to storage, and not asked about again this session', async () => {
  const { service, storage, loader } = scriptedLoader();
  loader.requestPublic([AIKO]);
  service.answers[0]?.resolve([{ email: AIKO, status: 'hidden' }]);
  await service.flush();
  expect(loader.publicState(AIKO).status).toBe('hidden');
  expect(storage.data.size).toBe(0);
  expect(loader.cachedCount).toBe(0);
  loader.requestPublic([AIKO]);
  expect(service.asked).toHaveLength(1);
});

test('a failed lookup is not kept: Retry asks again and the answer is then cached and persisted', async () => {
  const { service, storage, loader } = scriptedLoader();
  loader.requestPublic([AIKO]);
  service.answers[0]?.reject(new ServiceError('offline', 'offline'));
  await service.flush();
  expect(loader.publicState(AIKO)).toEqual({ status: 'error', kind: 'offline' });
  expect(storage.data.size).toBe(0);
  loader.retry(AIKO, 'public');
  loader.requestPublic([AIKO]);
  expect(service.asked).toHaveLength(2);
  service.answers[1]?.resolve([match(AIKO)]);
  await service.flush();
  expect(storage.data.get(CACHE_STORAGE_KEY)).toContain('li-aiko');
  // A new pane (a reload) finds it in storage and asks nothing.
  const reloaded = scriptedService();
  const next = new ProfileLoader(reloaded.client, VIEWER, storage);
  next.requestPublic([AIKO]);
  expect(reloaded.asked).toEqual([]);
  expect(next.publicState(AIKO).status).toBe('match');
});

test('"Clear cached LinkedIn data" empties memory and storage, and an answer arriving afterwards is not kept', async () => {
  const { service, storage, loader } = scriptedLoader();
  loader.requestPublic([AIKO]);
  loader.purge();
  service.answers[0]?.resolve([match(AIKO)]);
  await service.flush();
  expect(loader.cachedCount).toBe(0);
  expect(loader.publicState(AIKO).status).toBe('idle');
  expect(storage.data.size).toBe(0);
});

test('reading what the loader knows (what a render does) writes nothing to storage', async () => {
  const { service, storage, loader } = scriptedLoader();
  loader.requestPublic([AIKO]);
  service.answers[0]?.resolve([match(AIKO)]);
  await service.flush();
  const writes = jest.spyOn(storage, 'setItem');
  const removals = jest.spyOn(storage, 'removeItem');
  const readings = loader.getReadings();
  readings.publicState(AIKO);
  readings.connectedState(AIKO);
  readings.publicState('someone.else@example.com');
  expect(writes).not.toHaveBeenCalled();
  expect(removals).not.toHaveBeenCalled();
  expect(loader.getReadings()).toBe(readings);
});

test('Today: 45 attendees go in batches of 20 stating their purpose, and what comes back is kept until the end of the day', async () => {
  const service = scriptedService();
  const storage = memoryStorage();
  let now = 1_000_000;
  const endOfDay = now + 60_000;
  const loader = new ProfileLoader(service.client, VIEWER, storage, undefined, () => now);
  const attendees = Array.from({ length: 45 }, (_, i) => `attendee${i}@fabrikam.com`);
  loader.requestPublic(attendees, { purpose: 'today', keepUntil: endOfDay });
  expect(service.asked.map((batch) => batch.length)).toEqual([20, 20, 5]);
  expect(service.purposes).toEqual(['today', 'today', 'today']);
  service.answers.forEach((answer, i) => answer.resolve(service.asked[i].map(match)));
  await service.flush();
  expect(loader.cachedCount).toBe(45);
  // Never twice for a cached person, whatever the purpose.
  loader.requestPublic(attendees.slice(0, 3));
  expect(service.asked).toHaveLength(3);
  now = endOfDay;
  loader.expire();
  expect(loader.cachedCount).toBe(0);
  expect(storage.getItem(CACHE_STORAGE_KEY)).toBeNull();
});

test('people whose lookup is in flight are never forgotten to make room: past the bound, none is asked about twice', async () => {
  const { service, loader } = scriptedLoader();
  // More people than the loader keeps states for (MAX_PERSON_STATES, 1000), all asked about and none answered yet.
  const people = Array.from({ length: 1040 }, (_, n) => `person${n}@fabrikam.com`);
  for (let at = 0; at < people.length; at += 20) loader.requestPublic(people.slice(at, at + 20));
  const sent = service.asked.length;
  expect(sent).toBe(52);
  expect(people.every((address) => loader.publicState(address).status === 'loading')).toBe(true);
  // The pane asking again (a re-render, the switcher scrolled back) sends nothing more.
  loader.requestPublic(people.slice(0, 20));
  expect(service.asked).toHaveLength(sent);
  // Answered, they settle (in the cache, which keeps the latest 200).
  service.answers.forEach((answer, n) => answer.resolve(service.asked[n]?.map(match) ?? []));
  await service.flush();
  expect(loader.publicState(people[people.length - 1] ?? '').status).toBe('match');
});
