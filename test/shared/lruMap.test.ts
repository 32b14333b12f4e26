import fc from 'fast-check';
import { LruMap } from '../../src/shared/lruMap';

describe('the LRU map every cache is bounded by', () => {
  test('holds at most its size and forgets the least recently used first; reading with get keeps an entry, peek does not', () => {
    const map = new LruMap<string, number>(3);
    map.set('a', 1).set('b', 2).set('c', 3);
    expect(map.get('a')).toBe(1); // a is now the most recent
    expect(map.peek('b')).toBe(2); // b stays the oldest
    map.set('d', 4);
    expect([...map.keys()]).toEqual(['c', 'a', 'd']);
    map.set('c', 30); // replacing makes it the most recent
    map.set('e', 5);
    expect([...map]).toEqual([
      ['d', 4],
      ['c', 30],
      ['e', 5],
    ]);
    expect(map.size).toBe(3);
    expect(map.get('a')).toBeUndefined();
  });

  test('agrees with a list model of least-recently-used order, whatever the sequence of operations', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 4 }), value: fc.integer() }),
      fc.record({ kind: fc.constantFrom('get' as const, 'peek' as const, 'delete' as const), key: fc.integer({ min: 0, max: 4 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 60 }), (max, ops) => {
        const map = new LruMap<number, number>(max);
        let model: [number, number][] = [];
        for (const o of ops) {
          const found = model.find(([k]) => k === o.key);
          if (o.kind === 'set') {
            model = [...model.filter(([k]) => k !== o.key), [o.key, o.value] as [number, number]].slice(-max);
            map.set(o.key, o.value);
          } else if (o.kind === 'get') {
            if (found) model = [...model.filter(([k]) => k !== o.key), found];
            expect(map.get(o.key)).toBe(found?.[1]);
          } else if (o.kind === 'peek') expect(map.peek(o.key)).toBe(found?.[1]);
          else {
            model = model.filter(([k]) => k !== o.key);
            expect(map.delete(o.key)).toBe(found !== undefined);
          }
          expect([...map]).toEqual(model);
        }
      }),
      // Few keys and many runs, so a key is read, another stored and the first read again often enough: `set` forgetting
      // to mark its key as the newest passed 100 runs over ten keys (seed 1182066570) and fails these every time.
      { numRuns: 1000 },
    );
  });

  test('a key read, another stored, then the first read again: the first is the most recent (reading the newest moves nothing)', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    expect(map.get('a')).toBe(1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    expect([...map.keys()]).toEqual(['b', 'a']);
    map.set('c', 3);
    expect([...map.keys()]).toEqual(['a', 'c']);
    map.delete('c');
    map.set('c', 4);
    expect(map.get('a')).toBe(1);
    expect([...map.keys()]).toEqual(['c', 'a']);
  });

  test('never forgets an entry it may not (a request in flight): it holds more until that one settles', () => {
    const map = new LruMap<string, { status: string }>(2, (state) => state.status !== 'loading');
    map.set('a', { status: 'loading' }).set('b', { status: 'done' }).set('c', { status: 'done' });
    expect([...map.keys()]).toEqual(['a', 'c']);
    map.set('d', { status: 'loading' });
    expect([...map.keys()]).toEqual(['a', 'd']);
    map.set('a', { status: 'done' }).set('e', { status: 'done' });
    expect([...map.keys()]).toEqual(['d', 'e']);
  });

  test('refuses a size that could hold nothing', () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});
