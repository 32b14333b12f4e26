import { quickCheckPolicyFile } from '../../contract/policyFileQuickCheck';
import { DEFAULT_ADMIN_POLICY, UNKNOWN_ENVIRONMENT, type AdminPolicy } from '../../policy';
import type { ItemSnapshot, OfficeHost } from '../../office';
import { policyFileUrl } from '../../services/policyFileRequest';
import { firstLookups, needsDetection } from '../firstDecision';
import { requestPolicyFileForPage, type EarlyAnswer, type EarlyPolicyFileRequest } from '../pagePolicyFileRequest';
import type { PolicyFileSettled } from './settlePolicyFile';
import { markStep } from '../../shared/timeline';
import type { SentLookup, TakeSentLookup } from '../../services/lookupRequest';
import { sendFirstLookup, sentLookupTaker } from './earlyLookup';

/**
 * What the pane's first script settles on its own, before the rest of the pane has loaded: the policy (a valid file,
 * or none), the selected item, and whom the first render looks up. Null where the rest of the pane must settle it
 * itself: a file that is invalid, unreachable, too big, or that leaves something to detect.
 */
export interface EarlyDecision {
  settled: PolicyFileSettled;
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
  /** The first lookup, when the first script sent it (earlyLookup.ts): for the insights client's same request, once. */
  takeLookup: TakeSentLookup;
}

/** What the first script sent, handed to the pane's services: each taken once (EarlyStart). */
export type EarlyHandOver = Pick<EarlyStart, 'takePolicyRequest' | 'takeLookup'>;

/**
 * Once the host is ready: the policy request already sent for this page (when it is the host's file too), or one sent
 * now; then the policy checked and the first decision taken from its answer and the selected item; then, given the
 * insights service's token (`lookupToken`), the first lookup sent for the people the decision names.
 */
export function startEarly(host: OfficeHost, sent: EarlyPolicyFileRequest | null, lookupToken?: () => Promise<string>): EarlyStart {
  const url = policyFileUrl(host.baseUrl);
  const { request, answer } = sent && sent.url === url ? sent : requestPolicyFileForPage({ href: host.baseUrl });
  let forPane: Promise<Response> | undefined = request;
  let lookup: SentLookup | undefined;
  const decided = earlyDecision(host, answer).then(
    (decision) => {
      markStep('decided');
      if (decision) forPane = undefined;
      if (decision && lookupToken) lookup = sendFirstLookup(host, decision.lookups, lookupToken);
      if (lookup) markStep('lookupSent');
      return decision;
    },
    () => null,
  );
  return {
    decided,
    takeLookup: sentLookupTaker(() => {
      const taken = lookup;
      lookup = undefined;
      return taken;
    }),
    takePolicyRequest: () => {
      const taken = forPane;
      forPane = undefined;
      return taken;
    },
  };
}

async function earlyDecision(host: OfficeHost, answer: Promise<EarlyAnswer | null>): Promise<EarlyDecision | null> {
  const [policy, item] = await Promise.all([answer.then(earlyPolicy), host.getItem()]);
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

/** The policy from the file's answer, or null where the pane's reader must say what is wrong (not JSON, invalid). */
function earlyPolicy(answer: EarlyAnswer | null): { status: 'valid' | 'missing'; policy: AdminPolicy } | null {
  if (!answer) return null;
  if (answer.status === 'missing') return { status: 'missing', policy: DEFAULT_ADMIN_POLICY };
  let data: unknown;
  try {
    data = JSON.parse(answer.text);
  } catch {
    return null;
  }
  const policy = quickCheckPolicyFile(data);
  return policy ? { status: 'valid', policy } : null;
}
