/**
 * "Today" in the user's time zone: the instants of its local midnights, found with the platform's own time-zone data
 * (Intl), so a day is 23 or 25 hours long where the clocks change.
 */
export interface CalendarDay {
  /** The first instant of the day (local midnight), milliseconds since the epoch. */
  start: number;
  /** The first instant of the next day. */
  end: number;
  /** The local date, YYYY-MM-DD: which day this is. */
  key: string;
  timeZone: string;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in `timeZone` at `instant`, as numbers. */
function wallClock(
  instant: number,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant of local midnight starting the date (year, month 1-12, day; overflow rolls over, as Date.UTC does). */
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  // Two corrections settle it even across a change of offset (the second uses the offset at the first guess).
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return instant;
}

/** The day `now` falls in, in `timeZone` (an IANA name, e.g. "Europe/Berlin"). */
export function dayAt(now: number, timeZone: string): CalendarDay {
  const w = wallClock(now, timeZone);
  const start = localMidnight(w.year, w.month, w.day, timeZone);
  const end = localMidnight(w.year, w.month, w.day + 1, timeZone);
  const key = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  return { start, end, key, timeZone };
}

/** The time zone of this device, which Outlook's calendar shows too; UTC where the platform cannot say. */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
