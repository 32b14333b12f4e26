import { ServiceError, tokenRefused } from './errors';
import { tokenSender, type RetryOptions } from './retry';
import type { DeviceStatement, LookupPurpose } from '../contract/requests';
import {
  connectionStatusSchema,
  insightsResponseSchema,
  revokedSchema,
  suggestionsResponseSchema,
  type Suggestions,
  lookupResponseSchema,
  MAX_LOOKUP_BATCH,
  type ConnectedInsights,
  type ConnectionStatus,
  type LookupResult,
} from '../contract/insights';
import { isLookupAddress } from '../contract/address';
import { insightsBaseUrl, lookupBody, LOOKUP_PATH, type TakeSentLookup } from './lookupRequest';

export { insightsBaseUrl };

/**
 * Supplies a bearer token for the insights service's own API scope; `forceRefresh`: the service refused the last one,
 * so a new one must be acquired instead of the cached one handed back.
 */
export type TokenProvider = (options?: { forceRefresh?: boolean }) => Promise<string>;

export interface InsightsClient {
  /**
   * Public profiles for up to 20 addresses; one result per address, in the order asked. `purpose`: `today` for people
   * on the user's calendar (the service answers it only with both-ways consent); the card's otherwise.
   */
  lookup: (emails: readonly string[], signal?: AbortSignal, purpose?: LookupPurpose) => Promise<LookupResult[]>;
  /** Connected insights, or 'unavailable' when the service's source cannot give them ("can't be looked up from here"). */
  insights: (email: string, signal?: AbortSignal, purpose?: LookupPurpose) => Promise<ConnectedInsights | 'unavailable'>;
  connectionStatus: (signal?: AbortSignal) => Promise<ConnectionStatus>;
  /** Completes the LinkedIn sign-in: the service exchanges the code with its secret and the PKCE verifier. */
  completeConnection: (request: CompleteConnectionRequest, signal?: AbortSignal) => Promise<ConnectionStatus>;
  /** Sends the item's addresses to LinkedIn for "people you work with" — only ever with both-ways consent. */
  suggestions: (emails: readonly string[], signal?: AbortSignal) => Promise<Suggestions | 'unavailable'>;
  /** Revokes the connection on the service (and with LinkedIn). */
  revokeConnection: (signal?: AbortSignal) => Promise<void>;
}

export interface CompleteConnectionRequest {
  code: string;
  codeVerifier: string;
  state: string;
  consent: 'linkedInToMicrosoft' | 'twoWay';
  redirectUri: string;
}

export interface InsightsClientOptions {
  /** Retry policy and its clock, sleep and dice (src/services/retry.ts); tests inject them. */
  retry?: RetryOptions;
  /** The device the rules are decided for (src/app/deviceStatement.ts), sent with every request they decide. */
  device?: () => DeviceStatement;
  /** Per try; 8 s unless told. */
  timeoutMs?: number;
  /**
   * The first lookup as the pane's first script already sent it (earlyLookup.ts): its answer is read for the same
   * request, once, in place of sending it again — validated, retried and refused exactly as the client's own.
   */
  takeSentLookup?: TakeSentLookup;
}

/**
 * One request, tried again on 429 (and, unless it must not run twice, 502/503/504) with a token asked for each time.
 * A token the service refused (401 invalidToken, checked before any work, so safe to send again) is replaced by a
 * fresh one once; a second refusal is the caller's error ("could not sign in to the service"), never "reconnect".
 */
function sender(getToken: TokenProvider, options: InsightsClientOptions) {
  return tokenSender((_request, forceRefresh) => (forceRefresh ? getToken({ forceRefresh }) : getToken()), tokenRefused, options);
}

export function createInsightsClient(baseUrl: string, getToken: TokenProvider, options: InsightsClientOptions = {}): InsightsClient {
  const url = (path: string): string => new URL(path, baseUrl).toString();
  const device = (): { device?: DeviceStatement } => (options.device ? { device: options.device() } : {});
  // The card's purpose is the default, left unsaid: only Today's is stated.
  const stated = (purpose: LookupPurpose | undefined): { purpose?: LookupPurpose } => (purpose === 'today' ? { purpose } : {});
  const send = sender(getToken, options);
  return {
    async lookup(emails, signal, purpose) {
      if (emails.length > MAX_LOOKUP_BATCH) throw new RangeError(`At most ${MAX_LOOKUP_BATCH} addresses per lookup.`);
      // Only what the service's schema takes is sent; any other address (control or bidi characters, not what SMTP
      // carries) is answered here as "can't be looked up from here", and the others are looked up as usual.
      const body = lookupBody(emails, options.device?.(), purpose);
      const sent = body.emails.length === 0 ? undefined : options.takeSentLookup?.(body);
      const response =
        body.emails.length === 0
          ? { results: [] }
          : await send({ url: url(LOOKUP_PATH), method: 'POST', body, schema: lookupResponseSchema, signal, ...(sent ? { sent } : {}) });
      // One answer per address asked, in the order asked; an answer missing is a malformed payload, not "no match".
      const byEmail = new Map(response.results.map((result) => [result.email.toLowerCase(), result]));
      return emails.map((email): LookupResult => {
        if (!isLookupAddress(email)) return { email, status: 'unavailable' };
        const result = byEmail.get(email.toLowerCase());
        if (!result) throw new ServiceError('invalidPayload', 'The lookup answer left out an address.', { field: 'results' });
        return { ...result, email };
      });
    },
    async insights(email, signal, purpose) {
      if (!isLookupAddress(email)) return 'unavailable';
      const answer = await send({
        url: url('profiles/insights'),
        method: 'POST',
        body: { email, ...device(), ...stated(purpose) },
        schema: insightsResponseSchema,
        signal,
      });
      return 'status' in answer && answer.status === 'unavailable' ? 'unavailable' : (answer as ConnectedInsights);
    },
    async connectionStatus(signal) {
      return send({ url: url('connection'), schema: connectionStatusSchema, signal });
    },
    async completeConnection(request, signal) {
      // The code is single use: only a 429 (refused before any work) is tried again.
      return send(
        { url: url('connection'), method: 'POST', body: { ...request, ...device() }, schema: connectionStatusSchema, signal },
        'throttledOnly',
      );
    },
    async suggestions(emails, signal) {
      const sendable = emails.filter(isLookupAddress).slice(0, MAX_LOOKUP_BATCH);
      if (sendable.length === 0) return 'unavailable';
      const answer = await send({
        url: url('suggestions'),
        method: 'POST',
        body: { emails: sendable, ...device() },
        schema: suggestionsResponseSchema,
        signal,
      });
      return 'status' in answer ? 'unavailable' : answer;
    },
    async revokeConnection(signal) {
      await send({ url: url('connection'), method: 'DELETE', schema: revokedSchema, signal });
    },
  };
}
