import { createRoot } from 'react-dom/client';
import type { PaneDependencies } from '../app/paneState';
import type { OfficeHost } from '../office/types';
import { PaneFrame, PaneStarting } from './PaneFrame';
import { paneStrings } from './strings';

export type PaneModule = typeof import('./paneModule');

/**
 * Boots the pane in two steps: the frame (with "starting") is painted from the first script as soon as the host is
 * ready, while the rest of the pane (the app, its services, the card) downloads in parallel; then the pane renders
 * into that same frame. A host that fails to start is shown as text.
 */
export function startPane(container: HTMLElement, whenHostReady: () => Promise<OfficeHost>, dependencies: (host: OfficeHost, pane: PaneModule) => PaneDependencies): void {
  // Requested before the host is ready: the download overlaps with Office.js starting the add-in.
  const paneModule = import(/* webpackChunkName: "pane" */ './paneModule');
  const root = createRoot(container);
  whenHostReady()
    .then((host) => {
      root.render(
        <PaneFrame theme={host.theme}>
          <PaneStarting />
        </PaneFrame>,
      );
      return paneModule.then((pane) => {
        const deps = dependencies(host, pane);
        root.render(
          <PaneFrame theme={host.theme}>
            <pane.PaneContent deps={deps} />
          </PaneFrame>,
        );
      });
    })
    .catch((error: unknown) => {
      root.unmount();
      // Rendered as text: the message may come from the host.
      container.textContent = paneStrings.startFailed(error instanceof Error ? error.message : String(error));
    });
}
