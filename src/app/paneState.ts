import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { decideAccess, type AccessDecision } from '../policy';
import type { CurrentUser, ItemPerson, ItemSnapshot, OfficeHost } from '../office';
import type { PolicyFileState } from '../services/policyFile';
import type { AdminPolicy } from '../contract/policyFile';
import type { ServiceErrorKind } from '../services/errors';
import type { InsightsClient } from '../services/insightsClient';
import type { KeyValueStorage } from '../services/profileCache';
import type { SignInDialog } from '../office/signInDialog';
import { useConnection, type ConnectionActions, type ConnectionState } from './connect/useConnection';
import type { DisconnectDependencies } from './connect/disconnectFlow';
import type { ConnectedState, PublicState } from './profileLoader';
import { createProfileLoader, firstPageOf, settlePolicy, viewerFor, type PaneStart, type PolicySettled } from './paneStart';
import { useSuggestions, type SuggestionsState } from './useSuggestions';
import { peopleToShow } from './people';
import { accessInputFor, type DetectedEnvironment, type ViewerInput } from './viewer';

export { startOfPane, type PaneStart, type PolicySettled } from './paneStart';

/** What the pane is built from; production wires Office.js and the network, the workbench and tests wire fakes. */
export interface PaneDependencies {
  host: OfficeHost;
  loadPolicy(signal: AbortSignal): Promise<PolicyFileState>;
  detectEnvironment(policy: AdminPolicy, user: CurrentUser, signal: AbortSignal): Promise<DetectedEnvironment>;
  insights: InsightsClient;
  /** Where the LinkedIn sign-in runs (an Office dialog; the workbench's window). Without one, connecting is unavailable. */
  signInDialog?: SignInDialog;
  /** The browser's IndexedDB, so disconnecting can prove nothing of LinkedIn is kept there. */
  indexedDB?: DisconnectDependencies['indexedDB'];
  /** Where the LinkedIn cache persists (local storage), keyed by Office's partition key when there is one. */
  cacheStorage?: KeyValueStorage;
  partitionKey?: string;
  /** The clock LinkedIn's Retry-After is counted on (tests inject one; Date.now otherwise). */
  now?: () => number;
  /** The person to show first on the item the pane opens with (the workbench's shared links); the sender otherwise. */
  initialPerson?: string;
}

export type PaneState =
  | { phase: 'starting' }
  | { phase: 'policyInvalid'; field: string; problem: string }
  | { phase: 'policyUnreachable'; errorKind: ServiceErrorKind }
  | {
      phase: 'ready';
      viewer: ViewerInput;
      /** The decision for the viewer before any person is looked up: it gates every LinkedIn request. */
      viewerDecision: AccessDecision;
      item: ItemSnapshot | null;
      people: ItemPerson[];
      selected: ItemPerson | null;
      /** The decision for the person shown, with their visibility once looked up. */
      personDecision: AccessDecision | null;
      publicState: PublicState;
      connectedState: ConnectedState;
      cachedPeople: number;
      connection: ConnectionState;
      /** Whether a sign-in dialog exists here, so "Connect" can be offered. */
      signInAvailable: boolean;
      /**
       * Whether "Reconnect" can be offered when the service no longer accepts the saved connection: there is a saved
       * choice, a sign-in dialog, and the rules would let this viewer connect were they not connected.
       */
      canReconnect: boolean;
      suggestions: SuggestionsState;
    };

export interface PaneActions {
  selectPerson(address: string): void;
  setShowLinkedInFeatures(value: boolean): void;
  /** The switcher reports which people it shows, so only they are looked up. */
  setVisiblePeople(addresses: readonly string[]): void;
  retry(section: 'public' | 'connected'): void;
  clearCache(): void;
  connection: ConnectionActions;
  requestSuggestions(): void;
}

/**
 * Loads the policy file, the environment and consent once, follows the selected item, and derives decisions.
 * `start`: the policy and the item as startPane found them for these deps, so the pane's first render is the ready
 * one; without it the pane starts in the starting phase and loads them itself.
 */
export function usePaneState(deps: PaneDependencies, start?: PaneStart): [PaneState, PaneActions] {
  const { host } = deps;
  const [settled, setSettled] = useState<PolicySettled | null>(start?.settled ?? null);
  const settledFor = useRef(start ? deps : null);
  const [item, setItem] = useState<ItemSnapshot | null>(start?.item ?? null);
  // The item startPane read: the pane's own first read only counts if the item has changed since.
  const startItem = useRef(start ? JSON.stringify(start.item) : null);
  const [selectedAddress, setSelectedAddress] = useState<string | null>(deps.initialPerson?.toLowerCase() ?? null);
  // The first item read keeps the person asked for; any later item starts from the sender.
  const firstSelection = useRef<string | null>(deps.initialPerson?.toLowerCase() ?? null);
  const [optionVersion, bumpOption] = useReducer((n: number) => n + 1, 0);
  const [visible, setVisible] = useState<readonly string[] | null>(null);
  // startPane's loader, with the first lookup already on its way, for the deps it was made for.
  const loader = useMemo(() => (start && settledFor.current === deps ? start.loader : createProfileLoader(deps)), [deps, start]);
  const loaderVersion = useSyncExternalStore(loader.subscribe, loader.getVersion);
  const purgeCache = useCallback(() => loader.purge(), [loader]);
  const purgeAfterDisconnect = useCallback(() => loader.purge({ keepOffDevice: true }), [loader]);
  const [mayContactLinkedIn, setMayContactLinkedIn] = useState(false);
  const [connection, connectionActions] = useConnection(
    host,
    deps.insights,
    deps.signInDialog,
    mayContactLinkedIn,
    purgeAfterDisconnect,
    deps.indexedDB,
  );

  useEffect(() => {
    if (settledFor.current === deps) return undefined;
    const controller = new AbortController();
    void settlePolicy(deps, controller.signal).then((next) => {
      if (!controller.signal.aborted) setSettled(next);
    });
    return () => controller.abort();
  }, [deps]);

  useEffect(() => {
    let current = true;
    // Only the answer to the latest ItemChanged counts: an earlier getItem that answers late is a mail the user left.
    let latest = 0;
    const refresh = (): void => {
      const asked = ++latest;
      const isLatest = (): boolean => current && asked === latest;
      host.getItem().then(
        (next) => {
          if (!isLatest()) return;
          const unchanged = startItem.current !== null && startItem.current === JSON.stringify(next);
          startItem.current = null;
          const askedPerson = firstSelection.current;
          firstSelection.current = null;
          if (unchanged) return;
          setItem(next);
          setSelectedAddress(askedPerson);
        },
        () => isLatest() && setItem(null),
      );
      setVisible(null);
    };
    refresh();
    const unsubscribe = host.onItemChanged(refresh);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [host]);

  useEffect(() => host.deviceSettings.subscribe(bumpOption), [host]);

  const itemAddresses = useMemo(() => peopleToShow(item, host.currentUser.address).map((p) => p.address), [item, host]);
  const [outboundSharing, setOutboundSharing] = useState(false);
  const [suggestions, requestSuggestions] = useSuggestions(deps.insights, item?.key ?? null, itemAddresses, outboundSharing);

  const state = useMemo<PaneState>(() => {
    if (!settled) return { phase: 'starting' };
    const { policyState } = settled;
    if (policyState.status === 'invalid') return { phase: 'policyInvalid', field: policyState.field, problem: policyState.problem };
    if (policyState.status === 'unreachable') return { phase: 'policyUnreachable', errorKind: policyState.error.kind };
    const viewer = viewerFor(policyState.policy, settled.detected, host, connection.consent);
    const people = peopleToShow(item, host.currentUser.address);
    const selected = people.find((p) => p.address.toLowerCase() === selectedAddress) ?? people[0] ?? null;
    const viewerDecision = decideAccess(accessInputFor(viewer, 'unknown'));
    const publicState: PublicState =
      selected && viewerDecision.level !== 'none' ? loader.publicState(selected.address) : { status: 'idle' };
    const visibility = publicState.status === 'match' ? 'visible' : publicState.status === 'hidden' ? 'hidden' : 'unknown';
    const personDecision = selected ? decideAccess(accessInputFor(viewer, visibility)) : null;
    return {
      phase: 'ready',
      viewer,
      viewerDecision,
      item,
      people,
      selected,
      personDecision,
      publicState,
      connectedState:
        selected && personDecision?.level === 'connected' && connection.verified
          ? loader.connectedState(selected.address)
          : { status: 'idle' },
      cachedPeople: loader.cachedCount,
      connection,
      signInAvailable: Boolean(deps.signInDialog),
      canReconnect:
        Boolean(deps.signInDialog) &&
        connection.record !== null &&
        decideAccess(accessInputFor({ ...viewer, consent: 'none' }, 'unknown')).canConnect,
      suggestions,
    };
    // optionVersion: the device option is read from storage, so a change must recompute.
  }, [settled, item, selectedAddress, host, optionVersion, loader, loaderVersion, connection, deps.signInDialog, suggestions]);

  // Request discipline: nothing while the viewer's decision is none (and what was kept is purged); public lookups
  // for the people shown in the switcher; connected insights only for the person shown, once their profile is a match.
  const readyLevel = state.phase === 'ready' ? state.viewerDecision.level : null;
  const people = state.phase === 'ready' ? state.people : null;
  const selectedNow = state.phase === 'ready' ? state.selected : null;
  const firstPage = useMemo(() => (people ? firstPageOf(people) : []), [people]);
  useEffect(() => {
    if (readyLevel === 'none') loader.purge();
    setMayContactLinkedIn(readyLevel !== null && readyLevel !== 'none');
  }, [readyLevel, loader]);
  const viewerOutbound = state.phase === 'ready' && state.viewerDecision.outboundSharing && state.connection.verified;
  useEffect(() => setOutboundSharing(viewerOutbound), [viewerOutbound]);
  // A layout effect: the lookup leaves in the same task as the render that allows it, not a frame later.
  useLayoutEffect(() => {
    if (!readyLevel || readyLevel === 'none' || !people) return;
    const shown = visible ?? firstPage;
    loader.requestPublic(selectedNow ? [selectedNow.address, ...shown] : shown);
  }, [readyLevel, people, visible, firstPage, selectedNow, loader, loaderVersion]);
  // A new saved connection (connected again) clears what failed under the old one: insights are asked for again.
  const connectedAt = state.phase === 'ready' ? state.connection.record?.connectedAt : undefined;
  useEffect(() => {
    if (connectedAt) loader.retryConnectedFailures();
  }, [connectedAt, loader]);
  const wantConnected =
    state.phase === 'ready' &&
    state.selected &&
    state.personDecision?.level === 'connected' &&
    state.connection.verified &&
    state.publicState.status === 'match'
      ? state.selected.address
      : null;
  useEffect(() => {
    if (wantConnected) loader.requestConnected(wantConnected);
  }, [wantConnected, loader, loaderVersion]);

  const selectPerson = useCallback((address: string) => setSelectedAddress(address.toLowerCase()), []);
  const setShowLinkedInFeatures = useCallback(
    (value: boolean) => {
      host.deviceSettings.setShowLinkedInFeatures(value);
      bumpOption();
    },
    [host],
  );
  // The same people again (a re-render, or the switcher's first page, which is what `null` stands for) is no change:
  // keeping the old value spares the pane a render.
  const firstPageNow = useRef<readonly string[]>(firstPage);
  firstPageNow.current = firstPage;
  const setVisiblePeople = useCallback(
    (addresses: readonly string[]) =>
      setVisible((previous) => (sameAddresses(previous ?? firstPageNow.current, addresses) ? previous : addresses)),
    [],
  );
  const selectedForRetry = state.phase === 'ready' ? state.selected?.address : undefined;
  const retry = useCallback(
    (section: 'public' | 'connected') => {
      if (selectedForRetry) loader.retry(selectedForRetry, section);
    },
    [loader, selectedForRetry],
  );
  return [
    state,
    {
      selectPerson,
      setShowLinkedInFeatures,
      setVisiblePeople,
      retry,
      clearCache: purgeCache,
      connection: connectionActions,
      requestSuggestions,
    },
  ];
}

function sameAddresses(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((address, i) => address === b[i]);
}
