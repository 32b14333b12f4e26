import { decideAccess, type AccessDecision } from '../../policy';
import type { AdminPolicy, PolicyFileProblem } from '../../contract/policyFile';
import type { CurrentUser, ItemPerson, ItemSnapshot, Platform } from '../../office';
import { CACHE_MAX_ENTRIES } from '../../services/profileCache';
import { consentOf, savedRecordOf, type ConnectionState } from '../connect/connectionState';
import { searchForPerson } from '../linkedInSearch';
import { firstPageOf, peopleToShow } from '../people';
import type { ConnectedState, ProfileReadings, PublicState } from '../profileLoader';
import type { SuggestionsAsked } from '../useSuggestions';
import { accessInputFor, viewerInput, type Consent, type DetectedEnvironment, type ViewerInput } from '../viewer';
import { connectionViewOf, shownDecisionOf } from './connectionView';
import { deriveToday, type TodayWork } from './deriveToday';
import type { PolicyFileSettled } from './settlePolicyFile';
import type { TodayCalendar } from '../today/useTodayCalendar';
import type { TodayViewState } from '../today/useTodayView';
import type { LookupPurpose } from '../../contract/requests';

import type { PaneState, PeopleShown, PolicyProblemPane, ReadyPane } from './paneState';

/** Everything the pane is derived from. */
export interface PaneInputs {
  /** The policy file and environment, once settled (null while the pane is starting). */
  settled: PolicyFileSettled | null;
  user: CurrentUser;
  platform: Platform;
  /** The user's "Show LinkedIn features" option on this device. */
  userOption: boolean;
  item: ItemSnapshot | null;
  /** The person the user chose in the switcher (lower case), or null for the first one. */
  chosenAddress: string | null;
  /** The people the switcher shows (null: its first page). */
  visibleAddresses: readonly string[] | null;
  profiles: ProfileReadings;
  connection: ConnectionState;
  signInAvailable: boolean;
  signInUnavailable?: 'noDialogOrigin';
  /** "People you work with", as last asked for, and the item it was asked for. */
  suggestions: SuggestionsAsked;
  /** The view shown, and in Today the person opened and the people listed. */
  todayView: TodayViewState;
  /** Today's calendar as read, and the clock it is shown on. */
  today: TodayCalendar;
  /** The user's time zone (IANA). */
  timeZone: string;
}

/**
 * The request discipline, as values the pane's effects carry out: nothing while the viewer's decision is none (and
 * what was kept is purged); public lookups for the person shown and the people the switcher shows; connected insights
 * only for the person shown, once their profile is a match and the consent is verified.
 */
export interface PaneWork {
  /** Whether the rules let this viewer's pane ask LinkedIn anything; null until a trusted policy is settled. */
  linkedIn: 'allowed' | 'forbidden' | null;
  publicLookups: readonly string[];
  connectedFor: string | null;
  /** Why connectedFor is asked about: Today's purpose when the person was opened from Today's list. */
  connectedPurpose: LookupPurpose;
  /** Today: read, keep or drop the calendar, and whom to look up for it. */
  today: TodayWork;
  /** Whether Microsoft data may go to LinkedIn ("people you work with"). */
  outboundSharing: boolean;
  /** The addresses "people you work with" would send. */
  suggestionAddresses: readonly string[];
  /** When the saved connection was made: a new one asks again for what failed under the old one. */
  connectedSince: string | undefined;
  /**
   * The service refused connected insights (401) on a connection the pane holds as connected: the connection is
   * expired, an event for its reducer (usePane reports it before the pane is painted).
   */
  insightsRefused: boolean;
}

export interface DerivedPane {
  state: PaneState;
  work: PaneWork;
}

const IDLE = { status: 'idle' } as const;

/** Derives what the pane shows and what it asks of LinkedIn, the decision first. Pure: same inputs, same result. */
export function derivePane(inputs: PaneInputs): DerivedPane {
  const { settled } = inputs;
  if (!settled) return { state: { phase: 'starting' }, work: NO_WORK };
  const { policyState } = settled;
  if (policyState.status === 'invalid') {
    const { field, problem, issue } = policyState;
    return {
      state: { phase: 'policyInvalid', problem: { field, problem, issue }, ...problemPaneOf(inputs, { field, problem, issue }) },
      work: NO_WORK,
    };
  }
  if (policyState.status === 'unreachable')
    return { state: { phase: 'policyUnreachable', errorKind: policyState.error.kind, ...problemPaneOf(inputs, null) }, work: NO_WORK };
  return deriveReady(inputs, policyState.policy, settled.detected);
}

/** What a pane under a policy file it cannot use shows besides the problem: the people, what is kept, Settings. */
function problemPaneOf(inputs: PaneInputs, problem: PolicyFileProblem | null): Omit<PolicyProblemPane, 'phase' | 'problem' | 'errorKind'> {
  const device = { platform: inputs.platform, userOption: inputs.userOption, consent: consentOf(inputs.connection) };
  return {
    ...peopleShownOf(inputs),
    cachedPeople: inputs.profiles.cachedCount,
    cacheLimit: CACHE_MAX_ENTRIES,
    keptInPaneOnly: inputs.profiles.keptInPaneOnly,
    adminDetails: { rules: 'unusable', problem, device },
    connection: inputs.connection,
    connectionView: connectionViewOf(inputs.connection, false),
  };
}

/** The people on the item (the user left out) and the one chosen, or the first. */
function peopleShownOf(inputs: PaneInputs): PeopleShown {
  const people = peopleToShow(inputs.item, inputs.user.address);
  const selected = people.find((p) => p.address.toLowerCase() === inputs.chosenAddress) ?? people[0] ?? null;
  return { item: inputs.item, people, selected };
}

function deriveReady(inputs: PaneInputs, policy: AdminPolicy, detected: DetectedEnvironment): DerivedPane {
  const { connection, profiles } = inputs;
  const viewer = viewerFor(inputs, policy, detected, consentOf(connection));
  const viewerDecision = decideAccess(accessInputFor(viewer, 'unknown'));
  const allowed = viewerDecision.level !== 'none';
  const people = peopleToShow(inputs.item, inputs.user.address);
  // Reconnect: a sign-in dialog here, and the rules would let this viewer connect were they not connected.
  const reconnectPossible = inputs.signInAvailable && decideAccess(accessInputFor({ ...viewer, consent: 'none' }, 'unknown')).canConnect;
  const connectionView = connectionViewOf(connection, reconnectPossible);
  const today = deriveToday({
    viewer: viewerDecision,
    view: inputs.todayView,
    calendar: inputs.today,
    profiles,
    connectionView,
    signInAvailable: inputs.signInAvailable,
    timeZone: inputs.timeZone,
    userAddress: inputs.user.address,
  });
  const onItem = inputs.todayView.view === 'item';
  const selected = onItem ? (people.find((p) => p.address.toLowerCase() === inputs.chosenAddress) ?? people[0] ?? null) : today.pane.person;
  const publicState: PublicState = selected && allowed ? profiles.publicState(selected.address) : IDLE;
  const personDecision = selected ? decideAccess(accessInputFor(viewer, visibilityOf(publicState))) : null;
  const confirmed = connection.status === 'connected';
  const connectedAllowed = selected !== null && personDecision?.level === 'connected' && confirmed;
  const outboundSharing = viewerDecision.outboundSharing && confirmed;
  const shown = inputs.visibleAddresses ?? firstPageOf(people);
  const connectedState = connectedStateShown(inputs, selected, connectedAllowed);
  const state: ReadyPane = {
    phase: 'ready',
    view: inputs.todayView.view,
    today: today.pane,
    viewer,
    viewerDecision,
    item: inputs.item,
    people,
    adminDetails: { rules: 'read', viewer, groupMembership: detected.groupMembership },
    selected,
    personDecision,
    publicState,
    connectedState,
    cachedPeople: profiles.cachedCount,
    cacheLimit: CACHE_MAX_ENTRIES,
    keptInPaneOnly: profiles.keptInPaneOnly,
    connection,
    connectionView,
    shown: personDecision ? shownDecisionOf(personDecision, connectionView, { signInAvailable: inputs.signInAvailable }) : null,
    signInAvailable: inputs.signInAvailable,
    signInUnavailable: inputs.signInAvailable ? null : (inputs.signInUnavailable ?? null),
    suggestions: outboundSharing && inputs.suggestions.itemKey === (inputs.item?.key ?? null) ? inputs.suggestions.state : IDLE,
    linkedInSearch: linkedInSearchFor(inputs, selected, people, publicState, personDecision),
  };
  const work: PaneWork = {
    linkedIn: allowed ? 'allowed' : 'forbidden',
    // The item's people on its tab; a person opened from Today is Today's to look up (with its purpose).
    publicLookups: allowed && onItem ? (selected ? [selected.address, ...shown] : shown) : [],
    connectedFor: connectedAllowed && publicState.status === 'match' ? selected.address : null,
    connectedPurpose: onItem ? 'card' : 'today',
    today: today.work,
    outboundSharing,
    suggestionAddresses: people.map((p) => p.address),
    connectedSince: savedRecordOf(connection)?.connectedAt,
    insightsRefused: confirmed && connectedState.status === 'error' && connectedState.connectionRefused === true,
  };
  return { state, work };
}

/**
 * The person's connected section: shown only on a confirmed connection — except the connection's refusal (401 notConnected), which stays while
 * the connection is expired (or being signed in again), so the card that was refused keeps offering Reconnect.
 */
function connectedStateShown(inputs: PaneInputs, selected: ItemPerson | null, connectedAllowed: boolean): ConnectedState {
  if (!selected) return IDLE;
  const known = inputs.profiles.connectedState(selected.address);
  if (connectedAllowed) return known;
  const { connection } = inputs;
  const expired = connection.status === 'expired' || (connection.status === 'connecting' && connection.before.status === 'expired');
  return expired && known.status === 'error' && known.connectionRefused === true ? known : IDLE;
}

/** Nothing is asked of LinkedIn before a trusted policy is settled; the calendar is not read. */
const NO_WORK: PaneWork = {
  linkedIn: null,
  publicLookups: [],
  connectedFor: null,
  connectedPurpose: 'card',
  today: { calendar: 'drop', lookups: [], keepUntil: 0 },
  outboundSharing: false,
  suggestionAddresses: [],
  connectedSince: undefined,
  insightsRefused: false,
};

/** The search for the person shown where it is offered, with the company the item already tells (companyFromItem). */
function linkedInSearchFor(
  inputs: PaneInputs,
  selected: ItemPerson | null,
  people: readonly ItemPerson[],
  publicState: PublicState,
  decision: AccessDecision | null,
): string | null {
  if (!selected || !decision) return null;
  const offer = {
    lookup: publicState.status,
    level: decision.level,
    hidden: decision.reasons.some((reason) => reason.code === 'member-hidden'),
    self: selected.address.toLowerCase() === inputs.user.address.toLowerCase(),
  };
  const others = people.filter((person) => person !== selected);
  return searchForPerson(selected, others, offer, (address) => inputs.profiles.publicState(address));
}

function visibilityOf(publicState: PublicState): 'visible' | 'hidden' | 'unknown' {
  return publicState.status === 'match' ? 'visible' : publicState.status === 'hidden' ? 'hidden' : 'unknown';
}

/** The viewer as the rules see them: the admin's policy, the environment, this device and host, and consent. */
export function viewerFor(
  device: Pick<PaneInputs, 'platform' | 'userOption'>,
  policy: AdminPolicy,
  detected: DetectedEnvironment,
  consent: Consent,
): ViewerInput {
  return viewerInput({ policy, detected, platform: device.platform, userOption: device.userOption, consent });
}
