import type { DeviceStatement } from '../contract/requests';
import type { OfficeHost } from '../office';

/**
 * What the pane tells the service about this device with each request that the rules decide (the service cannot see
 * it): the platform Outlook runs on and the user's "Show LinkedIn features" option, read when the request is sent.
 */
export function deviceStatementOf(host: Pick<OfficeHost, 'platform' | 'deviceSettings'>): () => DeviceStatement {
  return () => ({ platform: host.platform, showLinkedInFeatures: host.deviceSettings.getShowLinkedInFeatures() });
}
