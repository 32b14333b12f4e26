import { quickCheckPolicyFile } from '../contract/policyFileQuickCheck';
import { DEFAULT_ADMIN_POLICY, UNKNOWN_ENVIRONMENT, type AdminPolicy } from '../policy';
import type { ItemSnapshot, OfficeHost } from '../office';
import { policyFileUrl, requestPolicyFile } from '../services/policyRequest';
import { MAX_RESPONSE_CHARS } from '../services/send';
import { firstLookups, needsDetection } from './firstDecision';
import type { PolicySettled } from './pane/settlePolicy';

/**
 * What the pane's first script settles on its own, before the rest of the pane has loaded: the policy (a valid file,
 * or none), the selected item, and whom the first render looks up. Null where the rest of the pane must settle it
 * itself: a file that is invalid, unreachable, too big, or that leaves something to detect.
 */
export interface EarlyDecision {
  settled: PolicySettled;
  item: ItemSnapshot | null;
  lookups: readonly string[];
}

/** The policy file's request as the first script sent it, and what it settled from the answer. */
export interface EarlyStart {
  decided: Promise<EarlyDecision | null>;
  /**
   * The request, for the pane's own first read of the file — once, and only while the first script has not used its
   * answer (then any read of the file is a later one, and asks again: the admin may have changed it).
   */
  takePolicyRequest: () => Promise<Response> | undefined;
}

/**
 * Sends the policy file's request for the page's own address, before Office.js is ready: the file sits beside the
 * page, so the page's URL is all it needs. Returns the request and the URL it was sent for.
 */
export function requestPolicyForPage(page: Pick<Location, 'href'>): EarlyPolicyRequest {
  return { url: policyFileUrl(page.href), request: requestPolicyFile(page.href) };
}

export interface EarlyPolicyRequest {
  url: string;
  request: Promise<Response>;
}

/** Where the page's start script (src/taskpane/pageStart.ts) leaves the request it sent, for the pane's first script. */
type PageWithPolicyRequest = Window & { linkedInPolicyRequest?: EarlyPolicyRequest };

/**
 * Sends the policy file's request from the page's start script: a few hundred bytes that run before the pane's own
 * scripts (Fluent UI, React: about 70 KiB gzip to compile and run first), so the request overlaps with them.
 */
export function sendPagePolicyRequest(page: Window): void {
  (page as PageWithPolicyRequest).linkedInPolicyRequest = requestPolicyForPage(page.location);
}

/** The request the page's start script sent (once), or one sent now where the page has none (no start script ran). */
export function takePagePolicyRequest(page: Window): EarlyPolicyRequest {
  const holder = page as PageWithPolicyRequest;
  const sent = holder.linkedInPolicyRequest;
  delete holder.linkedInPolicyRequest;
  return sent ?? requestPolicyForPage(page.location);
}

/**
 * Once the host is ready: the policy request already sent for this page (when it is the host's file too), or one sent
 * now; then the policy checked and the first decision taken from its answer and the selected item.
 */
export function startEarly(host: OfficeHost, sent: EarlyPolicyRequest | null): EarlyStart {
  const request = sent && sent.url === policyFileUrl(host.baseUrl) ? sent.request : requestPolicyFile(host.baseUrl);
  let forPane: Promise<Response> | undefined = request;
  const decided = earlyDecision(host, request).then(
    (decision) => {
      if (decision) forPane = undefined;
      return decision;
    },
    () => null,
  );
  return {
    decided,
    takePolicyRequest: () => {
      const taken = forPane;
      forPane = undefined;
      return taken;
    },
  };
}

async function earlyDecision(host: OfficeHost, request: Promise<Response>): Promise<EarlyDecision | null> {
  const [policy, item] = await Promise.all([earlyPolicy(request), host.getItem()]);
  if (!policy || needsDetection(policy.policy)) return null;
  const lookups = firstLookups({
    policy: policy.policy,
    user: host.currentUser,
    platform: host.platform,
    userOption: host.deviceSettings.getShowLinkedInFeatures(),
    item,
  });
  return { settled: { policyState: policy, detected: UNKNOWN_ENVIRONMENT }, item, lookups };
}

/**
 * The policy from the file's answer (read from a copy: the pane's own reader may still need the answer), or null where
 * the pane's reader must say what is wrong (too big, not JSON, invalid, an error status: as http.ts reads it).
 */
async function earlyPolicy(request: Promise<Response>): Promise<{ status: 'valid' | 'missing'; policy: AdminPolicy } | null> {
  const response = await request;
  if (response.status === 404) return { status: 'missing', policy: DEFAULT_ADMIN_POLICY };
  if (!response.ok || Number(response.headers.get('Content-Length') ?? 0) > MAX_RESPONSE_CHARS) return null;
  const text = await response.clone().text();
  if (text.length > MAX_RESPONSE_CHARS) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const policy = quickCheckPolicyFile(data);
  return policy ? { status: 'valid', policy } : null;
}
