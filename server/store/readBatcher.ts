/**
 * Coalesces concurrent reads by key into one query (the DataLoader pattern): while one batch's query runs, the keys
 * asked for meanwhile wait and go out together in the next, so fifty requests for connections cost a handful of
 * queries, not fifty. A read always goes out after it was asked for, so it sees every write committed before it.
 */
export function createReadBatcher<K, V>(
  load: (keys: readonly K[]) => Promise<ReadonlyMap<string, V>>,
  keyOf: (key: K) => string,
  maxBatch = 100,
): (key: K) => Promise<V | undefined> {
  const waiting = new Map<string, { key: K; callers: { resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] }>();
  let running = false;

  const dispatch = (): void => {
    if (running || waiting.size === 0) return;
    const batch = [...waiting.values()].slice(0, maxBatch);
    for (const entry of batch) waiting.delete(keyOf(entry.key));
    running = true;
    load(batch.map((entry) => entry.key))
      .then(
        (found) => {
          for (const entry of batch) for (const caller of entry.callers) caller.resolve(found.get(keyOf(entry.key)));
        },
        (error: unknown) => {
          for (const entry of batch) for (const caller of entry.callers) caller.reject(error);
        },
      )
      .finally(() => {
        running = false;
        dispatch();
      });
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      const id = keyOf(key);
      const entry = waiting.get(id) ?? { key, callers: [] };
      entry.callers.push({ resolve, reject });
      waiting.set(id, entry);
      // Let the requests of this turn of the event loop join before the first query goes out.
      queueMicrotask(dispatch);
    });
}
