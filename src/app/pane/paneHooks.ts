import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type Dispatch } from 'react';
import type { ServiceEvent } from '../connect/connectionState';
import type { OfficeHost } from '../../office';
import type { ProfileLoader, ProfileReadings } from '../profileLoader';
import type { SuggestionsActions } from '../useSuggestions';
import { profileLoaderFor, type PaneDependencies } from './dependencies';
import type { PaneWork } from './derive';
import type { FirstRender } from './firstRender';
import { settlePolicyFile, type PolicyFileSettled } from './settlePolicyFile';

/** The policy settled for these deps: from the FirstRender made for them, or loaded once the pane is mounted. */
export function useSettledPolicyFile(deps: PaneDependencies, firstRender: FirstRender | undefined): PolicyFileSettled | null {
  const prepared = firstRender?.deps === deps ? firstRender.settled : null;
  const [loaded, setLoaded] = useState<{ deps: PaneDependencies; settled: PolicyFileSettled } | null>(null);
  useEffect(() => {
    if (prepared) return undefined;
    const controller = new AbortController();
    void settlePolicyFile(deps, controller.signal).then((settled) => {
      if (!controller.signal.aborted) setLoaded({ deps, settled });
    });
    return () => controller.abort();
  }, [deps, prepared]);
  return prepared ?? (loaded?.deps === deps ? loaded.settled : null);
}

/** The pane's loader (the FirstRender's, with its first lookup on its way, when made for these deps) and what it knows. */
export function useProfileLoader(deps: PaneDependencies, firstRender: FirstRender | undefined): [ProfileLoader, ProfileReadings] {
  const loader = useMemo(() => (firstRender?.deps === deps ? firstRender.loader : profileLoaderFor(deps)), [deps, firstRender]);
  const readings = useSyncExternalStore(loader.subscribe, loader.getReadings);
  return [loader, readings];
}

/** The user's "Show LinkedIn features" option on this device, followed as it changes here or elsewhere. */
export function useDeviceOption(host: OfficeHost): [boolean, (value: boolean) => void] {
  const settings = host.deviceSettings;
  // Changes made here are announced to this pane's subscription too (storage events only announce other windows').
  const localListeners = useRef(new Set<() => void>());
  const subscribe = useCallback(
    (listener: () => void) => {
      const listeners = localListeners.current;
      listeners.add(listener);
      const unsubscribe = settings.subscribe(listener);
      return () => {
        listeners.delete(listener);
        unsubscribe();
      };
    },
    [settings],
  );
  const value = useSyncExternalStore(subscribe, () => settings.getShowLinkedInFeatures());
  const set = useCallback(
    (next: boolean) => {
      settings.setShowLinkedInFeatures(next);
      for (const listener of [...localListeners.current]) listener();
    },
    [settings],
  );
  return [value, set];
}

/**
 * Carries out the request discipline the derivation decided (PaneWork): purges what was kept when LinkedIn is
 * forbidden, sends the public lookups and the connected insights asked for, asks again for what failed under an
 * earlier connection, and forgets "people you work with" once sharing stops.
 */
export function useLinkedInRequests(
  loader: ProfileLoader,
  readings: ProfileReadings,
  work: PaneWork,
  suggestions: SuggestionsActions,
): void {
  const { linkedIn, publicLookups, connectedFor, connectedPurpose, connectedSince, outboundSharing } = work;
  const keepUntil = connectedPurpose === 'today' ? work.today.keepUntil : undefined;
  useEffect(() => {
    if (linkedIn === 'forbidden') loader.purge();
  }, [linkedIn, loader]);
  // A layout effect: the lookup leaves in the same task as the render that allows it, not a frame later.
  useLayoutEffect(() => {
    if (publicLookups.length > 0) loader.requestPublic(publicLookups);
  }, [publicLookups, loader]);
  useEffect(() => {
    if (connectedSince) loader.retryConnectedFailures();
  }, [connectedSince, loader]);
  // `readings`: after a retry cleared a failure, the same person is asked again.
  useEffect(() => {
    if (connectedFor) loader.requestConnected(connectedFor, { purpose: connectedPurpose, keepUntil });
  }, [connectedFor, connectedPurpose, keepUntil, loader, readings]);
  useEffect(() => {
    if (!outboundSharing) suggestions.forget();
  }, [outboundSharing, suggestions]);
}

/**
 * A 401 to connected insights means the connection is expired: said to the connection's reducer in a layout effect,
 * before this render is painted, so the badge never claims connected insights beside a card that was refused them.
 */
export function useRefusalReported(insightsRefused: boolean, report: Dispatch<ServiceEvent>): void {
  useLayoutEffect(() => {
    if (insightsRefused) report({ type: 'insightsRefused' });
  }, [insightsRefused, report]);
}
