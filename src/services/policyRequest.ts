import { INLINE_POLICY_ID, parseInlinedPolicy } from '../contract/inlinePolicy';
import { send } from './send';

export const POLICY_FILE_NAME = 'linkedin-policy.json';

/** The policy file's URL: beside the page that loads the add-in (taskpane.html). */
export function policyFileUrl(baseUrl: string): string {
  return new URL(POLICY_FILE_NAME, baseUrl).toString();
}

/**
 * The policy file's answer that the server put into the page (`npm run serve`: server/hosting/inlinePolicy.ts), as
 * the answer its request would have had — the file's text with 200, or 404 when no file is configured — so it is
 * parsed and validated exactly as a fetched file. Taken once: the block is removed, and any later read (a restart of
 * the pane) asks the server, since the admin may have changed the file. Null when the page holds none (or not one of
 * its two shapes): the file is then requested as before.
 */
export function takeInlinedPolicy(page: Pick<Document, 'getElementById'> | undefined): Response | null {
  const element = page?.getElementById(INLINE_POLICY_ID);
  if (!element) return null;
  element.remove();
  const answer = parseInlinedPolicy(element.textContent ?? '');
  if (!answer) return null;
  if (answer.status === 'missing') return new Response(null, { status: 404 });
  return new Response(answer.text, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/**
 * Sends the policy file's request and nothing more (no parsing, no zod): the pane's first script sends it as soon as
 * the host is ready, and loadPolicyFile reads its answer once the rest of the pane has loaded. Where the page already
 * holds the answer (inlined by the server), that is the answer, and nothing is sent. A failure is left to the reader
 * (it says "offline"); until then it is not reported as unhandled.
 */
export function requestPolicyFile(baseUrl: string, page = typeof document === 'undefined' ? undefined : document): Promise<Response> {
  const inlined = takeInlinedPolicy(page);
  if (inlined) return Promise.resolve(inlined);
  const sent = send({ url: policyFileUrl(baseUrl) });
  sent.catch(() => undefined);
  return sent;
}
