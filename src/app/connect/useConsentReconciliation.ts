import { useEffect, type Dispatch, type SetStateAction } from 'react';
import type { RoamingSettings } from '../../office';
import type { InsightsClient } from '../../services/insightsClient';
import { reconcileConsent } from './reconcile';
import type { ConnectionNotice, ConnectionState } from './useConnection';

/**
 * Asks the service whether the saved connection still exists — once, and only once the rules allow LinkedIn
 * requests (`allowed`), there is a saved record not yet verified, and the user is neither connecting nor
 * disconnecting (a status from before says nothing about their result). Abandoned before it answered, it asks again
 * when it may. Removed on the service: what was kept is purged and the user is told.
 */
export function useConsentReconciliation(
  allowed: boolean,
  connection: ConnectionState,
  setConnection: Dispatch<SetStateAction<ConnectionState>>,
  roaming: RoamingSettings,
  insights: InsightsClient,
  purgeCache: () => void,
): void {
  const due = allowed && connection.record !== null && !connection.verified && connection.busy === null;
  useEffect(() => {
    if (!due) return undefined;
    const controller = new AbortController();
    void reconcileConsent(roaming, insights, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.removedOnService) purgeCache();
      const notice: ConnectionNotice | null = result.removedOnService
        ? { kind: 'removedOnService' }
        : result.expired
          ? { kind: 'expired' }
          : result.problem
            ? { kind: 'statusUnknown', errorKind: result.problem }
            : null;
      setConnection((s) => ({ ...s, consent: result.consent, record: result.record, notice: notice ?? s.notice, verified: true }));
    });
    return () => controller.abort();
  }, [due, roaming, insights, purgeCache, setConnection]);
}
