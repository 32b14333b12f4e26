/**
 * A map that holds at most `max` entries and forgets the least recently used first: the one bound of the add-in's
 * and the service's caches (the pane's LinkedIn answers, its per-person states, the service's verified tokens), each
 * of which adds its own rule of what is still fresh. Iterates oldest first. Imports nothing (src/shared/).
 */
export class LruMap<K, V> implements Iterable<[K, V]> {
  private readonly entries = new Map<K, V>();
  /** The most recently used key while it is in the map: asked again (a user's calls in a row), it needs no move. */
  private newest: K | undefined;
  private hasNewest = false;

  /**
   * `canForget`: whether an entry may be forgotten to make room (default: any). One that may not (a request still in
   * flight) stays, and the map holds more than `max` until it may.
   */
  constructor(
    readonly max: number,
    private readonly canForget: (value: V) => boolean = () => true,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`an LRU map holds at least one entry (got ${max})`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value, leaving its place in the order as it is (what a render or a sweep may call). */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** The value, which becomes the most recently used. */
  get(key: K): V | undefined {
    if (this.hasNewest && Object.is(this.newest, key)) return this.entries.get(key);
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.remember(key);
    return value;
  }

  /** Stores the value as the most recently used, then forgets the least recently used past `max` that may be. */
  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    this.remember(key);
    for (const [oldest, held] of this.entries) {
      if (this.entries.size <= this.max) break;
      if (this.canForget(held)) this.delete(oldest);
    }
    return this;
  }

  delete(key: K): boolean {
    if (this.hasNewest && Object.is(this.newest, key)) this.forgetNewest();
    return this.entries.delete(key);
  }

  clear(): void {
    this.forgetNewest();
    this.entries.clear();
  }

  private remember(key: K): void {
    this.newest = key;
    this.hasNewest = true;
  }

  private forgetNewest(): void {
    this.newest = undefined;
    this.hasNewest = false;
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries[Symbol.iterator]();
  }
}
