import { useEffect, type Dispatch } from 'react';
import type { RoamingSettings } from '../../office';
import type { InsightsClient } from '../../services/insightsClient';
import type { ConnectionState, ServiceEvent } from './connectionState';
import { reconcileConsent } from './reconcile';

/**
 * Asks the service whether the saved connection still exists — once, and only once the rules allow LinkedIn
 * requests (`allowed`) and the connection waits to be confirmed (a saved record, not asked yet, no sign-in or
 * disconnect under way: a status from before says nothing about their result). Abandoned before it answered, it asks
 * again when it may. The answer is an event for the connection's reducer, which decides the state; removed on the
 * service, what was kept is purged.
 */
export function useConsentReconciliation(
  allowed: boolean,
  connection: ConnectionState,
  report: Dispatch<ServiceEvent>,
  roaming: RoamingSettings,
  insights: InsightsClient,
  purgeCache: () => void,
): void {
  const due = allowed && connection.status === 'unconfirmed' && connection.check === 'pending';
  useEffect(() => {
    if (!due) return undefined;
    const controller = new AbortController();
    void reconcileConsent(roaming, insights, controller.signal).then((answer) => {
      if (controller.signal.aborted) return;
      if (answer.status === 'removed') purgeCache();
      report({ type: 'checked', answer });
    });
    return () => controller.abort();
  }, [due, roaming, insights, purgeCache, report]);
}
