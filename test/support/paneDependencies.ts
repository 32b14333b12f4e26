import type { PaneDependencies } from '../../src/app/pane/dependencies';
import type { DetectedEnvironment } from '../../src/app/viewer';
import type { OfficeHost } from '../../src/office';
import { createInsightsClient } from '../../src/services/insightsClient';
import { loadPolicyFile } from '../../src/services/policyFile';

/** Where the tests' pane reaches the insights service (answered in process: test/support/insightsService.ts). */
export const TEST_INSIGHTS_API = 'https://addins.contoso.com/linkedin/api/v1/';

/** The tests' organisation as the pane detects it: worldwide, mailbox in North America, the user in the LinkedIn group. */
export const DETECTED_MEMBER: DetectedEnvironment = {
  cloud: 'worldwide',
  mailboxGeo: 'NAM',
  tenantCountry: 'US',
  groupMembership: 'member',
};

/**
 * The pane's services in a test, over a fake Outlook: the policy file at the host's address, the organisation detected
 * as DETECTED_MEMBER, the insights service at TEST_INSIGHTS_API. `more` adds what a test needs (device storage, a
 * sign-in dialog…) or replaces any of these.
 */
export function testPaneDependencies(host: OfficeHost, more: Partial<PaneDependencies> = {}): PaneDependencies {
  return {
    host,
    loadPolicy: (signal) => loadPolicyFile(host.baseUrl, signal),
    detectEnvironment: async () => ({ ...DETECTED_MEMBER }),
    insights: createInsightsClient(TEST_INSIGHTS_API, async () => 'test-token'),
    ...more,
  };
}
