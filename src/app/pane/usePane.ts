import { useCallback, useMemo } from 'react';
import type { OfficeHost } from '../../office';
import { copyText } from '../clipboard';
import { useConnection, type ConnectionActions } from '../connect/useConnection';
import { useConsentReconciliation } from '../connect/useConsentReconciliation';
import { useSuggestions } from '../useSuggestions';
import type { PaneDependencies } from './dependencies';
import { derivePane } from './derive';
import type { PaneState } from './paneState';
import type { FirstRender } from './firstRender';
import type { ProfileLoader } from '../profileLoader';
import { useDeviceOption, useLinkedInRequests, useProfileLoader, useRefusalReported, useSettledPolicyFile } from './paneHooks';
import { useFollowedItem } from './useFollowedItem';
import { useTodayPane, useTodayWork, type TodayActions } from './useTodayPane';

/** What the user can do in the pane. */
export interface PaneActions {
  selectPerson: (address: string) => void;
  setShowLinkedInFeatures: (value: boolean) => void;
  /** The switcher reports which people it shows, so only they are looked up. */
  setVisiblePeople: (addresses: readonly string[]) => void;
  retry: (section: 'public' | 'connected') => void;
  /** Reads the selected item again (a pinned pane can miss ItemChanged: office-js #4952). */
  refreshItem: () => void;
  clearCache: () => void;
  /** Puts text on the clipboard ("Copy details for your admin"); false where the host refuses. */
  copyText: (text: string) => Promise<boolean>;
  /**
   * Opens an address in the user's browser through Office (OpenBrowserWindowApi 1.1: classic Outlook on Windows, Mac);
   * false where Office can't, and the link opens it itself (a new tab on the web and in the workbench).
   */
  openInBrowser: (url: string) => boolean;
  connection: ConnectionActions;
  requestSuggestions: () => void;
  /** The tabs, and in Today: open a person's card (null: back to the list), report who is listed, read again. */
  today: TodayActions;
}

/** The connection, whose disconnect purges what the loader kept and whose new sign-in asks again for what failed. */
function usePaneConnection(deps: PaneDependencies, loader: ProfileLoader) {
  const purgeAfterDisconnect = useCallback(() => loader.purge({ keepOffDevice: true }), [loader]);
  const onConnected = useCallback(() => loader.retryConnectedFailures(), [loader]);
  const [connection, connectionActions, reportToConnection] = useConnection({
    host: deps.host,
    insights: deps.insights,
    dialog: deps.signInDialog,
    purgeCache: purgeAfterDisconnect,
    onConnected,
    indexedDB: deps.indexedDB,
    wait: deps.wait,
  });
  return { purgeAfterDisconnect, connection, connectionActions, reportToConnection };
}

/**
 * The pane: its inputs gathered by small hooks, everything it shows derived from them by derivePane (the decision
 * first), and the requests that derivation allows carried out by effects. `firstRender`: what the page prepared
 * before the pane's first render (prepareFirstRender) for these deps, so that render is the ready pane; without it
 * the pane starts in the starting phase and loads them itself.
 */
export function usePane(deps: PaneDependencies, firstRender?: FirstRender): [PaneState, PaneActions] {
  const { host, insights } = deps;
  const settled = useSettledPolicyFile(deps, firstRender);
  const [loader, readings] = useProfileLoader(deps, firstRender);
  const [followed, itemActions] = useFollowedItem(host, firstRender, deps.initialPerson);
  const [userOption, setShowLinkedInFeatures] = useDeviceOption(host);
  const purgeCache = useCallback(() => void loader.purge(), [loader]);
  const { purgeAfterDisconnect, connection, connectionActions, reportToConnection } = usePaneConnection(deps, loader);
  const [suggestions, suggestionsActions] = useSuggestions(insights);
  const today = useTodayPane(deps, followed, loader);

  const { state, work } = useMemo(
    () =>
      derivePane({
        settled,
        user: host.currentUser,
        platform: host.platform,
        userOption,
        ...followed,
        profiles: readings,
        connection,
        signInAvailable: Boolean(deps.signInDialog),
        signInUnavailable: deps.signInUnavailable,
        suggestions,
        ...today.inputs,
      }),
    [settled, host, userOption, followed, readings, connection, deps.signInDialog, deps.signInUnavailable, suggestions, today.inputs],
  );

  useLinkedInRequests(loader, readings, work, suggestionsActions);
  useTodayWork(today, work.today);
  useConsentReconciliation(
    work.linkedIn === 'allowed',
    connection,
    reportToConnection,
    host.roamingSettings,
    insights,
    purgeAfterDisconnect,
  );
  useRefusalReported(work.insightsRefused, reportToConnection);

  const selected = state.phase === 'ready' ? state.selected?.address : undefined;
  const retry = useCallback(
    (section: 'public' | 'connected') => {
      if (selected) loader.retry(selected, section);
    },
    [loader, selected],
  );
  const itemKey = state.phase === 'ready' ? (state.item?.key ?? null) : null;
  const { outboundSharing, suggestionAddresses } = work;
  const requestSuggestions = useCallback(() => {
    if (outboundSharing) suggestionsActions.request(itemKey, suggestionAddresses);
  }, [outboundSharing, suggestionsActions, itemKey, suggestionAddresses]);

  const actions = useMemo<PaneActions>(
    () => ({
      selectPerson: itemActions.choosePerson,
      setShowLinkedInFeatures,
      setVisiblePeople: itemActions.showPeople,
      retry,
      refreshItem: itemActions.refresh,
      clearCache: purgeCache,
      copyText,
      openInBrowser: browserOpener(host),
      connection: connectionActions,
      requestSuggestions,
      today: today.actions,
    }),
    [itemActions, setShowLinkedInFeatures, retry, purgeCache, host, connectionActions, requestSuggestions, today.actions],
  );
  return [state, actions];
}

/** Opens an address through Office's browser window where the host has one; false, and the link opens it itself. */
function browserOpener(host: OfficeHost): (url: string) => boolean {
  return (url) => {
    if (!host.openBrowserWindow) return false;
    host.openBrowserWindow(url);
    return true;
  };
}
