import { LruMap } from '../shared/lruMap';

/**
 * What the add-in keeps of LinkedIn answers: per viewer and person, at most 200 entries, each for at most 24 hours
 * (and no later than an entry's own end: the people on today's calendar until the end of the day), in memory and
 * persisted per storage partition. Purged on "Clear cached LinkedIn data", when the viewer's decision becomes none,
 * and on disconnect. Hidden members are never stored: callers pass only what may be kept.
 */
export const CACHE_MAX_ENTRIES = 200;
export const CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const CACHE_STORAGE_KEY = 'linkedin.profileCache.v1';

/** Where a partition's cache is stored: the key prefixed with Office's partition key, where the host partitions storage. */
const storageKeyFor = (partitionKey: string | undefined): string => `${partitionKey ?? ''}${CACHE_STORAGE_KEY}`;

/**
 * Whether this partition's storage holds no cached person at all (nothing, or an empty list): what the pane's first
 * script checks before it looks anyone up itself — the pane's loader looks up no one it has kept, and only an empty
 * cache lets the first script know that without reading it (earlyLookup.ts).
 */
export function nothingCached(storage: KeyValueStorage | undefined, partitionKey: string | undefined): boolean {
  try {
    const text = storage?.getItem(storageKeyFor(partitionKey)) ?? null;
    return text === null || text.trim() === '[]';
  } catch {
    return false;
  }
}

export interface KeyValueStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  removeItem: (key: string) => void;
}

interface Entry<T> {
  value: T;
  storedAt: number;
  /** Gone from this instant on, whatever its age (an entry learned from today's calendar: the end of the day). */
  expiresAt?: number;
}

/** How long a value may be kept: until this instant at the latest (undefined: the cache's own 24 hours). */
export interface KeepOptions {
  expiresAt?: number;
}

export interface CacheOptions<T = unknown> {
  storage?: KeyValueStorage;
  /** Office.context.partitionKey when the host partitions storage. */
  partitionKey?: string;
  maxEntries?: number;
  maxAgeMs?: number;
  now?: () => number;
  /**
   * Parses a value read back from storage into what may be used — the parsed value, never the stored one as it was —
   * or undefined to drop it (storage is not trusted).
   */
  revive?: (value: unknown) => T | undefined;
}

export class ProfileCache<T> {
  private readonly entries: LruMap<string, Entry<T>>;
  private readonly storageKey: string;
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private offDevice = false;

  constructor(private readonly options: CacheOptions<T> = {}) {
    this.storageKey = storageKeyFor(options.partitionKey);
    this.maxEntries = options.maxEntries ?? CACHE_MAX_ENTRIES;
    this.entries = new LruMap(this.maxEntries);
    this.maxAgeMs = options.maxAgeMs ?? CACHE_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
    this.restore();
  }

  static key(viewer: string, person: string): string {
    return `${viewer.trim().toLowerCase()}|${person.trim().toLowerCase()}`;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether, since a purge with `keepOffDevice`, what it keeps stays in memory only (nothing more is written to storage). */
  get keptOffDevice(): boolean {
    return this.offDevice;
  }

  /**
   * The fresh value, or undefined, changing nothing (neither the least-recently-used order nor storage): what a
   * render may call.
   */
  peek(key: string): T | undefined {
    const entry = this.entries.peek(key);
    return entry && this.fresh(entry, this.now()) ? entry.value : undefined;
  }

  private fresh(entry: Entry<T>, now: number): boolean {
    return now - entry.storedAt <= this.maxAgeMs && (entry.expiresAt === undefined || now < entry.expiresAt);
  }

  /** Forgets every entry past its time, in memory and storage (the end of the day came while the pane was open). */
  dropExpired(): void {
    const now = this.now();
    let dropped = false;
    for (const [key, entry] of [...this.entries]) {
      if (this.fresh(entry, now)) continue;
      this.entries.delete(key);
      dropped = true;
    }
    if (dropped) this.persist();
  }

  /** The fresh value, or undefined. Using it refreshes its place in the least-recently-used order; an expired one is dropped. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!this.fresh(entry, this.now())) {
      this.entries.delete(key);
      this.persist();
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, keep: KeepOptions = {}): void {
    this.place(key, value, keep.expiresAt);
    this.persist();
  }

  /** Stores several values (a lookup's answers) and writes storage once, not once per value. */
  setMany(values: ReadonlyArray<readonly [string, T]>, keep: KeepOptions = {}): void {
    for (const [key, value] of values) this.place(key, value, keep.expiresAt);
    if (values.length > 0) this.persist();
  }

  /** A new value keeps the earlier of its own end and the one it replaces (a day-bound entry never outlives its day). */
  private place(key: string, value: T, expiresAt: number | undefined): void {
    const before = this.entries.peek(key)?.expiresAt;
    const until = before === undefined ? expiresAt : expiresAt === undefined ? before : Math.min(before, expiresAt);
    this.entries.set(key, { value, storedAt: this.now(), ...(until === undefined ? {} : { expiresAt: until }) });
  }

  delete(key: string): void {
    if (this.entries.delete(key)) this.persist();
  }

  /**
   * Forgets everything, in memory and in storage. `keepOffDevice`: from now on nothing more is written to storage
   * (after a disconnect, storage must stay empty of LinkedIn data for the rest of this session).
   */
  purge(options: { keepOffDevice?: boolean } = {}): void {
    if (options.keepOffDevice) this.offDevice = true;
    this.entries.clear();
    try {
      this.options.storage?.removeItem(this.storageKey);
    } catch {
      // Storage unavailable: nothing was persisted there either.
    }
  }

  private persist(): void {
    const storage = this.options.storage;
    if (!storage || this.offDevice) return;
    try {
      if (this.entries.size === 0) storage.removeItem(this.storageKey);
      else storage.setItem(this.storageKey, JSON.stringify([...this.entries]));
    } catch {
      // Quota or privacy mode: the in-memory cache still works.
    }
  }

  private restore(): void {
    const storage = this.options.storage;
    if (!storage) return;
    let parsed: unknown;
    try {
      const text = storage.getItem(this.storageKey);
      parsed = text ? JSON.parse(text) : [];
    } catch {
      parsed = [];
    }
    if (!Array.isArray(parsed)) return;
    const now = this.now();
    let pastTime = false;
    for (const item of parsed.slice(-this.maxEntries)) {
      if (!Array.isArray(item) || !isCacheKey(item[0])) continue;
      const entry = item[1] as Partial<Entry<T>> | undefined;
      if (!entry || typeof entry.storedAt !== 'number' || entry.storedAt > now) continue;
      const expiresAt = typeof entry.expiresAt === 'number' ? { expiresAt: entry.expiresAt } : {};
      if (!this.fresh({ value: undefined as T, storedAt: entry.storedAt, ...expiresAt }, now)) {
        pastTime = true;
        continue;
      }
      const value = this.options.revive ? this.options.revive(entry.value) : (entry.value as T);
      if (value === undefined) continue;
      this.entries.set(item[0], { value, storedAt: entry.storedAt, ...expiresAt });
    }
    // What was past its time is not left in storage for another day (the pane may not open again for a week).
    if (pastTime) this.persist();
  }
}

/**
 * Whether a stored key is one `ProfileCache.key` could have made (a viewer and a person, neither empty, as that
 * function writes them), with no control characters: anything else in storage was not written by the pane and is
 * dropped on restore.
 */
function isCacheKey(key: unknown): key is string {
  if (typeof key !== 'string' || /\p{Cc}/u.test(key)) return false;
  const bar = key.indexOf('|');
  return bar > 0 && bar < key.length - 1 && ProfileCache.key(key.slice(0, bar), key.slice(bar + 1)) === key;
}
