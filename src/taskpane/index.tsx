import { createRoot } from 'react-dom/client';
import { productionDependencies } from '../app/productionDependencies';
import { nestedAppAuthSupported, whenOfficeReady } from '../office/boot';
import { App } from './App';
import { paneStrings } from './strings';

declare const __AUTH_CONFIG__: { clientId: string; insightsScope: string };
const AUTH_CONFIG = __AUTH_CONFIG__;

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  whenOfficeReady().then(
    (host) => root.render(<App deps={productionDependencies(host, AUTH_CONFIG, nestedAppAuthSupported())} />),
    (error: unknown) => {
      // Rendered as text: the message may come from the host.
      container.textContent = paneStrings.startFailed(error instanceof Error ? error.message : String(error));
    },
  );
}
