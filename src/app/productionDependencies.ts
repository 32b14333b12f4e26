import type { OfficeHost } from '../office';
import { officeSignInDialog } from '../office/signInDialog';
import { createNestedAppAuth, type AuthConfig } from '../services/auth';
import { createGraphClient } from '../services/graphClient';
import { createInsightsClient, insightsBaseUrl } from '../services/insightsClient';
import { loadPolicyFile } from '../services/policyFile';
import { detectEnvironmentOf } from './detectEnvironment';
import type { PaneDependencies } from './pane/dependencies';

/**
 * Wires the pane to Outlook and the network: the policy file beside the pane, the tenant's OpenID configuration (its
 * cloud) and Microsoft Graph (through MSAL nested app authentication) for what the policy file leaves out, and the
 * insights service.
 * Consent comes from the user's roaming settings and is reconciled with the insights service.
 * `policyRequest`: the policy file's request, already sent by the pane's first script; the pane's first read of the
 * file reads its answer, any later read (a restart) asks again. `insightsToken`: a fixed token in place of MSAL, for
 * the benchmark page only (it runs outside Outlook).
 */
export function productionDependencies(
  host: OfficeHost,
  auth: AuthConfig,
  nestedAppAuthSupported: boolean,
  policyRequest?: Promise<Response>,
  insightsToken?: () => Promise<string>,
): PaneDependencies {
  const tokens = createNestedAppAuth(auth.clientId, nestedAppAuthSupported);
  // Without nested app auth there is no Graph: membership stays unknown, and its reason says the check failed.
  const graph = nestedAppAuthSupported ? createGraphClient(tokens) : null;
  let sentPolicyRequest = policyRequest;
  return {
    host,
    loadPolicy: (signal) => {
      const sent = sentPolicyRequest;
      sentPolicyRequest = undefined;
      return loadPolicyFile(host.baseUrl, signal, sent);
    },
    detectEnvironment: (policy, user, signal) =>
      detectEnvironmentOf({ graph, cloud: { storage: host.localStore, partitionKey: host.partitionKey } }, policy, user, signal),
    signInDialog: officeSignInDialog(),
    indexedDB: typeof indexedDB === 'undefined' ? undefined : indexedDB,
    insights: createInsightsClient(insightsBaseUrl(host.baseUrl), insightsToken ?? (() => tokens([auth.insightsScope]))),
    cacheStorage: host.localStore,
    partitionKey: host.partitionKey,
  };
}
