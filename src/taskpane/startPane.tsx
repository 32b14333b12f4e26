import { createRoot } from 'react-dom/client';
import type { PaneDependencies } from '../app/paneState';
import type { PolicyFileState } from '../services/policyFile';
import type { OfficeHost } from '../office/types';
import { PaneFrame, PaneStarting } from './PaneFrame';
import { frameStrings } from './i18n/frame';
import { resolveLocale, textDirection } from './i18n/locale';

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
  // Until the host says otherwise, the browser's language (Office's, inside Outlook) says a failure to start.
  let displayLanguage = typeof navigator === 'undefined' ? '' : navigator.language;
  whenHostReady()
    .then((host) => {
      displayLanguage = host.displayLanguage;
      root.render(
        <PaneFrame theme={host.theme} displayLanguage={host.displayLanguage}>
          <PaneStarting />
        </PaneFrame>,
      );
      return paneModule.then((pane) => {
        const deps = withPolicyRequestedNow(dependencies(host, pane));
        root.render(
          <PaneFrame theme={host.theme} displayLanguage={host.displayLanguage}>
            <pane.PaneContent deps={deps} />
          </PaneFrame>,
        );
      });
    })
    .catch((error: unknown) => {
      root.unmount();
      // Rendered as text: the message may come from the host.
      const locale = resolveLocale(displayLanguage);
      container.lang = locale;
      container.dir = textDirection(locale);
      container.textContent = frameStrings[locale].startFailed(error instanceof Error ? error.message : String(error));
    });
}

/**
 * The admin's policy file gates everything else, so it is asked for as soon as the pane's code is here rather than
 * after the pane's first render: the pane's first call gets this answer, any later call (a restart) asks again.
 */
function withPolicyRequestedNow(deps: PaneDependencies): PaneDependencies {
  let early: Promise<PolicyFileState> | null = deps.loadPolicy(new AbortController().signal);
  return {
    ...deps,
    loadPolicy(signal) {
      const answer = early ?? deps.loadPolicy(signal);
      early = null;
      return answer;
    },
  };
}

