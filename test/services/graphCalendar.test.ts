import { http, HttpResponse } from 'msw';
import { sampleCalendarView } from '../../dev/fixtures/calendar';
import { createGraphClient, GRAPH_BASE } from '../../src/services/graphClient';
import { CALENDAR_FIELDS } from '../../src/services/graphCalendar';
import { createTestServer } from '../support/mswServer';

/**
 * Today's calendar through Microsoft Graph: `GET /me/calendarView` for the day asked only, with a token for
 * Calendars.ReadBasic alone, only the fields the Today view shows (no body, no preview), and every answer parsed
 * before use; Graph's faults come back as the typed errors the Today view tells apart.
 */
const { server, requests } = createTestServer();
const START = Date.UTC(2026, 11, 4, 23, 0); // midnight in Berlin, 5 Dec 2026
const END = START + 24 * 3_600_000;
const asked: string[][] = [];
const sleeps: number[] = [];
const graph = createGraphClient(
  async (scopes, options) => {
    asked.push([...scopes, options?.forceRefresh ? 'refresh' : 'cached']);
    return `token-${asked.length}`;
  },
  GRAPH_BASE,
  { retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0 } },
);
beforeEach(() => {
  asked.length = 0;
  sleeps.length = 0;
});

const serve = (answer: (request: Request) => Response | Promise<Response>) =>
  server.use(http.get(`${GRAPH_BASE}me/calendarView`, ({ request }) => answer(request)));

test('asks for the day only, the Today fields only, with a Calendars.ReadBasic token, and reads the meetings in UTC', async () => {
  serve(() => HttpResponse.json({ value: sampleCalendarView(START, END) }));
  const events = await graph.calendarView(START, END);
  const url = new URL(requests[0].url);
  expect(Object.fromEntries(url.searchParams)).toEqual({
    startDateTime: '2026-12-04T23:00:00.000Z',
    endDateTime: '2026-12-05T23:00:00.000Z',
    $select: CALENDAR_FIELDS.join(','),
    $orderby: 'start/dateTime',
    $top: '100',
  });
  expect(url.searchParams.get('$select')).not.toMatch(/body|bodyPreview|attachments|extensions/);
  expect(asked).toEqual([['Calendars.ReadBasic', 'cached']]);
  // Eleven meetings of the day, and yesterday's launch watch, which runs past midnight into it.
  expect(events).toHaveLength(12);
  expect(events[0]).toMatchObject({ subject: 'Launch watch (APAC go-live)', start: START - 3_600_000, end: START + 3_600_000 });
  expect(events[1]).toMatchObject({ subject: 'Daily stand-up', start: START + 8.5 * 3_600_000, end: START + 9 * 3_600_000 });
  expect(events[11]).toMatchObject({ subject: 'Launch watch (APAC go-live)', end: START + 25 * 3_600_000 });
});

test('text is cleaned and bounded; an answer in another time zone or of another shape is a typed error', async () => {
  const [event] = sampleCalendarView(START, END);
  serve(() => HttpResponse.json({ value: [{ ...event, subject: 'Plan\u202e txt.exe', location: { displayName: 'x'.repeat(700) } }] }));
  const [parsed] = await graph.calendarView(START, END);
  expect(parsed.subject).toBe('Plan txt.exe');
  expect(parsed.location?.displayName).toHaveLength(200);
  serve(() => HttpResponse.json({ value: [{ ...event, start: { dateTime: '2026-12-05T09:00:00', timeZone: 'Pacific Standard Time' } }] }));
  await expect(graph.calendarView(START, END)).rejects.toMatchObject({ kind: 'invalidPayload' });
  serve(() => HttpResponse.json({ value: [{ ...event, location: { displayName: 'x'.repeat(5000) } }] }));
  await expect(graph.calendarView(START, END)).rejects.toMatchObject({ kind: 'invalidPayload' });
  serve(() => HttpResponse.json({ value: Array.from({ length: 101 }, () => event) }));
  await expect(graph.calendarView(START, END)).rejects.toMatchObject({ kind: 'invalidPayload' });
});

test('403 (the permission was not granted) is forbidden, asked once', async () => {
  serve(() => HttpResponse.json({ error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } }, { status: 403 }));
  await expect(graph.calendarView(START, END)).rejects.toMatchObject({ kind: 'forbidden', status: 403 });
  expect(requests).toHaveLength(1);
});

test('401: a fresh token is asked for once, then it is a sign-in error', async () => {
  serve(() => HttpResponse.json({ error: { code: 'InvalidAuthenticationToken' } }, { status: 401 }));
  await expect(graph.calendarView(START, END)).rejects.toMatchObject({ kind: 'unauthorized' });
  expect(asked).toEqual([
    ['Calendars.ReadBasic', 'cached'],
    ['Calendars.ReadBasic', 'refresh'],
  ]);
});

test('429 with Retry-After is waited out (3 tries at most), then throttled with the wait; 503 is tried again too', async () => {
  serve(() => HttpResponse.json({ error: { code: 'TooManyRequests' } }, { status: 429, headers: { 'Retry-After': '7' } }));
  await expect(graph.calendarView(START, END)).rejects.toMatchObject({ kind: 'throttled', retryAfterSeconds: 7 });
  expect(sleeps).toEqual([7000, 7000]);
  expect(requests).toHaveLength(3);
  let tries = 0;
  serve(() => (++tries < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ value: [] })));
  await expect(graph.calendarView(START, END)).resolves.toEqual([]);
});
