import type { AccessDecision } from '../../policy';
import type { PolicyFileProblem } from '../../contract/policyFile';
import type { AdminDetailsSubject } from '../adminDetails';
import type { ItemPerson, ItemSnapshot } from '../../office';
import type { ServiceErrorKind } from '../../services/errors';
import type { ConnectionState } from '../connect/connectionState';
import type { ConnectedState, PublicState } from '../profileLoader';
import type { SuggestionsState } from '../useSuggestions';
import type { ViewerInput } from '../viewer';
import type { ConnectionView, ShownDecision } from './connectionView';
import type { TodayPane } from './deriveToday';
import type { PaneViewName } from '../today/useTodayView';

/** What the pane shows: one value, derived from its inputs by derivePane (derive.ts) and rendered as it is by PaneView. */
export type PaneState = { phase: 'starting' } | PolicyProblemPane | ReadyPane;

/** The people on the item, as Outlook gives them (the user left out), and the person shown. */
export interface PeopleShown {
  item: ItemSnapshot | null;
  people: ItemPerson[];
  selected: ItemPerson | null;
}

/** What the pane keeps, and what "Copy details for your admin" reproduces: in every phase but the start. */
export interface KeptAndDetails {
  cachedPeople: number;
  /** The most people the pane keeps on this device (the profile cache's bound). */
  cacheLimit: number;
  /** Whether what the pane keeps of LinkedIn is kept in this pane only, until it is closed (since a disconnect). */
  keptInPaneOnly: boolean;
  adminDetails: AdminDetailsSubject;
}

/**
 * A policy file the pane cannot trust: nothing of LinkedIn is shown, but the people are (as Outlook knows them), what
 * was kept can be cleared, a connection that exists can still be removed (Disconnect is offered in every state while a
 * connection exists), and the details can be copied for the admin.
 */
export type PolicyProblemPane = (
  { phase: 'policyInvalid'; problem: PolicyFileProblem } | { phase: 'policyUnreachable'; errorKind: ServiceErrorKind }
) &
  PeopleShown &
  KeptAndDetails & { connection: ConnectionState; connectionView: ConnectionView };

export interface ReadyPane extends PeopleShown, KeptAndDetails {
  phase: 'ready';
  /** The people on the selected item, or Today (the people on the user's calendar today). */
  view: PaneViewName;
  today: TodayPane;
  viewer: ViewerInput;
  /** The decision for the viewer before any person is looked up: it gates every LinkedIn request. */
  viewerDecision: AccessDecision;
  /** The decision for the person shown, with their visibility once looked up. */
  personDecision: AccessDecision | null;
  publicState: PublicState;
  connectedState: ConnectedState;
  connection: ConnectionState;
  /** What Settings, the badge and the actions read of the connection's one state (connectionView.ts). */
  connectionView: ConnectionView;
  /** The person's decision as shown: level, reasons and the actions offered, consistent with the connection. */
  shown: ShownDecision | null;
  /** Whether a sign-in dialog exists here, so "Connect" can be offered. */
  signInAvailable: boolean;
  /** Why not, when the pane can say: this Outlook lacks DialogOrigin 1.1. */
  signInUnavailable: 'noDialogOrigin' | null;
  suggestions: SuggestionsState;
  /**
   * LinkedIn's people search for the person shown, where the service could not fill the card (linkedInSearch.ts):
   * its address, or null where it is not offered. Nothing is sent until the user opens it.
   */
  linkedInSearch: string | null;
}
