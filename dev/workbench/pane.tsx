import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { PaneDependencies } from '../../src/app/pane/dependencies';
import { detectEnvironmentOf } from '../../src/app/detectEnvironment';
import { createGraphClient } from '../../src/services/graphClient';
import { createInsightsClient, insightsBaseUrl } from '../../src/services/insightsClient';
import { deviceStatementOf } from '../../src/app/deviceStatement';
import { loadPolicyFile } from '../../src/services/policyFile';
import { App } from '../../src/taskpane/App';
import { paneConfigKey } from './scenario';
import { tellService, workbenchGraphBase, workbenchGraphTokens, workbenchServiceUrl, workbenchTokens } from './serviceLink';
import { BRIDGE_KEY, type WindowWithBridge, type WorkbenchStore } from './store';
import { workbenchSignInDialog } from './workbenchDialog';
import { createWorkbenchHost } from './workbenchHost';

/**
 * The task pane as the workbench hosts it: the production App, with the workbench in place of Office.js and the
 * insights service in development mode (npm start) behind it — the real service, told what the controls say before
 * each start of the pane. No request is answered in the browser.
 */
function WorkbenchPane({ store }: { store: WorkbenchStore }): JSX.Element | null {
  const configKey = useSyncExternalStore(store.subscribe, () => `${paneConfigKey(store.get())}#${store.getConsentRevision()}`);
  const [told, setTold] = useState<string | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  /** The consent revision the service last matched (null: not yet, on the pane's first start). */
  const connectionTold = useRef<number | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let current = true;
    const revision = store.getConsentRevision();
    // One message after another, so the service never ends on an older configuration than the pane's.
    const told = queue.current.then(() => tellService(store.get(), connectionTold.current !== revision));
    queue.current = told.catch(() => undefined);
    told.then(
      (held) => {
        if (held) store.setConnectedAt(held.connectedAt);
        connectionTold.current = revision;
        if (current) setTold(configKey);
      },
      () => {
        if (current) setUnreachable(true);
      },
    );
    return () => {
      current = false;
    };
  }, [configKey, store]);

  const deps = useMemo<PaneDependencies | null>(() => {
    if (told !== configKey) return null;
    const scenario = store.get();
    const host = createWorkbenchHost(store, window.location.href);
    // The pane's own Microsoft Graph client, against the development service's Graph stand-in (which answers as the
    // controls say), with the local Entra issuer's tokens in MSAL's place.
    const graph = createGraphClient(workbenchGraphTokens(), workbenchGraphBase());
    return {
      host,
      loadPolicy: (signal) => loadPolicyFile(host.baseUrl, signal),
      // Detected exactly as in production: the cloud from the tenant's OpenID configuration (served as the Cloud control
      // says), the rest through Graph.
      detectEnvironment: (policy, user, signal) =>
        detectEnvironmentOf({ graph, cloud: { base: workbenchServiceUrl('openid/') } }, policy, user, signal),
      calendar: (start, end, signal) => graph.calendarView(start, end, signal),
      // The local Entra issuer's token stands in for MSAL's; the service checks it as it checks Entra's.
      insights: createInsightsClient(insightsBaseUrl(host.baseUrl), workbenchTokens(), { device: deviceStatementOf(host) }),
      cacheStorage: host.localStore,
      signInDialog: workbenchSignInDialog(),
      indexedDB: window.indexedDB,
      ...(scenario.person ? { initialPerson: scenario.person } : {}),
    };
  }, [told, configKey, store]);

  if (unreachable)
    return (
      <p role="alert" style={{ padding: 12, fontFamily: 'system-ui, sans-serif' }}>
        The workbench&apos;s service does not answer. Start it with <code>npm start</code> and reload this page.
      </p>
    );
  // A new configuration is a fresh start of the pane, as reopening it in Outlook would be.
  return deps ? <App key={configKey} deps={deps} /> : null;
}

function start(): void {
  const container = document.getElementById('root');
  if (!container) return;
  const store = (window.parent as WindowWithBridge)[BRIDGE_KEY];
  if (!store || window.parent === window) {
    container.textContent = 'This page is the task pane as the workbench hosts it. Open the workbench at / instead.';
    return;
  }
  createRoot(container).render(<WorkbenchPane store={store} />);
}

start();
