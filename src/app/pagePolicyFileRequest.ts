import type { InlinedPolicy } from '../contract/inlinePolicyFile';
import { inlinedResponse, policyFileUrl, requestPolicyFile, takeInlinedAnswer } from '../services/policyFileRequest';
import { MAX_RESPONSE_CHARS } from '../services/send';

/**
 * The policy file's request as the page's start script sends it (src/taskpane/pageStart.ts), before Office.js is
 * ready: the file sits beside the page, so the page's URL is all it needs. Only the request and the reading of its
 * answer: the check and the first decision are the first script's (earlyStart.ts), so this start script stays small.
 */
export interface EarlyPolicyFileRequest {
  url: string;
  request: Promise<Response>;
  /**
   * The answer as the first script checks it, read as soon as it arrives (readEarlyAnswer) rather than once the host
   * is ready: a body read then would wait behind the pane's chunk evaluating, and the first lookup with it.
   */
  answer: Promise<EarlyAnswer | null>;
}

/** The file's answer for the first script's check: none configured (404), or the text of a 200. */
export type EarlyAnswer = { status: 'missing' } | { status: 'found'; text: string };

/**
 * The answer's status and text, read from a copy (the pane's own reader may still need the answer), or null where the
 * pane's reader must say what is wrong with it (unreachable, an error status, too big: as http.ts reads it).
 */
export function readEarlyAnswer(request: Promise<Response>): Promise<EarlyAnswer | null> {
  return request.then(
    async (response): Promise<EarlyAnswer | null> => {
      if (response.status === 404) return { status: 'missing' };
      if (!response.ok || Number(response.headers.get('Content-Length') ?? 0) > MAX_RESPONSE_CHARS) return null;
      const text = await response.clone().text();
      return text.length > MAX_RESPONSE_CHARS ? null : { status: 'found', text };
    },
    () => null,
  );
}

/**
 * Sends the policy file's request for the page's own address and starts reading its answer. Where the server put the
 * answer into the page (`npm run serve`), nothing is sent and the answer is the block's text, given as it is: not
 * turned into a Response and read back, whose body read is a task of its own that the browser ran after the pane's
 * chunk and the frame's render (measured in the bench's page: up to 140 ms after the start script), with the first
 * decision and the first lookup waiting for it.
 */
export function requestPolicyFileForPage(
  page: Pick<Location, 'href'>,
  document: Pick<Document, 'getElementById'> | undefined = globalThis.document,
): EarlyPolicyFileRequest {
  const url = policyFileUrl(page.href);
  const inlined = takeInlinedAnswer(document);
  if (inlined) return { url, request: Promise.resolve(inlinedResponse(inlined)), answer: Promise.resolve(earlyAnswerOf(inlined)) };
  return requestedPolicy(url, requestPolicyFile(page.href, document));
}

/** The inlined answer as the first script checks it: as readEarlyAnswer reads a fetched one (a text too big is none). */
function earlyAnswerOf(inlined: InlinedPolicy): EarlyAnswer | null {
  return inlined.status === 'found' && inlined.text.length > MAX_RESPONSE_CHARS ? null : inlined;
}

/** A request already sent for `url`, with its answer read at once. */
export function requestedPolicy(url: string, request: Promise<Response>): EarlyPolicyFileRequest {
  return { url, request, answer: readEarlyAnswer(request) };
}

/** Where the page's start script leaves the request it sent, for the pane's first script. */
type PageWithPolicyFileRequest = Window & { linkedInPolicyFileRequest?: EarlyPolicyFileRequest };

/**
 * Sends the policy file's request from the page's start script: a small script that runs before the pane's own
 * scripts (Fluent UI, React: about 70 KiB gzip to compile and run first), so the request overlaps with them.
 */
export function sendPagePolicyFileRequest(page: Window): void {
  (page as PageWithPolicyFileRequest).linkedInPolicyFileRequest = requestPolicyFileForPage(page.location, page.document);
}

/** The request the page's start script sent (once), or one sent now where the page has none (no start script ran). */
export function takePagePolicyFileRequest(page: Window): EarlyPolicyFileRequest {
  const holder = page as PageWithPolicyFileRequest;
  const sent = holder.linkedInPolicyFileRequest;
  delete holder.linkedInPolicyFileRequest;
  return sent ?? requestPolicyFileForPage(page.location, page.document);
}
