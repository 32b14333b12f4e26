import { createLocalDeviceSettings, memoryRoamingSettings, type ItemPerson, type ItemSnapshot, type OfficeHost } from '../../../src/office';

/**
 * Benchmark-only host (npm run bench): the OfficeHost interface backed by the page itself, so the production pane
 * can be timed in Chromium without Outlook. The benchmark script changes the selected item through window.__bench.
 */
export interface BenchControls {
  /** Selects a generated item: the sender and `recipients` people (all different addresses). */
  selectItem: (key: string, recipients: number) => void;
}

const VIEWER = { address: 'viewer@contoso.com', displayName: 'Bench Viewer' };

export function benchItem(key: string, recipients: number): ItemSnapshot {
  const person = (n: number, role: ItemPerson['role']): ItemPerson => ({
    address: `${key}.person${n}@fabrikam.com`,
    displayName: `${key} Person ${n}`,
    role,
  });
  const people = [person(0, 'from'), { ...VIEWER, role: 'to' as const }];
  for (let n = 1; n <= recipients; n += 1) people.push(person(n, n % 3 === 0 ? 'cc' : 'to'));
  return { key, kind: 'message', subject: `Bench ${key}`, people };
}

export function createBenchHost(search: URLSearchParams): { host: OfficeHost; controls: BenchControls } {
  let item: ItemSnapshot | null = benchItem(search.get('item') ?? 'first', Number(search.get('recipients') ?? '2'));
  const listeners = new Set<() => void>();
  const host: OfficeHost = {
    platform: 'web',
    displayLanguage: search.get('lang') ?? 'en-US',
    theme: 'light',
    currentUser: VIEWER,
    baseUrl: window.location.href,
    getItem: async () => item,
    onItemChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deviceSettings: createLocalDeviceSettings(window.localStorage),
    localStore: window.localStorage,
    roamingSettings: memoryRoamingSettings({}),
  };
  const controls: BenchControls = {
    selectItem(key, recipients) {
      item = benchItem(key, recipients);
      listeners.forEach((listener) => listener());
    },
  };
  return { host, controls };
}
