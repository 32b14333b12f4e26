import { isServiceError, type ServiceErrorKind } from '../services/errors';
import type { InsightsClient } from '../services/insightsClient';
import { connectedInsightsSchema, MAX_LOOKUP_BATCH, publicProfileSchema, type ConnectedInsights, type LookupResult, type PublicProfile } from '../services/insightsSchemas';
import { ProfileCache, type KeyValueStorage } from '../services/profileCache';

/** What the card shows for one person's public section. */
export type PublicState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'match'; profile: PublicProfile }
  | { status: 'noMatch' }
  | { status: 'hidden' }
  | { status: 'error'; kind: ServiceErrorKind; retryAfterSeconds?: number };

export type ConnectedState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; insights: ConnectedInsights }
  | { status: 'error'; kind: ServiceErrorKind; retryAfterSeconds?: number };

/** One cache entry per person: what may be kept (never a hidden member). */
interface CachedPerson {
  lookup: Extract<LookupResult, { status: 'match' | 'noMatch' }>;
  insights?: ConnectedInsights;
}

function isCachedPerson(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const lookup = (value as { lookup?: { status?: unknown; profile?: unknown } }).lookup;
  if (lookup?.status === 'noMatch') return true;
  if (lookup?.status !== 'match' || !publicProfileSchema.safeParse(lookup.profile).success) return false;
  const insights = (value as { insights?: unknown }).insights;
  return insights === undefined || connectedInsightsSchema.safeParse(insights).success;
}

const errorState = (error: unknown): { status: 'error'; kind: ServiceErrorKind; retryAfterSeconds?: number } =>
  isServiceError(error)
    ? { status: 'error', kind: error.kind, ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}) }
    : { status: 'error', kind: 'invalidPayload' };

/**
 * Loads LinkedIn data under the request discipline: public lookups batched (≤ 20 addresses a request) for the
 * people asked for, never twice for a cached or in-flight person; connected insights for one person at a time.
 * It keeps no state about a hidden member beyond "hidden" for this pane session (never in the cache).
 * Callers decide *whether* to ask: this class never decides policy.
 */
export class ProfileLoader {
  private readonly cache: ProfileCache<CachedPerson>;
  private readonly publicStates = new Map<string, PublicState>();
  private readonly connectedStates = new Map<string, ConnectedState>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  /** Bumped by purge(): answers to requests sent before it are dropped. */
  private generation = 0;

  constructor(
    private readonly client: InsightsClient,
    private readonly viewer: string,
    storage?: KeyValueStorage,
    partitionKey?: string,
  ) {
    this.cache = new ProfileCache<CachedPerson>({ storage, partitionKey, isValid: isCachedPerson });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  get cachedCount(): number {
    return this.cache.size;
  }

  publicState(address: string): PublicState {
    const key = this.key(address);
    const cached = this.cache.get(key);
    if (cached) return cached.lookup.status === 'match' ? { status: 'match', profile: cached.lookup.profile } : { status: 'noMatch' };
    return this.publicStates.get(key) ?? { status: 'idle' };
  }

  connectedState(address: string): ConnectedState {
    const key = this.key(address);
    const insights = this.cache.get(key)?.insights;
    if (insights) return { status: 'ready', insights };
    return this.connectedStates.get(key) ?? { status: 'idle' };
  }

  /** Looks up the public profiles of these people that are neither cached, in flight nor known to be hidden. */
  requestPublic(addresses: readonly string[]): void {
    const wanted: string[] = [];
    const seen = new Set<string>();
    for (const address of addresses) {
      const key = this.key(address);
      if (seen.has(key)) continue;
      seen.add(key);
      const state = this.publicState(address);
      if (state.status === 'idle') wanted.push(address.trim());
    }
    if (wanted.length === 0) return;
    for (let i = 0; i < wanted.length; i += MAX_LOOKUP_BATCH) this.lookupBatch(wanted.slice(i, i + MAX_LOOKUP_BATCH));
    this.changed();
  }

  /** Fetches connected insights for the person shown, once. */
  requestConnected(address: string): void {
    if (this.connectedState(address).status !== 'idle') return;
    const key = this.key(address);
    const generation = this.generation;
    this.connectedStates.set(key, { status: 'loading' });
    this.changed();
    this.client.insights(address.trim()).then(
      (insights) => {
        if (generation !== this.generation) return;
        this.connectedStates.delete(key);
        const cached = this.cache.get(key);
        if (cached) this.cache.set(key, { ...cached, insights });
        else this.connectedStates.set(key, { status: 'ready', insights });
        this.changed();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.connectedStates.set(key, errorState(error));
        this.changed();
      },
    );
  }

  /** Clears a failed section so the next request asks again. */
  retry(address: string, section: 'public' | 'connected'): void {
    const key = this.key(address);
    if (section === 'public' && this.publicStates.get(key)?.status === 'error') this.publicStates.delete(key);
    if (section === 'connected' && this.connectedStates.get(key)?.status === 'error') this.connectedStates.delete(key);
    this.changed();
  }

  /** Forgets everything: memory, storage, and answers still on their way (`keepOffDevice`: see ProfileCache.purge). */
  purge(options: { keepOffDevice?: boolean } = {}): void {
    this.generation++;
    this.cache.purge(options);
    this.publicStates.clear();
    this.connectedStates.clear();
    this.changed();
  }

  private lookupBatch(batch: string[]): void {
    const generation = this.generation;
    for (const address of batch) this.publicStates.set(this.key(address), { status: 'loading' });
    this.client.lookup(batch).then(
      (results) => {
        if (generation !== this.generation) return;
        for (const result of results) {
          const key = this.key(result.email);
          this.publicStates.delete(key);
          if (result.status === 'hidden') this.publicStates.set(key, { status: 'hidden' });
          else this.cache.set(key, { lookup: result });
        }
        this.changed();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        const state = errorState(error);
        for (const address of batch) this.publicStates.set(this.key(address), state);
        this.changed();
      },
    );
  }

  private key(address: string): string {
    return ProfileCache.key(this.viewer, address);
  }

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
