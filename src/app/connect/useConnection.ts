import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OfficeHost } from '../../office';
import type { SignInDialog } from '../../office/signInDialog';
import type { InsightsClient } from '../../services/insightsClient';
import type { Consent } from '../viewer';
import { ConnectFlow, type ChosenConsent, type ConnectFailure } from './connectFlow';
import { readConsentRecord, type ConsentRecord } from './consentRecord';
import { disconnectLinkedIn, type DisconnectDependencies, type WhatRemains } from './disconnectFlow';
import { reconcileConsent } from './reconcile';

/** What the pane tells the user about their LinkedIn connection, once. */
export type ConnectionNotice =
  | { kind: 'connected'; record: ConsentRecord }
  | { kind: 'connectFailed'; failure: ConnectFailure }
  | { kind: 'disconnected'; remains: WhatRemains }
  | { kind: 'disconnectFailed'; remains?: WhatRemains; serviceDown: boolean }
  | { kind: 'removedOnService' };

export interface ConnectionState {
  consent: Consent;
  record: ConsentRecord | null;
  busy: 'connecting' | 'disconnecting' | null;
  notice: ConnectionNotice | null;
}

export interface ConnectionActions {
  connect(choice: ChosenConsent): void;
  disconnect(): void;
  dismissNotice(): void;
}

/**
 * The user's LinkedIn connection: consent read from roaming settings (no request), reconciled with the service only
 * once the rules allow LinkedIn requests at all, connect through the sign-in dialog, disconnect leaving nothing.
 */
export function useConnection(
  host: OfficeHost,
  insights: InsightsClient,
  dialog: SignInDialog | undefined,
  mayContactLinkedIn: boolean,
  purgeCache: () => void,
  indexedDB?: DisconnectDependencies['indexedDB'],
): [ConnectionState, ConnectionActions] {
  const [state, setState] = useState<ConnectionState>(() => {
    const record = readConsentRecord(host.roamingSettings);
    return {
      consent: record === 'none' ? 'none' : record === 'unknown' ? 'unknown' : record.consent,
      record: typeof record === 'object' ? record : null,
      busy: null,
      notice: null,
    };
  });
  const reconciled = useRef(false);
  const flow = useMemo(
    () => (dialog ? new ConnectFlow({ dialog, insights, roaming: host.roamingSettings, pageUrl: host.baseUrl }) : null),
    [dialog, insights, host],
  );

  useEffect(() => {
    if (!mayContactLinkedIn || reconciled.current || !state.record) return;
    reconciled.current = true;
    const controller = new AbortController();
    reconcileConsent(host.roamingSettings, insights, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.removedOnService) purgeCache();
      setState((s) => ({ ...s, consent: result.consent, record: result.record, notice: result.removedOnService ? { kind: 'removedOnService' } : s.notice }));
    });
    return () => controller.abort();
  }, [mayContactLinkedIn, state.record, host, insights, purgeCache]);

  const connect = useCallback(
    (choice: ChosenConsent) => {
      if (!flow || flow.inProgress) return;
      setState((s) => ({ ...s, busy: 'connecting', notice: null }));
      void flow.connect(choice).then((outcome) => {
        reconciled.current = true;
        setState((s) =>
          outcome.ok
            ? { consent: outcome.record.consent, record: outcome.record, busy: null, notice: { kind: 'connected', record: outcome.record } }
            : { ...s, busy: null, notice: outcome.reason === 'inProgress' ? s.notice : { kind: 'connectFailed', failure: outcome } },
        );
      }, () => {
        // Unexpected (e.g. no Web Crypto in this browser): nothing was saved; say the sign-in failed.
        setState((s) => ({ ...s, busy: null, notice: { kind: 'connectFailed', failure: { reason: 'signInFailed' } } }));
      });
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
      (outcome) => {
        setState((s) => {
          if (outcome.ok) return { consent: 'none', record: null, busy: null, notice: { kind: 'disconnected', remains: outcome.remains } };
          if (outcome.reason === 'service') return { ...s, consent: previousConsent, busy: null, notice: { kind: 'disconnectFailed', serviceDown: true } };
          return { consent: 'none', record: null, busy: null, notice: { kind: 'disconnectFailed', remains: outcome.remains, serviceDown: false } };
        });
      },
    );
  }, [state.record, state.consent, state.busy, insights, host, purgeCache, indexedDB]);

  const dismissNotice = useCallback(() => setState((s) => ({ ...s, notice: null })), []);
  return [state, { connect, disconnect, dismissNotice }];
}
