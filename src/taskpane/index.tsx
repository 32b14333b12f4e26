import { clientSupport, whenOfficeReady } from '../office/boot';
import { takePagePolicyFileRequest } from '../app/pagePolicyFileRequest';
import { bootPane } from './bootPane';

declare const __AUTH_CONFIG__: { clientId: string; insightsScope: string };
const AUTH_CONFIG = __AUTH_CONFIG__;

const container = document.getElementById('root');
if (container) {
  bootPane(
    container,
    whenOfficeReady,
    (host, pane, takePolicyRequest) => pane.productionDependencies(host, AUTH_CONFIG, clientSupport(), takePolicyRequest),
    // The policy file is beside this page: asked for by its start script (pageStart.ts) while Office.js starts.
    takePagePolicyFileRequest(window),
  );
}
