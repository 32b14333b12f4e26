import { nestedAppAuthSupported, whenOfficeReady } from '../app/startup';
import { bootPane } from './bootPane';

declare const __AUTH_CONFIG__: { clientId: string; insightsScope: string };
const AUTH_CONFIG = __AUTH_CONFIG__;

const container = document.getElementById('root');
if (container) {
  bootPane(container, whenOfficeReady, (host, pane, policyRequest) =>
    pane.productionDependencies(host, AUTH_CONFIG, nestedAppAuthSupported(), policyRequest),
  );
}
