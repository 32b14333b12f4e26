import { isLookupAddress } from '../contract/address';
import type { DeviceStatement, LookupPurpose } from '../contract/requests';
import type { Answer } from './send';

/**
 * The insights service's lookup request as the pane sends it, without the client's parsing (no zod): the pane's
 * first script builds its first lookup with it (earlyLookup.ts), and the insights client every lookup, so the two
 * requests are the same request — same URL, same headers (send.ts), same body.
 */

/** The service lives at api/v1/ beside the add-in's page (docs/insights-service.md). */
export function insightsBaseUrl(pageUrl: string): string {
  return new URL('api/v1/', pageUrl).toString();
}

export const LOOKUP_PATH = 'profiles/lookup';

/** The lookup's body: only addresses the service's schema takes, the device statement, and a purpose other than the card's. */
export interface LookupBody {
  emails: string[];
  device?: DeviceStatement;
  purpose?: LookupPurpose;
}

export function lookupBody(emails: readonly string[], device: DeviceStatement | undefined, purpose?: LookupPurpose): LookupBody {
  // The card's purpose is the default, left unsaid: only Today's is stated.
  return { emails: emails.filter(isLookupAddress), ...(device ? { device } : {}), ...(purpose === 'today' ? { purpose } : {}) };
}

/**
 * A lookup the pane's first script already sent: its body as sent (JSON) and its answer on the way, read as it
 * arrives (send.ts readNow) — or the error its token gave (a ServiceError, as the client's own request would throw).
 */
export interface SentLookup {
  body: string;
  response: Promise<Answer>;
}

/** The sent lookup's answer for the client's request with this body: given once, and only to the same request. */
export type TakeSentLookup = (body: LookupBody) => Promise<Answer> | undefined;
