import type { CurrentUser, OfficeHost } from '../../office';
import type { AdminPolicy } from '../../contract/policyFile';
import type { PolicyFileState } from '../../services/policyFile';
import type { InsightsClient } from '../../services/insightsClient';
import type { KeyValueStorage } from '../../services/profileCache';
import type { SignInDialog } from '../../office/signInDialog';
import type { DisconnectDependencies } from '../connect/disconnectFlow';
import { ProfileLoader } from '../profileLoader';
import type { DetectedEnvironment } from '../viewer';
import type { CalendarEvent } from '../../services/graphCalendar';

/** What the pane is built from; production wires Office.js and the network, the workbench and tests wire fakes. */
export interface PaneDependencies {
  host: OfficeHost;
  loadPolicy: (signal: AbortSignal) => Promise<PolicyFileState>;
  detectEnvironment: (policy: AdminPolicy, user: CurrentUser, signal: AbortSignal) => Promise<DetectedEnvironment>;
  insights: InsightsClient;
  /** Where the LinkedIn sign-in runs (an Office dialog; the workbench's window). Without one, connecting is unavailable. */
  signInDialog?: SignInDialog;
  /** Why there is no sign-in dialog, when the pane can say: this Outlook lacks DialogOrigin 1.1. */
  signInUnavailable?: 'noDialogOrigin';
  /** The browser's IndexedDB, so disconnecting can prove nothing of LinkedIn is kept there. */
  indexedDB?: DisconnectDependencies['indexedDB'];
  /** Where the LinkedIn cache persists (local storage), keyed by Office's partition key when there is one. */
  cacheStorage?: KeyValueStorage;
  partitionKey?: string;
  /** The pause before trying an Outlook call again (the roaming save, reopening the dialog); tests count it instead. */
  wait?: (ms: number) => Promise<void>;
  /** The clock LinkedIn's Retry-After is counted on (tests inject one; Date.now otherwise). */
  now?: () => number;
  /** The person to show first on the item the pane opens with (the workbench's shared links); the sender otherwise. */
  initialPerson?: string;
  /** How long the first render waits for the sender's lookup (firstRender.ts: FIRST_ANSWER_WAIT_MS unless told). */
  firstAnswerWaitMs?: number;
  /**
   * Today: the user's calendar between two instants (Microsoft Graph `/me/calendarView`, Calendars.ReadBasic), read
   * only when Today is open and allowed. Absent where the pane cannot read it (no Microsoft sign-in in this Outlook).
   */
  calendar?: (start: number, end: number, signal: AbortSignal) => Promise<CalendarEvent[]>;
  /** The user's time zone (IANA), in which "today" is told; this device's unless given. */
  timeZone?: string;
}

/** The loader of LinkedIn data for these deps (one per pane). */
export function profileLoaderFor(deps: PaneDependencies): ProfileLoader {
  return new ProfileLoader(deps.insights, deps.host.currentUser.address, deps.cacheStorage, deps.partitionKey, deps.now);
}
