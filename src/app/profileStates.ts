import { isServiceError, refusesConnection, type ServiceErrorKind } from '../services/errors';
import type { RefusalReason } from '../contract/errors';
import type { LookupPurpose } from '../contract/requests';
import {
  connectedInsightsSchema,
  lookupResultSchema,
  type ConnectedInsights,
  type LookupResult,
  type PublicProfile,
} from '../contract/insights';

/*
 * What the profile loader (profileLoader.ts) knows of each person, and how it keeps it: the states a card reads.
 */

/** What the card shows for one person's public section. */
export type PublicState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'match'; profile: PublicProfile }
  | { status: 'noMatch' }
  | { status: 'hidden' }
  /** The service's source can't look this person up ("can't be looked up from here"): not a no-match, nothing invented. */
  | { status: 'unavailable' }
  | ErrorState;

export type ConnectedState =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; insights: ConnectedInsights } | { status: 'unavailable' } | ErrorState;

/** What the loader knows of LinkedIn's answers, read without side effects: a new value after every change. */
export interface ProfileReadings {
  publicState: (address: string) => PublicState;
  connectedState: (address: string) => ConnectedState;
  readonly cachedCount: number;
  /** Whether what is kept stays in this pane only, until it is closed: nothing is written to the device since a disconnect. */
  readonly keptInPaneOnly: boolean;
}

/** One cache entry per person: what may be kept (never a hidden member). */
export interface CachedPerson {
  lookup: Extract<LookupResult, { status: 'match' | 'noMatch' }>;
  insights?: ConnectedInsights;
}

/** A person read back from storage (not trusted), parsed as the service's answer is: the parsed value, or undefined. */
export function reviveCachedPerson(value: unknown): CachedPerson | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const lookup = lookupResultSchema.safeParse((value as { lookup?: unknown }).lookup);
  if (!lookup.success || lookup.data.status === 'hidden' || lookup.data.status === 'unavailable') return undefined;
  const stored = (value as { insights?: unknown }).insights;
  if (stored === undefined) return { lookup: lookup.data };
  const insights = connectedInsightsSchema.safeParse(stored);
  return insights.success ? { lookup: lookup.data, insights: insights.data } : undefined;
}

/**
 * Why people are asked about, and how long their answers may be kept: for Today (people on the user's calendar) the
 * purpose is said to the service, and what comes back is kept until the end of the day at most.
 */
export interface PersonQuery {
  purpose?: LookupPurpose;
  /** Keep the answers until this instant at the latest (the end of the day). */
  keepUntil?: number;
}

/**
 * A request that failed: how, when to try again (after a limit), for a refusal the rule the service named, and
 * whether the service said the user's LinkedIn connection is gone (401 notConnected: Reconnect, not Retry).
 */
export type ErrorState = {
  status: 'error';
  kind: ServiceErrorKind;
  retryAfterSeconds?: number;
  reason?: RefusalReason;
  connectionRefused?: true;
};

/**
 * People whose session state (loading, hidden, no answer, insights kept outside the cache) the loader holds at most,
 * per section: past that the oldest settled ones are forgotten, and asked about again if they are shown again. Keeps a
 * pinned pane's memory bounded however many mails it follows.
 */
export const MAX_PERSON_STATES = 1000;

export const throttledFor = (seconds: number): ErrorState => ({ status: 'error', kind: 'throttled', retryAfterSeconds: seconds });

export const errorState = (error: unknown): ErrorState =>
  isServiceError(error)
    ? {
        status: 'error',
        kind: error.kind,
        ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        ...(error.reason !== undefined ? { reason: error.reason } : {}),
        ...(refusesConnection(error) ? { connectionRefused: true as const } : {}),
      }
    : { status: 'error', kind: 'invalidPayload' };
