import { ServiceError } from './errors';
import { requestJson } from './http';
import {
  connectedInsightsSchema,
  connectionStatusSchema,
  revokedSchema,
  suggestionsSchema,
  type Suggestions,
  lookupResponseSchema,
  MAX_LOOKUP_BATCH,
  type ConnectedInsights,
  type ConnectionStatus,
  type LookupResult,
} from './insightsSchemas';

/** Supplies a bearer token for the insights service's own API scope. */
export type TokenProvider = () => Promise<string>;

export interface InsightsClient {
  /** Public profiles for up to 20 addresses; one result per address, in the order asked. */
  lookup(emails: readonly string[], signal?: AbortSignal): Promise<LookupResult[]>;
  insights(email: string, signal?: AbortSignal): Promise<ConnectedInsights>;
  connectionStatus(signal?: AbortSignal): Promise<ConnectionStatus>;
  /** Completes the LinkedIn sign-in: the service exchanges the code with its secret and the PKCE verifier. */
  completeConnection(request: CompleteConnectionRequest, signal?: AbortSignal): Promise<ConnectionStatus>;
  /** Sends the item's addresses to LinkedIn for "people you work with" — only ever with both-ways consent. */
  suggestions(emails: readonly string[], signal?: AbortSignal): Promise<Suggestions>;
  /** Revokes the connection on the service (and with LinkedIn). */
  revokeConnection(signal?: AbortSignal): Promise<void>;
}

export interface CompleteConnectionRequest {
  code: string;
  codeVerifier: string;
  state: string;
  consent: 'linkedInToMicrosoft' | 'twoWay';
  redirectUri: string;
}

/** The service lives at api/v1/ beside the add-in's page (docs/insights-service.md). */
export function insightsBaseUrl(pageUrl: string): string {
  return new URL('api/v1/', pageUrl).toString();
}

export function createInsightsClient(baseUrl: string, getToken: TokenProvider): InsightsClient {
  const url = (path: string): string => new URL(path, baseUrl).toString();
  return {
    async lookup(emails, signal) {
      if (emails.length === 0) return [];
      if (emails.length > MAX_LOOKUP_BATCH) throw new RangeError(`At most ${MAX_LOOKUP_BATCH} addresses per lookup.`);
      const response = await requestJson({
        url: url('profiles/lookup'),
        method: 'POST',
        body: { emails },
        bearerToken: await getToken(),
        schema: lookupResponseSchema,
        signal,
      });
      // One answer per address asked, in the order asked; an answer missing is a malformed payload, not "no match".
      const byEmail = new Map(response.results.map((result) => [result.email.toLowerCase(), result]));
      return emails.map((email) => {
        const result = byEmail.get(email.toLowerCase());
        if (!result) throw new ServiceError('invalidPayload', 'The lookup answer left out an address.', { field: 'results' });
        return { ...result, email };
      });
    },
    async insights(email, signal) {
      return requestJson({
        url: url('profiles/insights'),
        method: 'POST',
        body: { email },
        bearerToken: await getToken(),
        schema: connectedInsightsSchema,
        signal,
      });
    },
    async connectionStatus(signal) {
      return requestJson({ url: url('connection'), bearerToken: await getToken(), schema: connectionStatusSchema, signal });
    },
    async completeConnection(request, signal) {
      return requestJson({ url: url('connection'), method: 'POST', body: request, bearerToken: await getToken(), schema: connectionStatusSchema, signal });
    },
    async suggestions(emails, signal) {
      return requestJson({
        url: url('suggestions'),
        method: 'POST',
        body: { emails: emails.slice(0, MAX_LOOKUP_BATCH) },
        bearerToken: await getToken(),
        schema: suggestionsSchema,
        signal,
      });
    },
    async revokeConnection(signal) {
      await requestJson({ url: url('connection'), method: 'DELETE', bearerToken: await getToken(), schema: revokedSchema, signal });
    },
  };
}
