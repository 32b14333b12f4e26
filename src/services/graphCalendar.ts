import * as z from '../contract/zod';
import { cleanText } from '../contract/text';

/**
 * Today's calendar as Microsoft Graph's `GET /me/calendarView` gives it, read with the delegated permission
 * Calendars.ReadBasic (no body, no preview, no attachments, no extensions) and only these fields. Times come in UTC
 * (the request sends no time-zone preference); the pane shows them in the user's time zone. Every string is bounded
 * and cleaned (control and bidi-override characters removed); anything of another shape is a typed error.
 */
export const CALENDAR_FIELDS = [
  'subject',
  'start',
  'end',
  'isAllDay',
  'isCancelled',
  'responseStatus',
  'showAs',
  'location',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'organizer',
  'attendees',
] as const;
/** At most this many meetings are read for a day (one page: a day with more shows the first ones). */
export const MAX_MEETINGS_PER_DAY = 100;
/** At most this many attendees are read per meeting (an all-company meeting lists its first ones). */
export const MAX_ATTENDEES_PER_MEETING = 500;

const text = (max: number) =>
  z.pipe(
    z.nullable(z.optional(z.string().check(z.maxLength(max * 4)))),
    z.transform((value: string | null | undefined) => (value ? cleanText(value, max) : undefined)),
  );

/** A UTC time as Graph writes it ("2026-12-05T09:00:00.0000000", time zone "UTC"), as milliseconds since the epoch. */
const utcTime = z.pipe(
  z.object({
    dateTime: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/)),
    timeZone: z.literal('UTC'),
  }),
  z.transform(({ dateTime }: { dateTime: string; timeZone: 'UTC' }) => Date.parse(`${dateTime.slice(0, 23)}Z`)),
);

const emailAddressSchema = z.object({ name: text(200), address: text(320) });

const attendeeSchema = z.object({
  // required, optional or resource (a room or equipment, never a person).
  type: z.optional(z.nullable(z.string().check(z.maxLength(20)))),
  emailAddress: z.optional(z.nullable(emailAddressSchema)),
});

const eventSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(512)),
  subject: text(300),
  start: utcTime,
  end: utcTime,
  isAllDay: z.optional(z.nullable(z.boolean())),
  isCancelled: z.optional(z.nullable(z.boolean())),
  responseStatus: z.optional(z.nullable(z.object({ response: z.optional(z.nullable(z.string().check(z.maxLength(40)))) }))),
  showAs: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
  location: z.optional(z.nullable(z.object({ displayName: text(200) }))),
  isOnlineMeeting: z.optional(z.nullable(z.boolean())),
  onlineMeetingProvider: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
  organizer: z.optional(z.nullable(z.object({ emailAddress: z.optional(z.nullable(emailAddressSchema)) }))),
  attendees: z.optional(z.nullable(z.array(attendeeSchema).check(z.maxLength(MAX_ATTENDEES_PER_MEETING)))),
});
export type CalendarEvent = z.output<typeof eventSchema>;

export const calendarViewSchema = z.object({ value: z.array(eventSchema).check(z.maxLength(MAX_MEETINGS_PER_DAY)) });

/** The calendarView query for [start, end): the fields above, earliest first, one page. */
export function calendarViewQuery(start: number, end: number): string {
  const params = new URLSearchParams({
    startDateTime: new Date(start).toISOString(),
    endDateTime: new Date(end).toISOString(),
    $select: CALENDAR_FIELDS.join(','),
    $orderby: 'start/dateTime',
    $top: String(MAX_MEETINGS_PER_DAY),
  });
  return `me/calendarView?${params.toString()}`;
}
