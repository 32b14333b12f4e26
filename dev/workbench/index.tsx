import { createRoot } from 'react-dom/client';
import { scenarioFromSearch, scenarioToSearch } from './scenario';
import { BRIDGE_KEY, WorkbenchStore, type WindowWithBridge } from './store';
import { WorkbenchApp } from './WorkbenchApp';

const store = new WorkbenchStore(scenarioFromSearch(window.location.search), (scenario) => {
  window.history.replaceState(null, '', `${window.location.pathname}${scenarioToSearch(scenario)}`);
});
(window as WindowWithBridge)[BRIDGE_KEY] = store;

// Earlier workbenches answered the pane's requests with msw's service worker: a registration left in this browser
// must not stand between the pane and the service.
void navigator.serviceWorker
  ?.getRegistrations()
  .then((registrations) => Promise.all(registrations.map((registration) => registration.unregister())))
  .catch(() => undefined);

const container = document.getElementById('root');
if (container) createRoot(container).render(<WorkbenchApp store={store} />);
