import type { DeviceSettings } from './types';

const OPTION_KEY = 'linkedin.showLinkedInFeatures';

/**
 * The "Show LinkedIn features" option is per device, so it lives in the browser's local storage,
 * keyed by Office's partition key when the host partitions storage.
 */
export function createLocalDeviceSettings(storage: Storage | undefined, partitionKey?: string): DeviceSettings {
  const key = partitionKey ? `${partitionKey}${OPTION_KEY}` : OPTION_KEY;
  return {
    getShowLinkedInFeatures(): boolean {
      try {
        return storage?.getItem(key) !== 'false';
      } catch {
        return true;
      }
    },
    setShowLinkedInFeatures(value: boolean): void {
      try {
        storage?.setItem(key, String(value));
      } catch {
        // Storage can be unavailable (private mode, quota); the option then lasts for this session only.
      }
    },
    subscribe(listener: () => void): () => void {
      if (typeof window === 'undefined') return () => undefined;
      const onStorage = (event: StorageEvent): void => {
        if (event.key === key) listener();
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    },
  };
}
