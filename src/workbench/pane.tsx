import { setupWorker } from 'msw/browser';
import { useMemo, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { PaneDependencies } from '../app/pane/dependencies';
import { UNKNOWN_ENVIRONMENT } from '../app/viewer';
import { detectCloudUnlessStated } from '../app/detectEnvironment';
import { openIdConfigurationHandlers, policyFileHandlers } from '../mocks/handlers';
import { insightsHandlers, type InsightsMockControls } from '../mocks/insightsHandlers';
import { createInsightsClient, insightsBaseUrl } from '../services/insightsClient';
import { loadPolicyFile } from '../services/policyFile';
import { App } from '../taskpane/App';
import { paneConfigKey, type Scenario } from './scenario';
import { BRIDGE_KEY, type WindowWithBridge, type WorkbenchStore } from './store';
import { workbenchSignInDialog } from './workbenchDialog';
import { createWorkbenchHost } from './workbenchHost';

/** The task pane as the workbench hosts it: the production App, with the workbench in place of Office.js and msw in place of the network. */
function WorkbenchPane({ store }: { store: WorkbenchStore }): JSX.Element {
  const configKey = useSyncExternalStore(store.subscribe, () => `${paneConfigKey(store.get())}#${store.getConsentRevision()}`);
  const deps = useMemo<PaneDependencies>(() => {
    const scenario = store.get();
    const host = createWorkbenchHost(store, window.location.href);
    return {
      host,
      loadPolicy: (signal) => loadPolicyFile(host.baseUrl, signal),
      // The cloud is detected exactly as in production, from the tenant's OpenID configuration (served by msw as the
      // Cloud control says); what Graph would answer comes from the other controls.
      detectEnvironment: async (policy, user, signal) => ({
        ...UNKNOWN_ENVIRONMENT,
        cloud: await detectCloudUnlessStated(policy, user, { signal }),
        mailboxGeo: scenario.mailboxGeo,
        tenantCountry: scenario.tenantCountry,
        groupMembership: scenario.groupMembership,
      }),
      // The workbench's token stands in for MSAL; the simulated service only checks that one is sent.
      insights: createInsightsClient(insightsBaseUrl(host.baseUrl), async () => 'workbench-token'),
      cacheStorage: host.localStore,
      signInDialog: workbenchSignInDialog(),
      indexedDB: window.indexedDB,
      ...(scenario.person ? { initialPerson: scenario.person } : {}),
    };
    // A new configuration is a fresh start of the pane, as reopening it in Outlook would be.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- configKey is what says the scenario changed; the store is read inside.
  }, [configKey, store]);
  return <App key={configKey} deps={deps} />;
}

/** The simulated service follows the scenario: its connection matches the consent control. */
function mockControls(scenario: Scenario): InsightsMockControls {
  const connected = scenario.consent === 'linkedInToMicrosoft' || scenario.consent === 'twoWay';
  return {
    latencyMs: Number(scenario.latencyMs) || 0,
    faults: { lookup: scenario.lookupFault, insights: scenario.insightsFault, status: 'none' },
    connection: connected
      ? { status: 'connected', consent: scenario.consent as 'linkedInToMicrosoft' | 'twoWay', connectedAt: '2026-11-27T10:00:00Z' }
      : { status: 'notConnected' },
  };
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const store = (window.parent as WindowWithBridge)[BRIDGE_KEY];
  if (!store || window.parent === window) {
    container.textContent = 'This page is the task pane as the workbench hosts it. Open the workbench at / instead.';
    return;
  }
  const worker = setupWorker(
    ...policyFileHandlers(() => store.get().policyText),
    ...openIdConfigurationHandlers(() => store.get().cloud),
    ...insightsHandlers(() => mockControls(store.get())),
  );
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  createRoot(container).render(<WorkbenchPane store={store} />);
}

void start();
