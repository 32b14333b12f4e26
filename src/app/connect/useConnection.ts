import { useCallback, useMemo, useReducer, type Dispatch } from 'react';
import type { OfficeHost } from '../../office';
import type { SignInDialog } from '../../office/signInDialog';
import type { InsightsClient } from '../../services/insightsClient';
import { ConnectFlow, type ChosenConsent } from './connectFlow';
import {
  connectionReducer,
  initialConnectionState,
  isBusy,
  savedRecordOf,
  type ConnectionState,
  type ServiceEvent,
} from './connectionState';
import { disconnectLinkedIn, type DisconnectDependencies } from './disconnectFlow';

export interface ConnectionActions {
  connect: (choice: ChosenConsent) => void;
  /** Signs in again with the choice already saved (the service no longer accepts the connection): one step, no panel. */
  reconnect: () => void;
  disconnect: () => void;
  dismissNotice: () => void;
}

export interface ConnectionDependencies {
  host: OfficeHost;
  insights: InsightsClient;
  dialog: SignInDialog | undefined;
  /** Forgets every cached LinkedIn answer and writes nothing more to this device; says how many people it forgot. */
  purgeCache: () => number;
  /** A new connection is about to count: what failed under the old one is asked again (a 401 is not the new one's). */
  onConnected: () => void;
  indexedDB?: DisconnectDependencies['indexedDB'];
  wait?: (ms: number) => Promise<void>;
}

/**
 * The user's LinkedIn connection: one state (connectionState.ts) with one writer, its reducer. Consent is read from
 * roaming settings (no request); connect goes through the sign-in dialog, disconnect leaves nothing. The service's
 * answers (the reconciliation's, and a 401 to connected insights) come in through the dispatch returned third.
 */
export function useConnection(deps: ConnectionDependencies): [ConnectionState, ConnectionActions, Dispatch<ServiceEvent>] {
  const { host, insights, dialog, purgeCache, onConnected, indexedDB, wait } = deps;
  const [state, dispatch] = useReducer(connectionReducer, host.roamingSettings, initialConnectionState);
  const flow = useMemo(
    () => (dialog ? new ConnectFlow({ dialog, insights, roaming: host.roamingSettings, pageUrl: host.baseUrl, wait }) : null),
    [dialog, insights, host, wait],
  );

  const connect = useCallback(
    (choice: ChosenConsent) => {
      if (!flow || flow.inProgress) return;
      dispatch({ type: 'connectStarted' });
      void flow.connect(choice).then(
        (outcome) => {
          if (outcome.ok) onConnected();
          dispatch({ type: 'connectEnded', outcome });
        },
        () => dispatch({ type: 'connectEnded', outcome: 'crashed' }),
      );
    },
    [flow, onConnected],
  );

  const record = savedRecordOf(state);
  const busy = isBusy(state);
  const disconnect = useCallback(() => {
    if (!record || busy) return;
    // From the moment the user confirms, nothing connected is asked for (consent counts as none); if the service
    // cannot revoke, the connection comes back as it was.
    dispatch({ type: 'disconnectStarted' });
    let forgotPeople = 0;
    const forget = (): void => {
      forgotPeople = purgeCache();
    };
    void disconnectLinkedIn(
      { insights, roaming: host.roamingSettings, purgeCache: forget, localStore: host.localStore, indexedDB },
      record.consent,
    ).then(
      (outcome) => dispatch({ type: 'disconnectEnded', outcome: { ...outcome, forgotPeople } }),
      // Unexpected: whether the service revoked is not known, so the connection stands and the user is told.
      () => dispatch({ type: 'disconnectEnded', outcome: 'crashed' }),
    );
  }, [record, busy, insights, host, purgeCache, indexedDB]);

  const savedChoice = record?.consent;
  const reconnect = useCallback(() => {
    if (savedChoice && !busy) connect(savedChoice);
  }, [savedChoice, busy, connect]);

  const dismissNotice = useCallback(() => dispatch({ type: 'noticeDismissed' }), []);
  const actions = useMemo(() => ({ connect, reconnect, disconnect, dismissNotice }), [connect, reconnect, disconnect, dismissNotice]);
  return [state, actions, dispatch];
}
