import type { RoamingSettings } from '../../office';
import { isServiceError, type ServiceErrorKind } from '../../services/errors';
import type { InsightsClient } from '../../services/insightsClient';
import { CACHE_STORAGE_KEY } from '../../services/profileCache';
import { removeConsentRecord, type ConsentRecord } from './consentRecord';

/** What the user still has to do after disconnecting, by the consent that was given. */
export type WhatRemains = 'microsoftAndLinkedIn' | 'linkedInOnly';

export type DisconnectOutcome =
  | { ok: true; remains: WhatRemains }
  | { ok: false; reason: 'service'; kind: ServiceErrorKind }
  | { ok: false; reason: 'saveFailed'; code?: number; remains: WhatRemains };

export interface DisconnectDependencies {
  insights: InsightsClient;
  roaming: RoamingSettings;
  /** Forgets every cached LinkedIn answer (memory and storage). */
  purgeCache: () => void;
  localStore?: Pick<Storage, 'removeItem'> & { readonly length: number; key: (index: number) => string | null };
  indexedDB?: Pick<IDBFactory, 'deleteDatabase'> & { databases?: () => Promise<{ name?: string }[]> };
}

/** Keys the add-in writes that hold LinkedIn data (the device option is the user's setting, not LinkedIn data). */
function isLinkedInDataKey(key: string): boolean {
  return key.includes(CACHE_STORAGE_KEY) || (/linkedin/i.test(key) && !key.endsWith('linkedin.showLinkedInFeatures'));
}

/**
 * Disconnects: the service revokes first (if it cannot, nothing changes and the user is told); then everything the
 * add-in kept goes — the cache, every LinkedIn key in local storage and IndexedDB, and the roaming consent record.
 */
export async function disconnectLinkedIn(deps: DisconnectDependencies, consent: ConsentRecord['consent']): Promise<DisconnectOutcome> {
  const remains: WhatRemains = consent === 'twoWay' ? 'microsoftAndLinkedIn' : 'linkedInOnly';
  try {
    await deps.insights.revokeConnection();
  } catch (error) {
    return { ok: false, reason: 'service', kind: isServiceError(error) ? error.kind : 'server' };
  }
  deps.purgeCache();
  const store = deps.localStore;
  if (store) {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key !== null && isLinkedInDataKey(key)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  }
  if (deps.indexedDB?.databases) {
    const databases = await deps.indexedDB.databases().catch(() => []);
    for (const database of databases) {
      if (database.name && /linkedin/i.test(database.name)) deps.indexedDB.deleteDatabase(database.name);
    }
  }
  try {
    await removeConsentRecord(deps.roaming);
  } catch (error) {
    // The service no longer has the connection; the next start reconciles the record away.
    return { ok: false, reason: 'saveFailed', code: (error as { code?: number }).code, remains };
  }
  return { ok: true, remains };
}
