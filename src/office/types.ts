import type { AccessInput } from '../policy';
import type { RoamingSettings } from './roamingSettings';

export type Platform = AccessInput['platform'];

/** How a person appears on the item, in the words Outlook uses. */
export type PersonRole = 'from' | 'onBehalfOf' | 'to' | 'cc' | 'organizer' | 'required' | 'optional';

export interface ItemPerson {
  address: string;
  displayName: string;
  role: PersonRole;
}

/** The selected mail or meeting, as the add-in may read it with ReadItem permission. */
export interface ItemSnapshot {
  /** Stable for one item; used to drop answers that arrive after the user moved on. */
  key: string;
  kind: 'message' | 'appointment';
  subject: string;
  /** Everyone on the item in Outlook's order, the current user included (the app leaves them out). */
  people: ItemPerson[];
}

export interface CurrentUser {
  address: string;
  displayName: string;
}

export type OfficeThemeKind = 'light' | 'dark' | 'highContrast';

/**
 * Everything the task pane needs from its host. Office.js implements it in production (officeJsHost.ts);
 * the workbench implements the same interface for development and tests.
 */
export interface OfficeHost {
  readonly platform: Platform;
  /** BCP 47, e.g. "en-US", from Office's display language. */
  readonly displayLanguage: string;
  /** The theme Outlook shows now (it can change while the pane is open, see onThemeChanged). */
  readonly theme: OfficeThemeKind;
  /** Called when Outlook reports a theme change (Mailbox 1.14) or high contrast turns on or off. Returns an unsubscribe. */
  onThemeChanged?: (listener: () => void) => () => void;
  readonly currentUser: CurrentUser;
  /** The page the add-in was loaded from; the policy file is read beside it. */
  readonly baseUrl: string;
  /** The selected item, or null when nothing is selected (a pinned pane with an empty selection). */
  getItem: () => Promise<ItemSnapshot | null>;
  /**
   * Called when a pinned pane's selection changes (Mailbox 1.5 ItemChanged). Returns an unsubscribe, which removes
   * Office's handler once nobody listens (removeHandlerAsync).
   */
  onItemChanged: (listener: () => void) => () => void;
  /** The user's "Show LinkedIn features" option on this device. */
  readonly deviceSettings: DeviceSettings;
  /** The browser's local storage, when usable; keys are prefixed with partitionKey. */
  readonly localStore?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
  /** Office.context.partitionKey, when the host partitions storage. */
  readonly partitionKey?: string;
  /** The user's roaming settings (the consent record lives there). */
  readonly roamingSettings: RoamingSettings;
  /** Opens an address in the user's browser (Office.context.ui.openBrowserWindow), where Office can. */
  readonly openBrowserWindow?: (url: string) => void;
}

export interface DeviceSettings {
  getShowLinkedInFeatures: () => boolean;
  setShowLinkedInFeatures: (value: boolean) => void;
  /** Called when the option changes elsewhere (another window, or the workbench's controls). Returns an unsubscribe. */
  subscribe: (listener: () => void) => () => void;
}
