import { useCallback, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { OfficeHost, RoamingSettings } from '../../office';
import type { SignInDialog } from '../../office/signInDialog';
import type { ServiceErrorKind } from '../../services/errors';
import type { InsightsClient } from '../../services/insightsClient';
import type { Consent } from '../viewer';
import { ConnectFlow, type ChosenConsent, type ConnectFailure } from './connectFlow';
import { consentOfRecord, readConsentRecord, type ConsentRecord } from './consentRecord';
import { disconnectLinkedIn, type DisconnectDependencies, type DisconnectOutcome, type WhatRemains } from './disconnectFlow';

/** What the pane tells the user about their LinkedIn connection, once. */
export type ConnectionNotice =
  | { kind: 'connected'; record: ConsentRecord }
  | { kind: 'connectFailed'; failure: ConnectFailure }
  | { kind: 'disconnected'; remains: WhatRemains }
  | {
      kind: 'disconnectFailed';
      remains?: WhatRemains;
      serviceDown: boolean;
      errorKind?: ServiceErrorKind;
      /** Revoked, but this device's storage refused to let go of what was kept. */
      deviceStorage?: boolean;
    }
  | { kind: 'removedOnService' }
  /** LinkedIn's sign-in lapsed (60 days, no refresh): public information only until the user reconnects. */
  | { kind: 'expired' }
  /** The connection's status could not be checked on start: public information only until it can ('unauthorized': reconnect). */
  | { kind: 'statusUnknown'; errorKind: ServiceErrorKind };

export interface ConnectionState {
  consent: Consent;
  record: ConsentRecord | null;
  busy: 'connecting' | 'disconnecting' | null;
  notice: ConnectionNotice | null;
  /**
   * Whether the consent is settled: false only while a saved record waits for the service to confirm it. Connected
   * requests wait for it, so nothing connected is asked for (or shown) on a connection that may no longer exist.
   */
  verified: boolean;
}

export interface ConnectionActions {
  connect: (choice: ChosenConsent) => void;
  /** Signs in again with the choice already saved (the service no longer accepts the connection): one step, no panel. */
  reconnect: () => void;
  disconnect: () => void;
  dismissNotice: () => void;
}

/** The connection as the roaming record says, before the service is asked (no request). */
export function initialConnectionState(roaming: RoamingSettings): ConnectionState {
  const record = readConsentRecord(roaming);
  return {
    consent: consentOfRecord(record),
    record: typeof record === 'object' ? record : null,
    busy: null,
    notice: null,
    verified: typeof record !== 'object',
  };
}

/** The connection's state changes only through these (useConnection's actions and the reconciliation's answer). */
type SetConnection = Dispatch<SetStateAction<ConnectionState>>;

/**
 * The user's LinkedIn connection: consent read from roaming settings (no request), connect through the sign-in
 * dialog, disconnect leaving nothing. Reconciling the saved consent with the service is useConsentReconciliation's,
 * run once the rules allow LinkedIn requests at all; it settles the state through the setter returned third.
 */
export function useConnection(
  host: OfficeHost,
  insights: InsightsClient,
  dialog: SignInDialog | undefined,
  purgeCache: () => void,
  indexedDB?: DisconnectDependencies['indexedDB'],
  wait?: (ms: number) => Promise<void>,
): [ConnectionState, ConnectionActions, SetConnection] {
  const [state, setState] = useState<ConnectionState>(() => initialConnectionState(host.roamingSettings));
  const flow = useMemo(
    () => (dialog ? new ConnectFlow({ dialog, insights, roaming: host.roamingSettings, pageUrl: host.baseUrl, wait }) : null),
    [dialog, insights, host, wait],
  );

  const connect = useCallback(
    (choice: ChosenConsent) => {
      if (!flow || flow.inProgress) return;
      setState((s) => ({ ...s, busy: 'connecting', notice: null }));
      void flow.connect(choice).then(
        (outcome) => {
          setState((s) =>
            outcome.ok
              ? {
                  consent: outcome.record.consent,
                  record: outcome.record,
                  busy: null,
                  notice: { kind: 'connected', record: outcome.record },
                  verified: true,
                }
              : { ...s, busy: null, notice: outcome.reason === 'inProgress' ? s.notice : { kind: 'connectFailed', failure: outcome } },
          );
        },
        () => {
          // Unexpected (e.g. no Web Crypto in this browser): nothing was saved; say the sign-in failed.
          setState((s) => ({ ...s, busy: null, notice: { kind: 'connectFailed', failure: { reason: 'signInFailed' } } }));
        },
      );
    },
    [flow],
  );

  const disconnect = useCallback(() => {
    const consent = state.record?.consent ?? (state.consent === 'twoWay' || state.consent === 'linkedInToMicrosoft' ? state.consent : null);
    if (!consent || state.busy) return;
    // From the moment the user confirms, nothing connected is asked for (consent counts as none); if the service
    // cannot revoke, the previous consent comes back unchanged.
    const previousConsent = state.consent;
    setState((s) => ({ ...s, consent: 'none', busy: 'disconnecting', notice: null }));
    void disconnectLinkedIn({ insights, roaming: host.roamingSettings, purgeCache, localStore: host.localStore, indexedDB }, consent).then(
      (outcome) => setState((s) => afterDisconnect(s, outcome, previousConsent)),
      () => {
        // Unexpected: whether the service revoked is not known, so the previous consent stands and the user is told.
        setState((s) => ({ ...s, consent: previousConsent, busy: null, notice: { kind: 'disconnectFailed', serviceDown: true } }));
      },
    );
  }, [state.record, state.consent, state.busy, insights, host, purgeCache, indexedDB]);

  const savedChoice = state.record?.consent;
  const reconnect = useCallback(() => {
    if (savedChoice && !state.busy) connect(savedChoice);
  }, [savedChoice, state.busy, connect]);

  const dismissNotice = useCallback(() => setState((s) => ({ ...s, notice: null })), []);
  return [state, { connect, reconnect, disconnect, dismissNotice }, setState];
}

/**
 * The connection after a disconnect: nothing kept and "disconnected" when it worked; the previous consent unchanged
 * when the service could not revoke (nothing was removed); otherwise disconnected locally, saying what remains.
 */
function afterDisconnect(s: ConnectionState, outcome: DisconnectOutcome, previousConsent: Consent): ConnectionState {
  if (outcome.ok)
    return { consent: 'none', record: null, busy: null, notice: { kind: 'disconnected', remains: outcome.remains }, verified: true };
  if (outcome.reason === 'service')
    return { ...s, consent: previousConsent, busy: null, notice: { kind: 'disconnectFailed', serviceDown: true, errorKind: outcome.kind } };
  return {
    consent: 'none',
    record: null,
    busy: null,
    notice: {
      kind: 'disconnectFailed',
      remains: outcome.remains,
      serviceDown: false,
      deviceStorage: outcome.reason === 'deviceStorageFailed',
    },
    verified: true,
  };
}
