import { takePagePolicyFileRequest } from '../../../src/app/pagePolicyFileRequest';
import { bootPane } from '../../../src/taskpane/bootPane';
import { createBenchHost, type BenchControls } from './benchHost';

/**
 * Benchmark-only page (npm run bench): the production pane with the production start-up (bootPane), services and
 * card, hosted by the page instead of Outlook. The benchmark answers the policy file and the insights service
 * itself; a fixed token stands in for MSAL, the one part of the pane that needs Outlook.
 */
const benchToken = async (): Promise<string> => 'bench-token';
const container = document.getElementById('root');
if (container) {
  const { host, controls } = createBenchHost(new URLSearchParams(window.location.search));
  (window as Window & { __bench?: BenchControls }).__bench = controls;
  bootPane(
    container,
    async () => host,
    (readyHost, pane, early) =>
      pane.productionDependencies(
        readyHost,
        { clientId: '', insightsScope: '' },
        { nestedAppAuth: false, dialogOrigin: true },
        { ...early, insightsToken: benchToken },
      ),
    takePagePolicyFileRequest(window),
    // The same fixed token for the first lookup, sent from the first script as production sends it with MSAL's.
    () => benchToken,
  );
}
