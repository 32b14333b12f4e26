import { createRoot } from 'react-dom/client';
import type { PaneDependencies } from '../app/pane/dependencies';
import type { OfficeHost } from '../office/types';
import { startEarly, type EarlyHandOver } from '../app/pane/earlyStart';
import type { EarlyPolicyFileRequest } from '../app/pagePolicyFileRequest';
import { HostFrame, PaneStarting } from './frame/PaneFrame';
import { frameStrings } from './i18n/frame';
import { resolveLocale, textDirection } from './i18n/locale';
import { loadTheme } from './frame/themes';
import { markStep } from '../shared/timeline';

/** The pane's chunk (paneChunk.ts), loaded by the first script. */
export type PaneChunk = typeof import('./paneChunk');

/**
 * How long the pane's chunk waits, at most, for the policy file's answer before it runs (bootPane): about the round
 * trip of a quick network, so the chunk still runs while a slow answer is on its way.
 */
export const CHUNK_WAITS_FOR_POLICY_MS = 150;

/** How long the pane may take to be ready before its frame (saying "starting") is painted on its own. */
export const FRAME_ALONE_AFTER_MS = 100;

/**
 * Starts the pane in two steps: the first script starts loading the rest of the pane (the app, its services, the card)
 * at once; when the host is ready and the policy is settled, the pane renders. If that takes longer than
 * FRAME_ALONE_AFTER_MS after the host is ready, the frame (with "starting") is painted first from the first script,
 * and the pane then renders into that same frame; when it is quick, the pane's first paint is the ready pane (no
 * spinner flashing, no frame rendered twice). Once the first lookup has left, the pane is at most
 * FIRST_ANSWER_WAIT_MS from its first render: the frame is then no longer painted alone — it would show "starting"
 * for those few milliseconds, and its render (Fluent's first, 10-64 ms in the bench's page on a loaded machine) took
 * the main thread just before the pane's own, with the answer on its way. A host that fails to start is shown as text.
 */
export function bootPane(
  container: HTMLElement,
  whenHostReady: () => Promise<OfficeHost>,
  /**
   * The pane's services; `early` gives what the first script sent, each once: the policy file's request, for the pane's
   * first read of the file (only while the first script has not settled the policy itself), and the first lookup, for
   * the insights client's same request (earlyStart.ts).
   */
  dependencies: (host: OfficeHost, pane: PaneChunk, early: EarlyHandOver) => PaneDependencies,
  /**
   * The admin's policy file, asked for by the page before the host is ready (requestPolicyFileForPage: the file sits beside
   * the page, so the page's own address is enough); used when it is the host's file too, otherwise asked for then.
   */
  pagePolicyFileRequest: EarlyPolicyFileRequest | null = null,
  /**
   * The insights service's token for this host, where the first script can get one (the token source the pane's
   * insights client uses too): the first lookup then leaves from the first script, without waiting for the pane's chunk.
   */
  lookupToken?: (host: OfficeHost) => (() => Promise<string>) | undefined,
): void {
  markStep('firstScript');
  // Requested before the host is ready: the download overlaps with Office.js starting the add-in.
  // Run once the policy file's answer (asked for by the page's start script) has been read, or CHUNK_WAITS_FOR_POLICY_MS
  // have passed: the chunk's evaluation is a long task, and run first it held the answer's body read — and the first
  // decision and lookup — behind it. Never longer: an answer that never comes must not hold the pane.
  const paneChunk = Promise.race([
    pagePolicyFileRequest?.answer ?? null,
    new Promise((resolve) => setTimeout(resolve, CHUNK_WAITS_FOR_POLICY_MS)),
  ]).then(() => import(/* webpackChunkName: "pane" */ './paneChunk'));
  const root = createRoot(container);
  // Until the host says otherwise, the browser's language (Office's, inside Outlook) says a failure to start.
  let displayLanguage = typeof navigator === 'undefined' ? '' : navigator.language;
  let frameAlone: ReturnType<typeof setTimeout> | undefined;
  whenHostReady()
    .then((host) => {
      displayLanguage = host.displayLanguage;
      // The admin's policy file gates everything else: checked here, with the selected item, as soon as it answers, so
      // the first lookup's people are known before the rest of the pane has loaded (or read by it where it must be).
      const early = startEarly(host, pagePolicyFileRequest, lookupToken?.(host));
      // Dark or high contrast come in their own chunk: asked for now too, so the pane needn't wait for it.
      void loadTheme(host.theme).catch(() => undefined);
      frameAlone = setTimeout(() => {
        root.render(
          <HostFrame host={host}>
            <PaneStarting />
          </HostFrame>,
        );
      }, FRAME_ALONE_AFTER_MS);
      return paneChunk.then(async (pane) => {
        markStep('chunkLoaded');
        const deps = dependencies(host, pane, { takePolicyRequest: early.takePolicyRequest, takeLookup: early.takeLookup });
        // The pane is rendered once the policy is settled and the selected item read, so its first render is the
        // ready pane, with the sender in it, and the first LinkedIn lookup leaves from it.
        const firstRender = await pane.prepareFirstRender(deps, new AbortController().signal, early.decided, () =>
          clearTimeout(frameAlone),
        );
        clearTimeout(frameAlone);
        markStep('firstRender');
        root.render(
          <HostFrame host={host}>
            <pane.Pane deps={deps} firstRender={firstRender} />
          </HostFrame>,
        );
      });
    })
    .catch((error: unknown) => {
      clearTimeout(frameAlone);
      root.unmount();
      // Rendered as text: the message may come from the host.
      const locale = resolveLocale(displayLanguage);
      container.lang = locale;
      container.dir = textDirection(locale);
      container.textContent = frameStrings[locale].startFailed(error instanceof Error ? error.message : String(error));
    });
}
