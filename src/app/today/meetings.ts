import type { ItemPerson } from '../../office';
import type { CalendarEvent } from '../../services/graphCalendar';
import type { CalendarDay } from './day';

/**
 * Today's meetings as the Today view shows them, from Microsoft Graph's events (pure). Cancelled meetings and those
 * the user declined are kept in the list, marked, without their attendees (nobody on them is shown or looked up); a
 * room or other resource is never a person; the user is left out; each person appears once per meeting, external
 * people (another domain than the user's) first.
 */
export interface TodayPerson extends ItemPerson {
  /** Not of the user's organization: another e-mail domain than the user's (or a subdomain of it). */
  external: boolean;
}

export type MeetingStatus = 'active' | 'cancelled' | 'declined';

export interface TodayMeeting {
  id: string;
  /** As Graph gives it; empty when the meeting has none. */
  subject: string;
  start: number;
  end: number;
  allDay: boolean;
  /** The location's name, as Graph gives it (an online meeting's is often the service's name). */
  where?: string;
  online: boolean;
  status: MeetingStatus;
  /** Began before today / ends after it (the meeting spans midnight). */
  fromYesterday: boolean;
  untilTomorrow: boolean;
  /** The people on it other than the user, external first; none for a cancelled or declined meeting. */
  people: TodayPerson[];
}

const ADDRESS = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** Whether an address is outside the user's organization (judged by domain: the user's, or a subdomain of it). */
export function isExternal(address: string, userAddress: string): boolean {
  const mine = domainOf(userAddress);
  const theirs = domainOf(address);
  return theirs !== mine && !theirs.endsWith(`.${mine}`);
}

function peopleOf(event: CalendarEvent, userAddress: string): TodayPerson[] {
  const self = userAddress.trim().toLowerCase();
  const seen = new Set<string>([self]);
  const people: TodayPerson[] = [];
  const add = (who: { name?: string; address?: string } | null | undefined, role: ItemPerson['role']): void => {
    const address = who?.address?.trim();
    if (!address || !ADDRESS.test(address) || seen.has(address.toLowerCase())) return;
    seen.add(address.toLowerCase());
    people.push({ address, displayName: who?.name?.trim() || address, role, external: isExternal(address, userAddress) });
  };
  add(event.organizer?.emailAddress, 'organizer');
  for (const attendee of event.attendees ?? []) {
    if (attendee.type === 'resource') continue;
    add(attendee.emailAddress, attendee.type === 'optional' ? 'optional' : 'required');
  }
  // External people first, each group in Graph's order (the organizer first within it).
  return [...people.filter((p) => p.external), ...people.filter((p) => !p.external)];
}

function statusOf(event: CalendarEvent): MeetingStatus {
  if (event.isCancelled) return 'cancelled';
  return event.responseStatus?.response === 'declined' ? 'declined' : 'active';
}

/** The day's meetings, earliest first: those overlapping the day, nothing outside it. */
export function meetingsOf(events: readonly CalendarEvent[], day: CalendarDay, userAddress: string): TodayMeeting[] {
  return events
    .filter((event) => event.start < day.end && event.end > day.start && event.end >= event.start)
    .map((event) => {
      const status = statusOf(event);
      const where = event.location?.displayName?.trim();
      return {
        id: event.id,
        subject: event.subject?.trim() ?? '',
        start: event.start,
        end: event.end,
        allDay: event.isAllDay === true,
        ...(where ? { where } : {}),
        online: event.isOnlineMeeting === true,
        status,
        fromYesterday: event.start < day.start,
        untilTomorrow: event.end > day.end,
        people: status === 'active' ? peopleOf(event, userAddress) : [],
      };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
