import { CACHE_MAX_AGE_MS, CACHE_STORAGE_KEY, ProfileCache } from '../../src/services/profileCache';
import { memoryStorage } from '../support/memoryStorage';

describe('the LinkedIn cache', () => {
  test('keeps each person per viewer, so another user of the same device never sees them', () => {
    const cache = new ProfileCache<string>();
    cache.set(ProfileCache.key('megan@contoso.com', 'Aiko@Fabrikam.com'), 'aiko');
    expect(cache.get(ProfileCache.key('MEGAN@contoso.com', 'aiko@fabrikam.com'))).toBe('aiko');
    expect(cache.get(ProfileCache.key('alex@contoso.com', 'aiko@fabrikam.com'))).toBeUndefined();
  });

  test('holds at most 200 people, dropping the least recently used (not the first stored)', () => {
    const cache = new ProfileCache<number>();
    for (let i = 0; i < 200; i++) cache.set(`v|p${i}`, i);
    // p0 was stored first but is used now; p1 is then the least recently used.
    expect(cache.get('v|p0')).toBe(0);
    cache.set('v|p200', 200);
    expect(cache.size).toBe(200);
    expect(cache.get('v|p0')).toBe(0);
    expect(cache.get('v|p1')).toBeUndefined();
    // Looking without using (what a render does) changes nothing: p2 goes next.
    expect(cache.peek('v|p2')).toBe(2);
    cache.set('v|p201', 201);
    expect(cache.get('v|p2')).toBeUndefined();
    expect(cache.get('v|p3')).toBe(3);
  });

  test('looking at an expired entry (a render) writes nothing to storage', () => {
    let now = 1_000_000;
    const storage = memoryStorage();
    const cache = new ProfileCache<string>({ storage, now: () => now });
    cache.set('v|p', 'x');
    const writes = jest.spyOn(storage, 'setItem');
    const removals = jest.spyOn(storage, 'removeItem');
    now += CACHE_MAX_AGE_MS + 1;
    expect(cache.peek('v|p')).toBeUndefined();
    expect(writes).not.toHaveBeenCalled();
    expect(removals).not.toHaveBeenCalled();
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

  test('drops stored entries under keys the pane never writes (not a viewer and a person)', () => {
    const storage = memoryStorage();
    const entry = { value: 'y', storedAt: Date.now() - 1000 };
    const keys = [
      '\u0000',
      '',
      '|a',
      'v|',
      'V|a',
      ' v|a',
      'v |a',
      'v|a\u0007',
      'nobar',
      ProfileCache.key(' Megan@Contoso.com', 'aiko@fabrikam.com '),
    ];
    storage.setItem(CACHE_STORAGE_KEY, JSON.stringify(keys.map((key) => [key, entry])));
    const cache = new ProfileCache<string>({ storage });
    expect(cache.size).toBe(1);
    expect(cache.get('megan@contoso.com|aiko@fabrikam.com')).toBe('y');
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

  test('an entry learned from today’s calendar is gone at the end of the day, in memory and in storage', () => {
    const storage = memoryStorage();
    let now = 1_000_000;
    const endOfDay = now + 3_600_000;
    const cache = new ProfileCache<string>({ storage, now: () => now });
    cache.setMany([['v|attendee', 'from Today']], { expiresAt: endOfDay });
    cache.set('v|sender', 'from a mail');
    // Insights added later never stretch a day-bound entry past its day.
    cache.set('v|attendee', 'with insights');
    now = endOfDay - 1;
    expect(cache.peek('v|attendee')).toBe('with insights');
    now = endOfDay;
    expect(cache.peek('v|attendee')).toBeUndefined();
    expect(cache.get('v|sender')).toBe('from a mail');
    cache.dropExpired();
    expect(storage.getItem(CACHE_STORAGE_KEY)).not.toContain('attendee');
    expect(storage.getItem(CACHE_STORAGE_KEY)).toContain('sender');
  });

  test('a pane opened on another day finds nothing of yesterday’s calendar, and storage is rewritten without it', () => {
    const storage = memoryStorage();
    let now = 1_000_000;
    new ProfileCache<string>({ storage, now: () => now }).setMany([['v|attendee', 'from Today']], { expiresAt: now + 1000 });
    expect(storage.getItem(CACHE_STORAGE_KEY)).toContain('attendee');
    now += 2000;
    const reopened = new ProfileCache<string>({ storage, now: () => now });
    expect(reopened.size).toBe(0);
    expect(storage.getItem(CACHE_STORAGE_KEY)).toBeNull();
  });
});
