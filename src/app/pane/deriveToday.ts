import type { AccessDecision, TodayDecision } from '../../policy';
import { searchForPerson } from '../linkedInSearch';
import type { ProfileReadings, PublicState } from '../profileLoader';
import type { TodayPerson } from '../today/meetings';
import { timelineOf, type Timeline } from '../today/timeline';
import type { CalendarState, CalendarWork, TodayCalendar } from '../today/useTodayCalendar';
import type { TodayViewState } from '../today/useTodayView';
import type { ConnectionView } from './connectionView';

/**
 * The Today view, derived (pure): what the rules allow (decision.today), the calendar as read, where each meeting
 * stands, each person's public card as looked up, and what may be offered — plus what the pane may ask: read the
 * calendar only while Today is open and allowed on a connection the service confirmed, look up only the people the
 * list shows (stating Today's purpose, kept until the end of the day), and drop the calendar as soon as Today is not
 * allowed (or its connection no longer holds).
 */
export interface TodayPane {
  decision: TodayDecision;
  /** Why Today waits although the rules allow it: the connection is not confirmed yet, or the service no longer accepts it. */
  connectionLimit?: 'unconfirmed' | 'expired';
  calendar: CalendarState;
  now: number;
  timeZone: string;
  /** Where each meeting stands now; null until the calendar is read. */
  timeline: Timeline | null;
  /** A person's public card as looked up (idle until asked). */
  profileOf: (address: string) => PublicState;
  /**
   * LinkedIn's people search for a person on a meeting whose card the service could not fill (as the card offers it,
   * linkedInSearch.ts), with the company another person on the same meeting tells; null where it is not offered.
   */
  searchOf: (person: TodayPerson, meeting: readonly TodayPerson[]) => string | null;
  offers: {
    /** Connect, choosing to share both ways (not connected). */
    connect: boolean;
    /** Sign in again sharing both ways (connected LinkedIn to Microsoft only). */
    shareBothWays: boolean;
  };
  /** The person opened from the list (their card is shown), or null for the list. */
  person: TodayPerson | null;
}

export interface TodayWork {
  calendar: CalendarWork;
  /** Looked up for Today (its purpose stated), kept until `keepUntil`. */
  lookups: readonly string[];
  keepUntil: number;
}

export interface TodayInputs {
  viewer: AccessDecision;
  view: TodayViewState;
  calendar: TodayCalendar;
  profiles: ProfileReadings;
  connectionView: ConnectionView;
  signInAvailable: boolean;
  timeZone: string;
  /** The user's own address (never offered a search for themself). */
  userAddress: string;
}

export function deriveToday(inputs: TodayInputs): { pane: TodayPane; work: TodayWork } {
  const { viewer, view, calendar, connectionView } = inputs;
  const decision = viewer.today;
  const status = connectionView.status;
  const connectionLimit =
    decision.allowed && status !== 'connected' ? (connectionView.standing === 'expired' ? 'expired' : 'unconfirmed') : undefined;
  const usable = decision.allowed && !connectionLimit;
  const open = view.view === 'today';
  const state = usable ? calendar.state : ({ status: 'idle' } as const);
  const timeline = state.status === 'ready' ? timelineOf(state.meetings, calendar.now) : null;
  const reason = decision.reasons[0]?.code;
  const person = usable && open ? view.person : null;
  const onCalendar = new Set(state.status === 'ready' ? state.meetings.flatMap((m) => m.people.map((p) => p.address)) : []);
  const shown = usable && open && timeline ? (view.shown ?? []).filter((address) => onCalendar.has(address)) : [];
  return {
    pane: {
      decision,
      ...(connectionLimit ? { connectionLimit } : {}),
      calendar: state,
      now: calendar.now,
      timeZone: inputs.timeZone,
      timeline,
      profileOf: (address) => inputs.profiles.publicState(address),
      searchOf: (who, meeting) => (usable ? searchFor(inputs, who, meeting) : null),
      offers: {
        connect: reason === 'today-not-connected' && viewer.canConnect && inputs.signInAvailable && !connectionView.hasConnection,
        shareBothWays: reason === 'today-inbound-only' && inputs.signInAvailable && status === 'connected',
      },
      person,
    },
    work: {
      calendar: !usable ? 'drop' : open ? 'read' : 'keep',
      lookups: person ? [person.address, ...shown] : shown,
      keepUntil: calendar.day.end,
    },
  };
}

/**
 * The search offered on a Today row: where the lookup answered unavailable or noMatch the person's visibility is
 * unknown, so the rules' level for them is the viewer's own (decided for an unknown person); a hidden member's lookup
 * answers hidden and is never offered one.
 */
function searchFor(inputs: TodayInputs, person: TodayPerson, meeting: readonly TodayPerson[]): string | null {
  const lookup = inputs.profiles.publicState(person.address).status;
  const offer = {
    lookup,
    level: inputs.viewer.level,
    hidden: lookup === 'hidden',
    self: person.address.toLowerCase() === inputs.userAddress.toLowerCase(),
  };
  const others = meeting.filter((other) => other.address !== person.address);
  return searchForPerson(person, others, offer, (address) => inputs.profiles.publicState(address));
}
