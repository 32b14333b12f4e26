import { CACHE_MAX_AGE_MS, CACHE_STORAGE_KEY, ProfileCache } from '../../src/services/profileCache';
import { memoryStorage } from '../support/memoryStorage';

describe('the LinkedIn cache', () => {
  test('keeps each person per viewer, so another user of the same device never sees them', () => {
    const cache = new ProfileCache<string>();
    cache.set(ProfileCache.key('megan@contoso.com', 'Aiko@Fabrikam.com'), 'aiko');
    expect(cache.get(ProfileCache.key('MEGAN@contoso.com', 'aiko@fabrikam.com'))).toBe('aiko');
    expect(cache.get(ProfileCache.key('alex@contoso.com', 'aiko@fabrikam.com'))).toBeUndefined();
  });

  test('holds at most 200 people, dropping the least recently used', () => {
    const cache = new ProfileCache<number>();
    for (let i = 0; i < 10_000; i++) {
      cache.set(`v|p${i}`, i);
      if (i === 5) cache.get('v|p0'); // keep p0 warm… until 200 newer entries push it out
    }
    expect(cache.size).toBe(200);
    expect(cache.get('v|p9999')).toBe(9999);
    expect(cache.get('v|p0')).toBeUndefined();
  });

  test('forgets an entry after 24 hours', () => {
    let now = 1_000_000;
    const cache = new ProfileCache<string>({ now: () => now });
    cache.set('v|p', 'x');
    now += CACHE_MAX_AGE_MS - 1;
    expect(cache.get('v|p')).toBe('x');
    now += 2;
    expect(cache.get('v|p')).toBeUndefined();
  });

  test("a lookup's answers are written to storage once, not once each; the oldest still go past the limit", () => {
    const storage = memoryStorage();
    const writes = jest.spyOn(storage, 'setItem');
    const cache = new ProfileCache<string>({ storage, maxEntries: 20 });
    cache.setMany(Array.from({ length: 25 }, (_, i) => [`v|p${i}`, `value ${i}`] as const));
    expect(writes).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(20);
    expect(cache.get('v|p4')).toBeUndefined();
    expect(new ProfileCache<string>({ storage }).get('v|p24')).toBe('value 24');
    cache.setMany([]);
    expect(writes).toHaveBeenCalledTimes(1);
  });

  test('persists per storage partition and comes back after a reload, validated', () => {
    const storage = memoryStorage();
    const first = new ProfileCache<string>({ storage, partitionKey: 'p1:' });
    first.set('v|a', 'alpha');
    expect([...storage.data.keys()]).toEqual([`p1:${CACHE_STORAGE_KEY}`]);
    expect(new ProfileCache<string>({ storage, partitionKey: 'p1:' }).get('v|a')).toBe('alpha');
    expect(new ProfileCache<string>({ storage, partitionKey: 'p2:' }).get('v|a')).toBeUndefined();
    expect(
      new ProfileCache<string>({ storage, partitionKey: 'p1:', revive: (v) => (v === 'never' ? v : undefined) }).get('v|a'),
    ).toBeUndefined();
    expect(
      new ProfileCache<string>({ storage, partitionKey: 'p1:', revive: (v) => (typeof v === 'string' ? v.toUpperCase() : undefined) }).get(
        'v|a',
      ),
    ).toBe('ALPHA');
  });

  test('ignores a corrupt stored cache', () => {
    const storage = memoryStorage();
    storage.setItem(CACHE_STORAGE_KEY, '{not json');
    expect(new ProfileCache<string>({ storage }).size).toBe(0);
    storage.setItem(CACHE_STORAGE_KEY, JSON.stringify([['v|x', { value: 'y', storedAt: 'yesterday' }], 7]));
    expect(new ProfileCache<string>({ storage }).size).toBe(0);
  });

  test('shares one load between identical requests in flight', async () => {
    const cache = new ProfileCache<string>();
    const load = jest.fn(() => new Promise<string>((resolve) => setTimeout(() => resolve('v'), 5)));
    const [a, b] = await Promise.all([cache.getOrLoad('v|p', load), cache.getOrLoad('v|p', load)]);
    expect([a, b, load.mock.calls.length]).toEqual(['v', 'v', 1]);
    await cache.getOrLoad('v|p', load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('does not keep what it is told not to keep (a hidden member)', async () => {
    const storage = memoryStorage();
    const cache = new ProfileCache<{ status: string }>({ storage });
    await cache.getOrLoad(
      'v|hidden',
      async () => ({ status: 'hidden' }),
      (value) => value.status !== 'hidden',
    );
    expect(cache.size).toBe(0);
    expect(storage.data.size).toBe(0);
  });

  test('a failed load is not cached and can be retried', async () => {
    const cache = new ProfileCache<string>();
    await expect(cache.getOrLoad('v|p', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    await expect(cache.getOrLoad('v|p', async () => 'ok')).resolves.toBe('ok');
  });

  test('"Clear cached LinkedIn data" empties memory and storage, and a load finishing afterwards is not kept', async () => {
    const storage = memoryStorage();
    const cache = new ProfileCache<string>({ storage });
    cache.set('v|a', 'alpha');
    let finish: (value: string) => void = () => undefined;
    const pending = cache.getOrLoad('v|b', () => new Promise<string>((resolve) => (finish = resolve)));
    cache.purge();
    finish('beta');
    await pending;
    expect(cache.size).toBe(0);
    expect(storage.data.size).toBe(0);
  });

  test('after a disconnect nothing more is written to the device for the session', () => {
    const storage = memoryStorage();
    const cache = new ProfileCache<string>({ storage });
    cache.set('v|a', 'alpha');
    cache.purge({ keepOffDevice: true });
    cache.set('v|b', 'beta');
    expect(cache.get('v|b')).toBe('beta');
    expect(storage.data.size).toBe(0);
  });
});
