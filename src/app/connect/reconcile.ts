import type { RoamingSettings } from '../../office';
import { isServiceError, refusesConnection } from '../../services/errors';
import type { InsightsClient } from '../../services/insightsClient';
import type { ServiceAnswer } from './connectionState';
import { readConsentRecord, removeConsentRecord } from './consentRecord';

/**
 * On start: the roaming record says what the user chose; the service says whether the connection still exists, and
 * the answer is the connection's next state. Removed on the service → the record is cleared (so the notice shows
 * once). Expired → the record is kept (Reconnect is one step); so is the service's 401 notConnected. A record this
 * version cannot read, or a status that cannot be fetched, grants nothing connected (fail closed) — any other 401
 * included: that is the add-in's own sign-in refused (invalidToken), which reconnecting LinkedIn would not fix.
 */
export async function reconcileConsent(roaming: RoamingSettings, insights: InsightsClient, signal?: AbortSignal): Promise<ServiceAnswer> {
  const record = readConsentRecord(roaming);
  if (record === 'unknown' || record === 'none') return { status: 'notConnected', unreadable: record === 'unknown' };
  let status;
  try {
    status = await insights.connectionStatus(signal);
  } catch (error) {
    if (refusesConnection(error)) return { status: 'expired', record, cause: 'service' };
    const problem = isServiceError(error) ? error.kind : 'invalidPayload';
    return { status: 'unconfirmed', record, problem };
  }
  if (status.status === 'connected') {
    // Only what both allow: a record saying "both ways" counts as "LinkedIn to Microsoft only" while the service holds
    // only that (consent changed elsewhere), so Microsoft data is never sent to LinkedIn on this device's word alone.
    const consent = record.consent === 'twoWay' && status.consent === 'twoWay' ? 'twoWay' : 'linkedInToMicrosoft';
    return { status: 'connected', record, consent };
  }
  // LinkedIn's 60-day sign-in lapsed: nothing connected can be asked for until the user signs in again.
  if (status.status === 'expired') return { status: 'expired', record, cause: 'linkedIn' };
  await removeConsentRecord(roaming).catch(() => undefined);
  return { status: 'removed' };
}
