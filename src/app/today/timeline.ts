import type { CalendarDay } from './day';
import type { TodayMeeting } from './meetings';

/**
 * Where each of today's meetings stands at `now` (pure): the ones that have ended fold away under "Earlier today";
 * those under way are "Now"; the first one still to come that the user attends is "Next".
 */
export type MeetingMoment = 'now' | 'next' | 'later';

export interface Timeline {
  /** Ended before `now`, earliest first (folded away). */
  earlier: TodayMeeting[];
  /** Under way or still to come, earliest first, each with where it stands. */
  ahead: { meeting: TodayMeeting; moment: MeetingMoment }[];
}

export function timelineOf(meetings: readonly TodayMeeting[], now: number): Timeline {
  const earlier = meetings.filter((m) => m.end <= now);
  const upcoming = meetings.filter((m) => m.end > now);
  const next = upcoming.find((m) => m.start > now && m.status === 'active');
  return {
    earlier,
    ahead: upcoming.map((meeting) => ({
      meeting,
      moment: meeting.start <= now && meeting.status === 'active' ? 'now' : meeting === next ? 'next' : 'later',
    })),
  };
}

/** When the timeline next changes (a meeting starts or ends) or the day does, whichever is first after `now`. */
export function nextChangeAfter(meetings: readonly TodayMeeting[], now: number, day: CalendarDay): number {
  let soonest = day.end;
  for (const m of meetings) {
    if (m.start > now && m.start < soonest) soonest = m.start;
    if (m.end > now && m.end < soonest) soonest = m.end;
  }
  return soonest;
}

/** People shown at first under each meeting; the rest on "Show all". */
export const PEOPLE_SHOWN_PER_MEETING = 5;
