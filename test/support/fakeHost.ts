import { memoryRoamingSettings, type ItemSnapshot, type OfficeHost, type Platform } from '../../src/office';
import { SAMPLE_ITEMS, SAMPLE_VIEWER } from '../../src/mocks/sampleItems';

export const PANE_URL = 'https://addins.contoso.com/linkedin/taskpane.html';
export const POLICY_URL = 'https://addins.contoso.com/linkedin/linkedin-policy.json';

export function sampleItem(key: string): ItemSnapshot {
  const item = SAMPLE_ITEMS.find((candidate) => candidate.key === key);
  if (!item) throw new Error(`no sample item ${key}`);
  return { key: item.key, kind: item.kind, subject: item.subject, people: item.people };
}

/** An OfficeHost for tests: an item that the test can change (as a pinned pane's ItemChanged) and an in-memory option. */
export function createFakeHost(options: { item?: ItemSnapshot | null; platform?: Platform; userOption?: boolean } = {}) {
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
    roamingSettings: memoryRoamingSettings(),
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
