import { takePagePolicyFileRequest } from '../../../src/app/pagePolicyFileRequest';
import { bootPane } from '../../../src/taskpane/bootPane';
import { createBenchHost, type BenchControls } from './benchHost';

/**
 * Benchmark-only page (npm run bench): the production pane with the production start-up (bootPane), services and
 * card, hosted by the page instead of Outlook. The benchmark answers the policy file and the insights service
 * itself; a fixed token stands in for MSAL, the one part of the pane that needs Outlook.
 */
const container = document.getElementById('root');
if (container) {
  const { host, controls } = createBenchHost(new URLSearchParams(window.location.search));
  (window as Window & { __bench?: BenchControls }).__bench = controls;
  bootPane(
    container,
    async () => host,
    (readyHost, pane, takePolicyRequest) =>
      pane.productionDependencies(
        readyHost,
        { clientId: '', insightsScope: '' },
        { nestedAppAuth: false, dialogOrigin: true },
        takePolicyRequest,
        async () => 'bench-token',
      ),
    takePagePolicyFileRequest(window),
  );
}
