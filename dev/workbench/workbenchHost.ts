import { memoryRoamingSettings, type ItemSnapshot, type OfficeHost, type RoamingSettings } from '../../src/office';
import { SAMPLE_ITEMS, SAMPLE_VIEWER } from '../mocks/sampleItems';
import type { WorkbenchStore } from './store';
import { CONSENT_SETTING, readConsentRecord } from '../../src/app/connect/consentRecord';
import type { Scenario } from './scenario';
import { isConsentGiven } from '../../src/policy';

export function sampleItemSnapshot(key: string): ItemSnapshot | null {
  const item = SAMPLE_ITEMS.find((candidate) => candidate.key === key);
  return item ? { key: item.key, kind: item.kind, subject: item.subject, people: item.people } : null;
}

/** The workbench's stand-in for Office.js: the same OfficeHost interface, driven by the workbench's controls. */
export function createWorkbenchHost(store: WorkbenchStore, baseUrl: string): OfficeHost {
  const scenario = store.get();
  return {
    platform: scenario.platform,
    displayLanguage: scenario.displayLanguage,
    theme: scenario.theme,
    currentUser: SAMPLE_VIEWER,
    baseUrl,
    getItem: async () => sampleItemSnapshot(store.get().item),
    onItemChanged: (listener) => store.onItemChanged(listener),
    localStore: safeLocalStorage(),
    roamingSettings: roamingFollowingScenario(store),
    deviceSettings: {
      getShowLinkedInFeatures: () => store.get().userOption,
      setShowLinkedInFeatures: (value) => store.update({ userOption: value }),
      subscribe(listener) {
        let last = store.get().userOption;
        return store.subscribe(() => {
          const now = store.get().userOption;
          if (now !== last) {
            last = now;
            listener();
          }
        });
      },
    },
  };
}

/** Roaming settings whose saved consent record becomes the scenario's consent (the link's `consent=`). */
function roamingFollowingScenario(store: WorkbenchStore): RoamingSettings {
  const settings = memoryRoamingSettings(consentRecordFor(store.get().consent, store.getConnectedAt()));
  return {
    ...settings,
    save: async () => {
      await settings.save();
      const record = readConsentRecord(settings);
      store.setConnectedAt(typeof record === 'object' ? record.connectedAt : undefined);
      store.update({ consent: typeof record === 'object' ? record.consent : record }, true);
    },
  };
}

/**
 * The roaming settings a user with this consent has: the connected ones hold a consent record, made when the service
 * says it made the connection (before it has said, now: the pane confirms the connection with the service anyway).
 */
function consentRecordFor(consent: Scenario['consent'], connectedAt: string | undefined): Record<string, unknown> {
  if (isConsentGiven(consent)) {
    return { [CONSENT_SETTING]: { consent, connectedAt: connectedAt ?? new Date().toISOString(), version: 1 } };
  }
  return consent === 'unknown' ? { [CONSENT_SETTING]: { consent: 'unreadable' } } : {};
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
