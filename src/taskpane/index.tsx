import { clientSupport, whenOfficeReady } from '../office/boot';
import { takePagePolicyFileRequest } from '../app/pagePolicyFileRequest';
import { firstLookupToken, lazyNestedAppAuth } from '../app/paneTokens';
import { bootPane } from './bootPane';

declare const __AUTH_CONFIG__: { clientId: string; insightsScope: string };
const AUTH_CONFIG = __AUTH_CONFIG__;

const container = document.getElementById('root');
if (container) {
  // One MSAL for the pane: the first lookup's token (sent from this first script) and every later one.
  const nestedAppAuth = lazyNestedAppAuth(AUTH_CONFIG);
  bootPane(
    container,
    whenOfficeReady,
    (host, pane, early) => pane.productionDependencies(host, AUTH_CONFIG, clientSupport(), { ...early, nestedAppAuth }),
    // The policy file is beside this page: asked for by its start script (pageStart.ts) while Office.js starts.
    takePagePolicyFileRequest(window),
    () => firstLookupToken(AUTH_CONFIG, clientSupport(), nestedAppAuth),
  );
}
