import { LruMap } from '../../src/shared/lruMap';

/**
 * What was read from the embedded database, kept while the database has not changed since: its thread counts every
 * statement but a read as it completes, before answering it (db/pgliteThread.ts, `writes`). The count is taken
 * before a read is asked for, and what the read returns is kept under that count: a write that completed before the
 * count was taken is in what the read returns; one that completes after it moves the count, and nothing kept under
 * the old count is used again (it is dropped at the next look). Any writer through that thread moves it: this
 * service, a second instance on the same handle, an admin's command in the same process.
 */
export interface UnchangedReads<V> {
  /** The count to read at: take it before asking the database. */
  count: () => number;
  /** What was kept for `key` at `count` (taken just now), if anything. */
  get: (key: string, count: number) => { value: V } | undefined;
  /** Keeps what a read asked for at `count` returned, unless the database has changed since. */
  keep: (key: string, count: number, value: V) => void;
}

export function unchangedReads<V>(writes: () => number, max: number): UnchangedReads<V> {
  const kept = new LruMap<string, { value: V }>(max);
  let keptAt = writes();
  /** What is kept belongs to one count: at another, all of it is dropped. */
  const moveTo = (count: number): void => {
    if (count === keptAt) return;
    kept.clear();
    keptAt = count;
  };
  return {
    count: writes,
    get(key, count) {
      moveTo(count);
      return kept.get(key);
    },
    keep(key, count, value) {
      if (count !== writes()) return;
      moveTo(count);
      kept.set(key, { value });
    },
  };
}
