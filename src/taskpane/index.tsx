import { nestedAppAuthSupported, whenOfficeReady } from '../office/boot';
import { startPane } from './startPane';

declare const __AUTH_CONFIG__: { clientId: string; insightsScope: string };
const AUTH_CONFIG = __AUTH_CONFIG__;

const container = document.getElementById('root');
if (container) {
  startPane(container, whenOfficeReady, (host, pane, policyRequest) =>
    pane.productionDependencies(host, AUTH_CONFIG, nestedAppAuthSupported(), policyRequest),
  );
}
