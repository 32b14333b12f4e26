import { memoryRoamingSettings, type ItemSnapshot, type OfficeHost, type Platform } from '../../src/office';
import { SAMPLE_ITEMS, SAMPLE_VIEWER } from '../../dev/mocks/sampleItems';
import { CONSENT_SETTING } from '../../src/app/connect/consentRecord';
import type { AccessInput } from '../../src/policy';

export const PANE_URL = 'https://addins.contoso.com/linkedin/taskpane.html';
export const POLICY_URL = 'https://addins.contoso.com/linkedin/linkedin-policy.json';

export function sampleItem(key: string): ItemSnapshot {
  const item = SAMPLE_ITEMS.find((candidate) => candidate.key === key);
  if (!item) throw new Error(`no sample item ${key}`);
  return { key: item.key, kind: item.kind, subject: item.subject, people: item.people };
}

/** An OfficeHost for tests: an item that the test can change (as a pinned pane's ItemChanged) and an in-memory option. */
/** Roaming settings holding the consent record a user with this consent would have. */
export function roamingWithConsent(consent: AccessInput['consent'] = 'none') {
  if (consent === 'none') return memoryRoamingSettings();
  if (consent === 'unknown') return memoryRoamingSettings({ [CONSENT_SETTING]: { consent: 'someday' } });
  return memoryRoamingSettings({ [CONSENT_SETTING]: { consent, connectedAt: '2026-11-27T10:00:00.000Z', version: 1 } });
}

export function createFakeHost(
  options: { item?: ItemSnapshot | null; platform?: Platform; userOption?: boolean; consent?: AccessInput['consent'] } = {},
) {
  let item = options.item === undefined ? sampleItem('external-sender') : options.item;
  let userOption = options.userOption ?? true;
  const itemListeners = new Set<() => void>();
  const host: OfficeHost = {
    platform: options.platform ?? 'web',
    displayLanguage: 'en-US',
    theme: 'light',
    currentUser: SAMPLE_VIEWER,
    baseUrl: PANE_URL,
    getItem: async () => item,
    onItemChanged(listener) {
      itemListeners.add(listener);
      return () => itemListeners.delete(listener);
    },
    roamingSettings: roamingWithConsent(options.consent),
    deviceSettings: {
      getShowLinkedInFeatures: () => userOption,
      setShowLinkedInFeatures: (value) => {
        userOption = value;
      },
      subscribe: () => () => undefined,
    },
  };
  return {
    host,
    selectItem(next: ItemSnapshot | null) {
      item = next;
      for (const listener of itemListeners) listener();
    },
  };
}
