import { createRoot } from 'react-dom/client';
import { scenarioFromSearch, scenarioToSearch } from './scenario';
import { BRIDGE_KEY, WorkbenchStore, type WindowWithBridge } from './store';
import { WorkbenchApp } from './WorkbenchApp';

const store = new WorkbenchStore(scenarioFromSearch(window.location.search), (scenario) => {
  window.history.replaceState(null, '', `${window.location.pathname}${scenarioToSearch(scenario)}`);
});
(window as WindowWithBridge)[BRIDGE_KEY] = store;

const container = document.getElementById('root');
if (container) createRoot(container).render(<WorkbenchApp store={store} />);
