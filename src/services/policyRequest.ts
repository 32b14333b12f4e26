import { send } from './send';

export const POLICY_FILE_NAME = 'linkedin-policy.json';

/** The policy file's URL: beside the page that loads the add-in (taskpane.html). */
export function policyFileUrl(baseUrl: string): string {
  return new URL(POLICY_FILE_NAME, baseUrl).toString();
}

/**
 * Sends the policy file's request and nothing more (no parsing, no zod): the pane's first script sends it as soon as
 * the host is ready, and loadPolicyFile reads its answer once the rest of the pane has loaded. A failure is left to
 * the reader (it says "offline"); until then it is not reported as unhandled.
 */
export function requestPolicyFile(baseUrl: string): Promise<Response> {
  const sent = send({ url: policyFileUrl(baseUrl) });
  sent.catch(() => undefined);
  return sent;
}
