import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { decideAccess, type AccessDecision } from '../policy';
import type { CurrentUser, ItemPerson, ItemSnapshot, OfficeHost } from '../office';
import type { PolicyFileState } from '../services/policyFile';
import type { AdminPolicy } from '../services/policyFileSchema';
import type { ServiceErrorKind } from '../services/errors';
import { peopleToShow } from './people';
import { accessInputFor, UNKNOWN_ENVIRONMENT, viewerInput, type Consent, type DetectedEnvironment, type ViewerInput } from './viewer';

/** What the pane is built from; production wires Office.js and the network, the workbench and tests wire fakes. */
export interface PaneDependencies {
  host: OfficeHost;
  loadPolicy(signal: AbortSignal): Promise<PolicyFileState>;
  detectEnvironment(policy: AdminPolicy, user: CurrentUser, signal: AbortSignal): Promise<DetectedEnvironment>;
  getConsent(signal: AbortSignal): Promise<Consent>;
}

interface Settled {
  policyState: PolicyFileState;
  detected: DetectedEnvironment;
  consent: Consent;
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
      /** The decision for the person shown. */
      personDecision: AccessDecision | null;
    };

export interface PaneActions {
  selectPerson(address: string): void;
  setShowLinkedInFeatures(value: boolean): void;
}

/** Loads the policy file, the environment and consent once, follows the selected item, and derives decisions. */
export function usePaneState(deps: PaneDependencies): [PaneState, PaneActions] {
  const { host } = deps;
  const [settled, setSettled] = useState<Settled | null>(null);
  const [item, setItem] = useState<ItemSnapshot | null>(null);
  const [selectedAddress, setSelectedAddress] = useState<string | null>(null);
  const [optionVersion, bumpOption] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const policyState = await deps.loadPolicy(controller.signal);
      if (policyState.status === 'invalid' || policyState.status === 'unreachable') {
        // Fail closed: nothing else is asked for when the admin's file cannot be trusted.
        if (!controller.signal.aborted) setSettled({ policyState, detected: UNKNOWN_ENVIRONMENT, consent: 'unknown' });
        return;
      }
      const [detected, consent] = await Promise.all([
        deps.detectEnvironment(policyState.policy, host.currentUser, controller.signal),
        deps.getConsent(controller.signal).catch((): Consent => 'unknown'),
      ]);
      if (!controller.signal.aborted) setSettled({ policyState, detected, consent });
    })().catch(() => {
      if (!controller.signal.aborted) {
        setSettled({ policyState: { status: 'invalid', field: '(the whole file)', problem: 'could not be read' }, detected: UNKNOWN_ENVIRONMENT, consent: 'unknown' });
      }
    });
    return () => controller.abort();
  }, [deps, host]);

  useEffect(() => {
    let current = true;
    const refresh = (): void => {
      host.getItem().then(
        (next) => {
          if (!current) return;
          setItem(next);
          setSelectedAddress(null);
        },
        () => current && setItem(null),
      );
    };
    refresh();
    const unsubscribe = host.onItemChanged(refresh);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [host]);

  useEffect(() => host.deviceSettings.subscribe(bumpOption), [host]);

  const state = useMemo<PaneState>(() => {
    if (!settled) return { phase: 'starting' };
    const { policyState } = settled;
    if (policyState.status === 'invalid') return { phase: 'policyInvalid', field: policyState.field, problem: policyState.problem };
    if (policyState.status === 'unreachable') return { phase: 'policyUnreachable', errorKind: policyState.error.kind };
    const viewer = viewerInput({
      policy: policyState.policy,
      detected: settled.detected,
      user: host.currentUser,
      platform: host.platform,
      userOption: host.deviceSettings.getShowLinkedInFeatures(),
      consent: settled.consent,
    });
    const people = peopleToShow(item, host.currentUser.address);
    const selected = people.find((p) => p.address.toLowerCase() === selectedAddress) ?? people[0] ?? null;
    const viewerDecision = decideAccess(accessInputFor(viewer, 'unknown'));
    return {
      phase: 'ready',
      viewer,
      viewerDecision,
      item,
      people,
      selected,
      // No profile has been looked up yet, so every person's visibility is 'unknown' and their decision is the viewer's.
      personDecision: selected ? viewerDecision : null,
    };
    // optionVersion: the device option is read from storage, so a change must recompute.
  }, [settled, item, selectedAddress, host, optionVersion]);

  const selectPerson = useCallback((address: string) => setSelectedAddress(address.toLowerCase()), []);
  const setShowLinkedInFeatures = useCallback(
    (value: boolean) => {
      host.deviceSettings.setShowLinkedInFeatures(value);
      bumpOption();
    },
    [host],
  );
  return [state, { selectPerson, setShowLinkedInFeatures }];
}
