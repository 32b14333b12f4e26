import { sampleCalendarView } from '../../dev/fixtures/calendar';
import { dayAt } from '../../src/app/today/day';
import { isExternal, meetingsOf, type TodayMeeting } from '../../src/app/today/meetings';
import { nextChangeAfter, timelineOf } from '../../src/app/today/timeline';
import { calendarViewSchema } from '../../src/services/graphCalendar';

/** Today's day, meetings and timeline (pure): what the Today view is drawn from. */
const HOUR = 3_600_000;
const ME = 'megan.bowen@contoso.com';

describe("the user's day, in their time zone", () => {
  test.each([
    ['Europe/Berlin', Date.UTC(2026, 11, 5, 10), '2026-12-05', Date.UTC(2026, 11, 4, 23), 24],
    ['America/Los_Angeles', Date.UTC(2026, 11, 5, 5), '2026-12-04', Date.UTC(2026, 11, 4, 8), 24],
    ['Asia/Riyadh', Date.UTC(2026, 11, 5, 22), '2026-12-06', Date.UTC(2026, 11, 5, 21), 24],
    ['UTC', Date.UTC(2026, 11, 5, 0), '2026-12-05', Date.UTC(2026, 11, 5, 0), 24],
    // The clocks change: a 23-hour and a 25-hour day.
    ['Europe/Berlin', Date.UTC(2026, 2, 29, 12), '2026-03-29', Date.UTC(2026, 2, 28, 23), 23],
    ['America/New_York', Date.UTC(2026, 10, 1, 12), '2026-11-01', Date.UTC(2026, 10, 1, 4), 25],
  ])('%s at %i is %s, from %i, %i hours long', (timeZone, now, key, start, hours) => {
    const day = dayAt(now, timeZone);
    expect(day).toMatchObject({ key, start, timeZone });
    expect((day.end - day.start) / HOUR).toBe(hours);
  });
  test('the last millisecond of a day and the first of the next are two days', () => {
    const day = dayAt(Date.UTC(2026, 11, 5, 10), 'Europe/Berlin');
    expect(dayAt(day.end - 1, 'Europe/Berlin').key).toBe('2026-12-05');
    expect(dayAt(day.end, 'Europe/Berlin').key).toBe('2026-12-06');
  });
});

describe("today's meetings, from Microsoft Graph's events", () => {
  const day = dayAt(Date.UTC(2026, 11, 5, 10), 'Europe/Berlin');
  const events = calendarViewSchema.parse({ value: sampleCalendarView(day.start, day.end) }).value;
  const meetings = meetingsOf(events, day, ME);
  const named = (subject: string): TodayMeeting => meetings.find((m) => m.subject.startsWith(subject)) as TodayMeeting;

  test('the sample day: 11 meetings of its own and the launch watch from the night before, earliest first', () => {
    expect(meetings).toHaveLength(12);
    expect(meetings.map((m) => m.start)).toEqual([...meetings.map((m) => m.start)].sort((a, b) => a - b));
    expect(meetings[0]).toMatchObject({ subject: 'Launch watch (APAC go-live)', fromYesterday: true, untilTomorrow: false });
    expect(meetings[11]).toMatchObject({ subject: 'Launch watch (APAC go-live)', fromYesterday: false, untilTomorrow: true });
  });
  test('the user is left out, a room is not a person, external people come first, each person once', () => {
    const checkIn = named('Partnership');
    expect(checkIn.people.map((p) => [p.displayName, p.role, p.external])).toEqual([
      ['Aiko Tanaka', 'required', true],
      ['Isaiah Langer', 'required', true],
      ['Alex Wilber', 'required', false],
    ]);
    const standUp = named('Daily stand-up');
    expect(standUp.people.map((p) => p.displayName)).toEqual(['Alex Wilber', 'Diego Siciliani', 'Lee Gu']);
    expect(standUp.people[0]?.role).toBe('organizer');
  });
  test('cancelled and declined meetings stay, marked, with nobody on them shown', () => {
    expect(named('Canceled: Vendor demo')).toMatchObject({ status: 'cancelled', people: [] });
    expect(named('Roadmap brainstorm')).toMatchObject({ status: 'declined', people: [] });
  });
  test('the all-hands lists its 39 colleagues; online meetings and places are said as Graph gives them', () => {
    expect(named('All-hands').people).toHaveLength(39);
    expect(named('All-hands')).toMatchObject({ online: true, where: 'Microsoft Teams Meeting' });
    expect(named('Lunch')).toMatchObject({ online: false, where: 'Café Central' });
  });
  test('an event outside the day, an address that is not one, or an ill-formed time is left out', () => {
    const [first] = events;
    const odd = [
      { ...first, id: 'tomorrow', start: day.end + HOUR, end: day.end + 2 * HOUR },
      { ...first, id: 'backwards', start: day.start + 3 * HOUR, end: day.start + 2 * HOUR },
      { ...first, id: 'no address', attendees: [{ type: 'required', emailAddress: { name: 'Someone', address: 'not an address' } }] },
    ];
    const kept = meetingsOf(odd, day, ME);
    expect(kept.map((m) => m.id)).toEqual(['no address']);
    expect(kept[0]?.people.map((p) => p.address)).toEqual(['aiko.tanaka@fabrikam.com']);
  });
  test('external means another domain than the user’s (a subdomain of it is internal)', () => {
    expect(isExternal('a@fabrikam.com', ME)).toBe(true);
    expect(isExternal('a@CONTOSO.com', ME)).toBe(false);
    expect(isExternal('a@eu.contoso.com', ME)).toBe(false);
    expect(isExternal('a@notcontoso.com', ME)).toBe(true);
  });
});

describe('now, next and what has ended', () => {
  const day = dayAt(Date.UTC(2026, 11, 5, 10), 'Europe/Berlin');
  const meetings = meetingsOf(calendarViewSchema.parse({ value: sampleCalendarView(day.start, day.end) }).value, day, ME);
  const at = (hours: number) => day.start + hours * HOUR;

  test('at 10:40 the stand-up and the check-in have ended; the cancelled demo is not "now"; the all-hands is next', () => {
    const { earlier, ahead } = timelineOf(meetings, at(10 + 40 / 60));
    expect(earlier.map((m) => m.subject)).toEqual(['Launch watch (APAC go-live)', 'Daily stand-up', 'Partnership check-in with Fabrikam']);
    expect(ahead.slice(0, 2).map((e) => [e.meeting.subject, e.moment])).toEqual([
      ['Canceled: Vendor demo', 'later'],
      ['All-hands: December update', 'next'],
    ]);
  });
  test('at 11:15 the all-hands is now and lunch is next; the declined brainstorm is never next', () => {
    expect(
      timelineOf(meetings, at(11.25))
        .ahead.slice(0, 2)
        .map((e) => e.moment),
    ).toEqual(['now', 'next']);
    const at1345 = timelineOf(meetings, at(13.75)).ahead;
    expect(at1345.map((e) => [e.meeting.subject, e.moment]).slice(0, 2)).toEqual([
      ['Roadmap brainstorm', 'later'],
      ['Adatum quarterly review', 'next'],
    ]);
  });
  test('just after midnight the launch watch from the night before is now', () => {
    expect(timelineOf(meetings, at(0.5)).ahead[0]).toMatchObject({ moment: 'now', meeting: { fromYesterday: true } });
  });
  test('the next change is the next start or end, or the end of the day', () => {
    expect(nextChangeAfter(meetings, at(10.4), day)).toBe(at(10.5));
    expect(nextChangeAfter(meetings, at(23.5), day)).toBe(day.end);
    expect(nextChangeAfter([], at(12), day)).toBe(day.end);
  });
});
