import { INLINED_POLICY_FILE_ID, parseInlinedPolicy, type InlinedPolicy } from '../contract/inlinePolicyFile';
import { send } from './send';

export const POLICY_FILE_NAME = 'linkedin-policy.json';

/** The policy file's URL: beside the page that loads the add-in (taskpane.html). */
export function policyFileUrl(baseUrl: string): string {
  return new URL(POLICY_FILE_NAME, baseUrl).toString();
}

/**
 * The policy file's answer that the server put into the page (`npm run serve`: server/hosting/inlinePolicyFile.ts): the
 * file's text, or that no file is configured. Taken once: the block is removed, and any later read (a restart of the
 * pane) asks the server, since the admin may have changed the file. Null when the page holds none (or not one of its
 * two shapes): the file is then requested as before.
 */
export function takeInlinedAnswer(page: Pick<Document, 'getElementById'> | undefined): InlinedPolicy | null {
  const element = page?.getElementById(INLINED_POLICY_FILE_ID);
  if (!element) return null;
  element.remove();
  return parseInlinedPolicy(element.textContent ?? '');
}

/**
 * The inlined answer as the answer its request would have had — the file's text with 200, or 404 when no file is
 * configured — so the pane's reader parses and validates it exactly as a fetched file.
 */
export function inlinedResponse(answer: InlinedPolicy): Response {
  if (answer.status === 'missing') return new Response(null, { status: 404 });
  return new Response(answer.text, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/** The inlined answer taken from the page as its request's answer (takeInlinedAnswer, inlinedResponse), or null. */
export function takeInlinedPolicy(page: Pick<Document, 'getElementById'> | undefined): Response | null {
  const answer = takeInlinedAnswer(page);
  return answer ? inlinedResponse(answer) : null;
}

/**
 * Sends the policy file's request and nothing more (no parsing, no zod): the pane's first script sends it as soon as
 * the host is ready, and loadPolicyFile reads its answer once the rest of the pane has loaded. Where the page already
 * holds the answer (inlined by the server), that is the answer, and nothing is sent. A failure is left to the reader
 * (it says "offline"); until then it is not reported as unhandled.
 */
export function requestPolicyFile(
  baseUrl: string,
  page: Pick<Document, 'getElementById'> | undefined = typeof document === 'undefined' ? undefined : document,
): Promise<Response> {
  const inlined = takeInlinedPolicy(page);
  if (inlined) return Promise.resolve(inlined);
  const sent = send({ url: policyFileUrl(baseUrl) });
  sent.catch(() => undefined);
  return sent;
}
