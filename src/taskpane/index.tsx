import { createRoot } from 'react-dom/client';
import { productionDependencies } from '../app/productionDependencies';
import { whenOfficeReady } from '../office/boot';
import { App } from './App';
import { paneStrings } from './strings';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  whenOfficeReady().then(
    (host) => root.render(<App deps={productionDependencies(host)} />),
    (error: unknown) => {
      // Rendered as text: the message may come from the host.
      container.textContent = paneStrings.startFailed(error instanceof Error ? error.message : String(error));
    },
  );
}
