import { isServiceError } from '../services/errors';
import type { InsightsClient } from '../services/insightsClient';
import { ProfileCache, type KeyValueStorage } from '../services/profileCache';
import { ThrottleLock } from '../services/throttleLock';
import { LruMap } from '../shared/lruMap';
import { lookupBatches } from './lookupBatches';
import {
  errorState,
  MAX_PERSON_STATES,
  reviveCachedPerson,
  throttledFor,
  type CachedPerson,
  type ConnectedState,
  type ErrorState,
  type PersonQuery,
  type ProfileReadings,
  type PublicState,
} from './profileStates';

export type { ConnectedState, ErrorState, PersonQuery, ProfileReadings, PublicState };

/** A person's state may be forgotten to make room unless a request about them is in flight. */
const notInFlight = (state: { status: string }): boolean => state.status !== 'loading';
/**
 * Loads LinkedIn data under the request discipline: public lookups batched (≤ 20 addresses a request) for the
 * people asked for, never twice for a cached or in-flight person; connected insights for one person at a time.
 * It keeps no state about a hidden member beyond "hidden" for this pane session (never in the cache).
 * After LinkedIn's limit is reached for a person (the client already tried 3 times), nothing more is asked about
 * them — not even on Retry — until the service's Retry-After, or a default cool-down, has passed.
 * Callers decide *whether* to ask: this class never decides policy.
 */
export class ProfileLoader {
  private readonly cache: ProfileCache<CachedPerson>;
  private readonly publicStates = new LruMap<string, PublicState>(MAX_PERSON_STATES, notInFlight);
  private readonly connectedStates = new LruMap<string, ConnectedState>(MAX_PERSON_STATES, notInFlight);
  private readonly listeners = new Set<() => void>();
  private readings: ProfileReadings;
  /** Bumped by purge(): answers to requests sent before it are dropped. */
  private generation = 0;
  private readonly throttle: ThrottleLock;

  constructor(
    private readonly client: InsightsClient,
    private readonly viewer: string,
    storage?: KeyValueStorage,
    partitionKey?: string,
    now?: () => number,
  ) {
    this.cache = new ProfileCache<CachedPerson>({ storage, partitionKey, revive: reviveCachedPerson, ...(now ? { now } : {}) });
    this.throttle = new ThrottleLock(now);
    this.readings = this.newReadings();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** What the loader knows, read without side effects (what a render reads); a new value after every change. */
  getReadings = (): ProfileReadings => this.readings;

  get cachedCount(): number {
    return this.cache.size;
  }

  /** The person's public section, changing nothing (not even the cache's order). */
  publicState(address: string): PublicState {
    return this.publicStateOf(this.key(address), this.cache.peek(this.key(address)));
  }

  /** The person's connected section, changing nothing (not even the cache's order). */
  connectedState(address: string): ConnectedState {
    return this.connectedStateOf(this.key(address), this.cache.peek(this.key(address)));
  }

  private publicStateOf(key: string, cached: CachedPerson | undefined): PublicState {
    if (cached) return cached.lookup.status === 'match' ? { status: 'match', profile: cached.lookup.profile } : { status: 'noMatch' };
    return this.publicStates.peek(key) ?? { status: 'idle' };
  }

  private connectedStateOf(key: string, cached: CachedPerson | undefined): ConnectedState {
    if (cached?.insights) return { status: 'ready', insights: cached.insights };
    return this.connectedStates.peek(key) ?? { status: 'idle' };
  }

  /** Looks up the public profiles of these people that are neither cached, in flight nor known to be hidden. */
  requestPublic(addresses: readonly string[], query: PersonQuery = {}): void {
    let lockedAny = false;
    const batches = lookupBatches(addresses, (address) => {
      const key = this.key(address);
      // Asked for again: the person is used, so the cache keeps them longest (least recently used goes first).
      if (this.publicStateOf(key, this.cache.get(key)).status !== 'idle') return false;
      const locked = this.throttle.remainingSeconds(key);
      if (locked === undefined) return true;
      this.publicStates.set(key, throttledFor(locked));
      lockedAny = true;
      return false;
    });
    if (batches.length === 0) {
      if (lockedAny) this.changed();
      return;
    }
    for (const batch of batches) this.lookupBatch(batch, query);
    this.changed();
  }

  /** Fetches connected insights for the person shown, once. */
  requestConnected(address: string, query: PersonQuery = {}): void {
    const key = this.key(address);
    if (this.connectedStateOf(key, this.cache.get(key)).status !== 'idle') return;
    const locked = this.throttle.remainingSeconds(key);
    if (locked !== undefined) {
      this.connectedStates.set(key, throttledFor(locked));
      this.changed();
      return;
    }
    const generation = this.generation;
    this.connectedStates.set(key, { status: 'loading' });
    this.changed();
    this.client.insights(address.trim(), undefined, query.purpose).then(
      (insights) => {
        if (generation !== this.generation) return;
        this.connectedStates.delete(key);
        if (insights === 'unavailable') {
          // Session only, like a failure: the source may answer another day; nothing about the person is kept.
          this.connectedStates.set(key, { status: 'unavailable' });
          this.changed();
          return;
        }
        const cached = this.cache.get(key);
        if (cached) this.cache.set(key, { ...cached, insights }, { expiresAt: query.keepUntil });
        else this.connectedStates.set(key, { status: 'ready', insights });
        this.changed();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.connectedStates.set(key, this.failed(key, error));
        this.changed();
      },
    );
  }

  /** Clears a failed section so the next request asks again — unless LinkedIn's limit still holds for the person. */
  retry(address: string, section: 'public' | 'connected'): void {
    const key = this.key(address);
    const states = section === 'public' ? this.publicStates : this.connectedStates;
    if (states.peek(key)?.status === 'error') this.clearFailure(states, key);
    this.changed();
  }

  /** Clears every failed connected section (after reconnecting), so the person shown is asked again — limits still hold. */
  retryConnectedFailures(): void {
    let cleared = false;
    for (const [key, state] of [...this.connectedStates]) {
      if (state.status !== 'error') continue;
      cleared = true;
      this.clearFailure(this.connectedStates, key);
    }
    if (cleared) this.changed();
  }

  /** Forgets a failure so the next request asks again — unless LinkedIn's limit still holds for the person. */
  private clearFailure(states: LruMap<string, PublicState> | LruMap<string, ConnectedState>, key: string): void {
    const locked = this.throttle.remainingSeconds(key);
    if (locked !== undefined) states.set(key, throttledFor(locked));
    else states.delete(key);
  }

  /**
   * Forgets everything: memory, storage, and answers still on their way (`keepOffDevice`: see ProfileCache.purge).
   * Returns how many people's LinkedIn information it forgot.
   */
  purge(options: { keepOffDevice?: boolean } = {}): number {
    const forgot = this.cache.size;
    this.generation++;
    this.cache.purge(options);
    this.publicStates.clear();
    this.connectedStates.clear();
    this.changed();
    return forgot;
  }

  /** Forgets what was kept past its time (the end of the day came while the pane was open). */
  expire(): void {
    this.cache.dropExpired();
    this.changed();
  }

  private lookupBatch(batch: string[], query: PersonQuery): void {
    const generation = this.generation;
    for (const address of batch) this.publicStates.set(this.key(address), { status: 'loading' });
    this.client.lookup(batch, undefined, query.purpose).then(
      (results) => {
        if (generation !== this.generation) return;
        const kept: [string, CachedPerson][] = [];
        for (const result of results) {
          const key = this.key(result.email);
          this.publicStates.delete(key);
          if (result.status === 'hidden' || result.status === 'unavailable') this.publicStates.set(key, { status: result.status });
          else kept.push([key, { lookup: result }]);
        }
        // One write to storage for the whole answer: with a full cache, each write is the whole cache.
        this.cache.setMany(kept, { expiresAt: query.keepUntil });
        this.changed();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        for (const address of batch) {
          const key = this.key(address);
          this.publicStates.set(key, this.failed(key, error));
        }
        this.changed();
      },
    );
  }

  /** The state a failure leaves; a final 429 also locks the person until the service's limit has passed. */
  private failed(key: string, error: unknown): ErrorState {
    if (isServiceError(error) && error.kind === 'throttled') return throttledFor(this.throttle.lock(key, error));
    return errorState(error);
  }

  private newReadings(): ProfileReadings {
    return {
      publicState: (address) => this.publicState(address),
      connectedState: (address) => this.connectedState(address),
      cachedCount: this.cache.size,
      keptInPaneOnly: this.cache.keptOffDevice,
    };
  }

  private key(address: string): string {
    return ProfileCache.key(this.viewer, address);
  }

  private changed(): void {
    this.readings = this.newReadings();
    for (const listener of [...this.listeners]) listener();
  }
}
