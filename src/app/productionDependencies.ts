import type { OfficeHost } from '../office';
import { createNestedAppAuthTokenProvider, type AuthConfig } from '../services/auth';
import { createInsightsClient, insightsBaseUrl } from '../services/insightsClient';
import { loadPolicyFile } from '../services/policyFile';
import type { PaneDependencies } from './paneState';
import { UNKNOWN_ENVIRONMENT } from './viewer';

/**
 * Wires the pane to Outlook and the network.
 * Environment detection through Microsoft Graph (cloud, mailbox data location, tenant country, group membership)
 * is not built yet: until it is, everything the policy file does not state is 'unknown', and the rules fail closed.
 * Consent is 'none' until the connect flow exists.
 */
export function productionDependencies(host: OfficeHost, auth: AuthConfig, nestedAppAuthSupported: boolean): PaneDependencies {
  return {
    host,
    loadPolicy: (signal) => loadPolicyFile(host.baseUrl, signal),
    detectEnvironment: async () => UNKNOWN_ENVIRONMENT,
    getConsent: async () => 'none',
    insights: createInsightsClient(insightsBaseUrl(host.baseUrl), createNestedAppAuthTokenProvider(auth, nestedAppAuthSupported)),
    cacheStorage: host.localStore,
    partitionKey: host.partitionKey,
  };
}
