import type { RoamingSettings } from '../../office';
import { isServiceError, type ServiceErrorKind } from '../../services/errors';
import type { InsightsClient } from '../../services/insightsClient';
import type { Consent } from '../viewer';
import { readConsentRecord, removeConsentRecord, type ConsentRecord } from './consentRecord';

export interface ReconciledConsent {
  consent: Consent;
  record: ConsentRecord | null;
  /** True once, when the service no longer has a connection the record claimed: "Your LinkedIn connection was removed". */
  removedOnService: boolean;
  /** The service still has the connection, but LinkedIn's 60-day token lapsed: the choice is kept, Reconnect is offered. */
  expired?: boolean;
  /** Why the status could not be checked (consent is then 'unknown'); 'unauthorized' means "Reconnect LinkedIn". */
  problem?: ServiceErrorKind;
}

/**
 * On start: the roaming record says what the user chose; the service says whether the connection still exists.
 * Removed on the service → the record is cleared (so the notice shows once). A record this version cannot read,
 * or a status that cannot be fetched, is 'unknown' consent (fail closed: public information only).
 */
export async function reconcileConsent(
  roaming: RoamingSettings,
  insights: InsightsClient,
  signal?: AbortSignal,
): Promise<ReconciledConsent> {
  const record = readConsentRecord(roaming);
  if (record === 'unknown') return { consent: 'unknown', record: null, removedOnService: false };
  if (record === 'none') return { consent: 'none', record: null, removedOnService: false };
  let status;
  try {
    status = await insights.connectionStatus(signal);
  } catch (error) {
    return { consent: 'unknown', record, removedOnService: false, problem: isServiceError(error) ? error.kind : 'invalidPayload' };
  }
  if (status.status === 'connected') {
    // Only what both allow: a record saying "both ways" counts as "LinkedIn to Microsoft only" while the service holds
    // only that (consent changed elsewhere), so Microsoft data is never sent to LinkedIn on this device's word alone.
    const consent = record.consent === 'twoWay' && status.consent === 'twoWay' ? 'twoWay' : 'linkedInToMicrosoft';
    return { consent, record, removedOnService: false };
  }
  if (status.status === 'expired') {
    // Nothing connected can be asked for (public information only) until the user signs in to LinkedIn again.
    return { consent: 'unknown', record, removedOnService: false, expired: true };
  }
  await removeConsentRecord(roaming).catch(() => undefined);
  return { consent: 'none', record: null, removedOnService: true };
}
