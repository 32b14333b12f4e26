import { createReadBatcher } from '../../server/store/readBatcher';

/** A fake table: every load is one "query", recorded with the keys it asked for. */
function table(rows: Map<string, string>) {
  const queries: string[][] = [];
  let release: (() => void) | null = null;
  const load = async (keys: readonly string[]) => {
    queries.push([...keys]);
    // Each query sees the table as it is when it runs.
    const found = new Map(keys.filter((k) => rows.has(k)).map((k) => [k, rows.get(k) as string]));
    if (queries.length === 1) await new Promise<void>((resolve) => (release = resolve));
    return found;
  };
  return { queries, load, releaseFirst: () => release?.() };
}

test('reads asked for while a query runs go out together in the next one, each key once', async () => {
  const rows = new Map([
    ['a', 'A'],
    ['b', 'B'],
  ]);
  const t = table(rows);
  const read = createReadBatcher(t.load, (k: string) => k);
  const first = read('a');
  await Promise.resolve();
  await Promise.resolve();
  const waiting = [read('a'), read('b'), read('b'), read('c')];
  t.releaseFirst();
  await expect(first).resolves.toBe('A');
  await expect(Promise.all(waiting)).resolves.toEqual(['A', 'B', 'B', undefined]);
  expect(t.queries).toEqual([['a'], ['a', 'b', 'c']]);
});

test('a read asked for after a write sees it (it never joins a query already running)', async () => {
  const rows = new Map<string, string>();
  const t = table(rows);
  const read = createReadBatcher(t.load, (k: string) => k);
  const before = read('a');
  await Promise.resolve();
  rows.set('a', 'written');
  const after = read('a');
  t.releaseFirst();
  await expect(before).resolves.toBeUndefined();
  await expect(after).resolves.toBe('written');
});

test('a failed query fails every read in it, and the next reads still go out', async () => {
  let calls = 0;
  const read = createReadBatcher(
    async (keys: readonly string[]) => {
      calls += 1;
      if (calls === 1) throw new Error('database unavailable');
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    },
    (k: string) => k,
  );
  const failed = [read('a'), read('b')];
  await expect(Promise.all(failed.map((p) => p.catch((e: Error) => e.message)))).resolves.toEqual([
    'database unavailable',
    'database unavailable',
  ]);
  await expect(read('a')).resolves.toBe('A');
});

test('a batch holds at most maxBatch keys', async () => {
  const sizes: number[] = [];
  const read = createReadBatcher(
    async (keys: readonly number[]) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [String(k), k]));
    },
    (k: number) => String(k),
    3,
  );
  await Promise.all([1, 2, 3, 4, 5, 6, 7].map(read));
  expect(sizes).toEqual([3, 3, 1]);
});
