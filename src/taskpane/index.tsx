import { createRoot } from 'react-dom/client';
import { nestedAppAuthSupported, whenOfficeReady } from '../office/boot';
import { PaneFrame, PaneStarting } from './PaneFrame';
import { paneStrings } from './strings';

declare const __AUTH_CONFIG__: { clientId: string; insightsScope: string };
const AUTH_CONFIG = __AUTH_CONFIG__;

const container = document.getElementById('root');
if (container) {
  // Requested before Office.js is ready: the rest of the pane downloads while Outlook starts the add-in.
  const paneModule = import(/* webpackChunkName: "pane" */ './paneModule');
  const root = createRoot(container);
  const showFailure = (error: unknown): void => {
    root.unmount();
    // Rendered as text: the message may come from the host.
    container.textContent = paneStrings.startFailed(error instanceof Error ? error.message : String(error));
  };
  whenOfficeReady()
    .then((host) => {
      root.render(
        <PaneFrame theme={host.theme}>
          <PaneStarting />
        </PaneFrame>,
      );
      return paneModule.then(({ PaneContent, productionDependencies }) => {
        const deps = productionDependencies(host, AUTH_CONFIG, nestedAppAuthSupported());
        root.render(
          <PaneFrame theme={host.theme}>
            <PaneContent deps={deps} />
          </PaneFrame>,
        );
      });
    })
    .catch(showFailure);
}
