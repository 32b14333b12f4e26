import type { OfficeHost } from '../../office';
import { insightsBaseUrl, lookupBody, LOOKUP_PATH, type SentLookup, type TakeSentLookup } from '../../services/lookupRequest';
import { nothingCached } from '../../services/profileCache';
import { readNow, send } from '../../services/send';
import { deviceStatementOf } from '../deviceStatement';
import { lookupBatches } from '../lookupBatches';

/**
 * The first lookup, sent by the pane's first script as soon as its first decision names the people (earlyStart.ts),
 * instead of once the pane's chunk has loaded: the request the insights client would send for the loader's first batch
 * (lookupRequest.ts: same URL, headers, body with the device statement), with the token from the same source the pane
 * uses. The pane's insights client takes its answer, once, for its own identical request (takeSentLookup), and reads
 * it as its own: validation, errors, the one new token after a 401 invalidToken, the cache.
 * Nothing is sent when the pane's cache holds anyone (its loader may not look them up again), when no address may
 * travel, or without a token source. `people`: the first decision's lookups, never more (firstDecision.ts).
 */
export function sendFirstLookup(host: OfficeHost, people: readonly string[], token: () => Promise<string>): SentLookup | undefined {
  if (people.length === 0 || !nothingCached(host.localStore, host.partitionKey)) return undefined;
  const body = lookupBody(lookupBatches(people)[0] ?? [], deviceStatementOf(host)());
  if (body.emails.length === 0) return undefined;
  const response = token()
    .then((bearerToken) => send({ url: new URL(LOOKUP_PATH, insightsBaseUrl(host.baseUrl)).toString(), method: 'POST', body, bearerToken }))
    // Read at once: by the time the pane's client takes it, its text is there (no body read queued behind the chunk).
    .then(readNow);
  // Its failure is read by the client that takes it (or by no one: it is then an abandoned request, not an error).
  response.catch(() => undefined);
  return { body: JSON.stringify(body), response };
}

/** Gives the sent lookup's answer to the first lookup the client makes, if it is the same request; once either way. */
export function sentLookupTaker(sent: () => SentLookup | undefined): TakeSentLookup {
  let asked = false;
  return (body) => {
    if (asked) return undefined;
    asked = true;
    const lookup = sent();
    return lookup && lookup.body === JSON.stringify(body) ? lookup.response : undefined;
  };
}
