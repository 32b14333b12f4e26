import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { GRAPH_BASE } from '../../src/services/graphClient';
import { CACHE_STORAGE_KEY } from '../../src/services/profileCache';
import { describeReason } from '../../src/policy';
import { sampleItem, POLICY_URL } from '../support/fakeHost';
import { DEFAULT_INSIGHTS_CONTROLS, insightsService, type InsightsControls } from '../support/insightsService';
import { createTestServer } from '../support/mswServer';
import { waitForSettled } from '../support/settled';
import { calendarHandler, MORNING, renderToday } from '../support/todayPane';

/**
 * Today in the pane (the real pane, its Graph client answered with the sample day, the real insights service): the
 * list paints the names Graph gives, looks up only the people it shows (one batch, Today's purpose), marks now and
 * next, folds what has ended, marks cancelled and declined meetings and asks nothing about their people; when the
 * rules refuse Today it says why and asks for nothing; Graph's failures say what they are.
 */
let controls: InsightsControls = DEFAULT_INSIGHTS_CONTROLS;
const { server, requests, activity } = createTestServer(...insightsService(() => controls).handlers);
const connected = (consent: 'twoWay' | 'linkedInToMicrosoft'): InsightsControls => ({
  ...DEFAULT_INSIGHTS_CONTROLS,
  connection: { status: 'connected', consent, connectedAt: '2026-11-27T10:00:00.000Z' },
});
beforeEach(() => {
  controls = connected('twoWay');
  server.use(
    http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'yes' })),
    calendarHandler(),
  );
});

const settle = () => waitForSettled(activity);
const calendarReads = () => requests.filter((r) => r.url.startsWith(`${GRAPH_BASE}me/calendarView`));
const serviceCalls = () => requests.filter((r) => r.url.includes('/api/v1/') && !r.url.endsWith('/connection'));
async function lookups(): Promise<{ emails: string[]; purpose?: string }[]> {
  const sent = requests.filter((r) => r.url.endsWith('/profiles/lookup'));
  return Promise.all(sent.map(async (r) => JSON.parse(await r.body) as { emails: string[]; purpose?: string }));
}
/** The meeting with this subject (the later one, when the night before's is listed too). */
const meeting = (subject: string) => screen.getAllByRole('heading', { name: subject }).at(-1)?.closest('li') as HTMLElement;

/** Who the list shows at 10:40: the first five on each meeting still ahead (the all-hands' organizer and four more). */
const SHOWN_AT_10_40 = [
  'diego.siciliani@contoso.com',
  'alex.wilber@contoso.com',
  'lee.gu@contoso.com',
  'aaliyah.andersen0@contoso.com',
  'bruno.andersen1@contoso.com',
  'johanna.lorenz-schmidt-bergmann@northwind.de',
  'priya.raman@adatum.com',
  'grady.archie@adatum.com',
  'layla.haddad@tailspin.ae',
  'omar.assistant@tailspin.ae',
  'rafael.ortiz@northwind.com',
  'press@unknown-startup.io',
  'aiko.tanaka@fabrikam.com',
  'aaliyah.andersen0@fabrikam.com',
];

describe('Today with consent to share both ways', () => {
  test('the day, painted from Graph, looked up once for the people shown, with its purpose; cancelled and declined ask nothing', async () => {
    const { storage } = renderToday();
    expect(await screen.findByRole('tab', { name: 'Today', selected: true })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Today, Saturday, December 5' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Earlier today (3 meetings)', expanded: false })).toBeInTheDocument();
    expect(meeting('All-hands: December update')).toHaveAttribute('data-moment', 'next');
    expect(meeting('Canceled: Vendor demo')).toHaveAttribute('data-status', 'cancelled');
    expect(within(meeting('Canceled: Vendor demo')).getByText('No one on it is shown or looked up.')).toBeInTheDocument();
    expect(within(meeting('Roadmap brainstorm')).getByText('Declined')).toBeInTheDocument();
    expect(within(meeting('All-hands: December update')).getByRole('button', { name: 'Show all 39' })).toBeInTheDocument();
    await settle();
    expect(calendarReads()).toHaveLength(1);
    const sent = await lookups();
    expect(sent.map((l) => l.purpose)).toEqual(['today']);
    expect([...(sent[0]?.emails ?? [])].sort()).toEqual([...SHOWN_AT_10_40].sort());
    expect(serviceCalls()).toHaveLength(1);
    // External people first, with their LinkedIn headline once looked up.
    const launch = within(meeting('Launch watch (APAC go-live)'));
    expect(launch.getAllByRole('button').map((b) => b.getAttribute('data-today-person'))).toEqual([
      'aiko.tanaka@fabrikam.com',
      'aaliyah.andersen0@fabrikam.com',
      'alex.wilber@contoso.com',
    ]);
    expect(launch.getByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    // Nothing of the calendar on the device: no meeting in storage; the people's LinkedIn answers end with the day.
    const kept = storage.getItem(CACHE_STORAGE_KEY) ?? '';
    expect(kept).not.toMatch(/Launch watch|All-hands|Partnership check-in/);
    const ends = (JSON.parse(kept) as [string, { expiresAt?: number }][]).map(([, entry]) => entry.expiresAt);
    expect(new Set(ends)).toEqual(new Set([Date.UTC(2026, 11, 5, 23)]));
  });

  test('unfolding what has ended shows (and looks up) its people; a person opens their full card, Back returns to them', async () => {
    renderToday();
    await userEvent.click(await screen.findByRole('button', { name: 'Earlier today (3 meetings)' }));
    expect(within(meeting('Partnership check-in with Fabrikam')).getByText('Isaiah Langer')).toBeInTheDocument();
    await settle();
    expect((await lookups()).map((l) => l.emails)).toContainEqual(['isaiah.langer@fabrikam.com']);
    const aiko = within(meeting('Launch watch (APAC go-live)')).getByRole('button', { name: /Aiko Tanaka/ });
    await userEvent.click(aiko);
    expect(await screen.findByText('12 mutual connections')).toBeInTheDocument();
    const insights = requests.filter((r) => r.url.endsWith('/profiles/insights'));
    expect(await Promise.all(insights.map(async (r) => JSON.parse(await r.body) as { purpose?: string }))).toEqual([
      expect.objectContaining({ email: 'aiko.tanaka@fabrikam.com', purpose: 'today' }),
    ]);
    expect(screen.getByRole('button', { name: 'Back to Today' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Back to Today' }));
    await waitFor(() => expect(within(meeting('Launch watch (APAC go-live)')).getByRole('button', { name: /Aiko Tanaka/ })).toHaveFocus());
  });

  test('a person LinkedIn does not know: "Search LinkedIn" under their row, sending nothing until clicked, then through Office; never for a hidden member', async () => {
    const opened: string[] = [];
    renderToday({ openBrowserWindow: (url) => opened.push(url) });
    const briefing = await waitFor(() => meeting('Press briefing'));
    const action = await within(briefing).findByRole('link', { name: /^Search LinkedIn for \u2068Press office\u2069$/ });
    await settle();
    // Only the row the service could not fill: the hidden member on the same meeting is offered nothing.
    expect(within(briefing).getAllByRole('link')).toEqual([action]);
    expect(briefing.querySelector('[data-today-person="rafael.ortiz@northwind.com"]')).toHaveAttribute('data-state', 'hidden');
    // Everywhere on the day, only under people LinkedIn doesn't know (the all-hands' crowd too, with the company their
    // colleagues' profiles name: "Aaliyah Andersen Contoso").
    const offered = screen.getAllByRole('link', { name: /^Search LinkedIn for/ });
    expect(offered.map((link) => link.closest('li')?.querySelector('[data-today-person]')?.getAttribute('data-state'))).toEqual(
      offered.map(() => 'noMatch'),
    );
    expect(offered.map((link) => new URL((link as HTMLAnchorElement).href).searchParams.get('keywords'))).toContain(
      'Aaliyah Andersen Contoso',
    );
    expect(screen.getByText(/the search happens on LinkedIn, under LinkedIn’s terms/)).toBeInTheDocument();
    const before = requests.length;
    // One stop for the meeting's people: the arrows move from the row to its search.
    const row = within(briefing).getByRole('button', { name: /Press office/ });
    row.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(action).toHaveFocus();
    expect(action).toHaveAttribute('tabindex', '0');
    expect(row).toHaveAttribute('tabindex', '-1');
    await userEvent.keyboard('{Enter}');
    expect(opened).toEqual(['https://www.linkedin.com/search/results/people/?keywords=Press%20office']);
    await settle();
    expect(requests).toHaveLength(before);
  });

  test('an empty day says so', async () => {
    server.use(http.get(`${GRAPH_BASE}me/calendarView`, () => HttpResponse.json({ value: [] })));
    renderToday();
    expect(await screen.findByText('Nothing on your calendar today.')).toBeInTheDocument();
  });
});

describe('Today refused by the rules: the reason and what to do, and neither the calendar nor LinkedIn asked', () => {
  test('LinkedIn to Microsoft only: Today needs sharing both ways, and offers it', async () => {
    controls = connected('linkedInToMicrosoft');
    renderToday({ consent: 'linkedInToMicrosoft' });
    expect(await screen.findByText(describeReason('today-inbound-only').message)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Share data both ways' })).toBeInTheDocument();
    await settle();
    expect(calendarReads()).toEqual([]);
    expect(serviceCalls()).toEqual([]);
  });

  test('not connected: Today needs connecting, with sharing both ways chosen', async () => {
    controls = DEFAULT_INSIGHTS_CONTROLS;
    renderToday({ consent: 'none' });
    expect(await screen.findByText(describeReason('today-not-connected').message)).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Connect your LinkedIn account' }));
    expect(screen.getByRole('radio', { name: 'Share data both ways' })).toBeChecked();
    await settle();
    expect(calendarReads()).toEqual([]);
    expect(serviceCalls()).toEqual([]);
  });

  test("LinkedIn turned off by the admin: the card's reason, nothing asked", async () => {
    server.use(http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'no' })));
    renderToday();
    expect(await screen.findByText(describeReason('tenant-off').message)).toBeInTheDocument();
    await settle();
    expect(calendarReads()).toEqual([]);
    expect(requests.filter((r) => r.url.includes('/api/v1/'))).toEqual([]);
  });
});

describe('Graph cannot give the calendar: Today says why, the rest of the pane is unaffected', () => {
  test('403 (not granted): the admin grants Calendars.ReadBasic; the item tab still shows the card', async () => {
    server.use(calendarHandler(() => HttpResponse.json({ error: { code: 'ErrorAccessDenied' } }, { status: 403 })));
    renderToday({ item: sampleItem('external-sender') });
    await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS');
    await userEvent.click(screen.getByRole('tab', { name: 'Today' }));
    expect(await screen.findByText('Your admin hasn’t allowed the add-in to read your calendar')).toBeInTheDocument();
    expect(screen.getByText(/Grant admin consent/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'This item' }));
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
  });

  test('the sign-in cannot get the permission (nobody granted it): the same, without asking Graph', async () => {
    const { scopes } = renderToday({ calendarNotGranted: true });
    expect(await screen.findByText('Your admin hasn’t allowed the add-in to read your calendar')).toBeInTheDocument();
    expect(scopes).toContain('Calendars.ReadBasic');
    expect(calendarReads()).toEqual([]);
  });

  test('429 with Retry-After: busy, counted down, Retry disabled meanwhile', async () => {
    server.use(
      calendarHandler(() => HttpResponse.json({ error: { code: 'TooManyRequests' } }, { status: 429, headers: { 'Retry-After': '30' } })),
    );
    renderToday();
    expect(await screen.findByText('Microsoft 365 is busy.')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('You can try again in 30 seconds.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeDisabled();
  });

  test('503, then Retry: read again', async () => {
    let failing = true;
    server.use(calendarHandler(() => (failing ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ value: [] }))));
    renderToday();
    expect(await screen.findByText('Microsoft 365 had a problem reading your calendar.')).toBeInTheDocument();
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Nothing on your calendar today.')).toBeInTheDocument();
  });
});

describe('across midnight', () => {
  test('the day turns over while the pane is open: the next day is read, what was kept for the day before is forgotten', async () => {
    const midnight = Date.UTC(2026, 11, 5, 23);
    // The pane's clock a minute before midnight in Berlin, moving with real time; the test then moves it on a minute.
    jest.useFakeTimers({ advanceTimers: true, now: midnight - 60_000 });
    try {
      const { storage } = renderToday({ now: () => Date.now() });
      expect(await screen.findByRole('heading', { name: 'Today, Saturday, December 5' })).toBeInTheDocument();
      expect(meeting('Launch watch (APAC go-live)')).toHaveAttribute('data-moment', 'now');
      await settle();
      act(() => jest.advanceTimersByTime(60_000));
      expect(await screen.findByRole('heading', { name: 'Today, Sunday, December 6' })).toBeInTheDocument();
      await settle();
      expect(calendarReads().map((r) => new URL(r.url).searchParams.get('startDateTime'))).toEqual([
        '2026-12-04T23:00:00.000Z',
        '2026-12-05T23:00:00.000Z',
      ]);
      // The launch watch that began yesterday is now, and says so; nothing of yesterday's lookups outlived the day.
      const [sinceYesterday] = screen.getAllByRole('heading', { name: 'Launch watch (APAC go-live)' }).map((h) => h.closest('li'));
      expect(sinceYesterday).toHaveAttribute('data-moment', 'now');
      expect(sinceYesterday).toHaveTextContent('started yesterday');
      const kept = JSON.parse(storage.getItem(CACHE_STORAGE_KEY) ?? '[]') as [string, { expiresAt?: number }][];
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.every(([, entry]) => entry.expiresAt === Date.UTC(2026, 11, 6, 23))).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});

test('in Arabic: the tabs, the day and its times in Arabic, right to left', async () => {
  renderToday({ displayLanguage: 'ar-SA' });
  expect(await screen.findByRole('tab', { name: 'اليوم', selected: true })).toBeInTheDocument();
  expect(await screen.findByRole('heading', { name: 'اليوم، السبت، ٥ ديسمبر' })).toBeInTheDocument();
  expect(document.documentElement.dir).toBe('rtl');
  expect(within(meeting('All-hands: December update')).getByText(/١٢:٠٠/)).toBeInTheDocument();
  await act(async () => undefined);
  expect(MORNING).toBe(Date.UTC(2026, 11, 5, 9, 40));
});

test('keyboard: the tabs are one stop, arrows and Home/End select; each meeting’s people are one stop, arrows move', async () => {
  renderToday({ item: sampleItem('external-sender') });
  const itemTab = await screen.findByRole('tab', { name: 'This item', selected: true });
  expect(screen.getByRole('tab', { name: 'Today' })).toHaveAttribute('tabindex', '-1');
  itemTab.focus();
  await userEvent.keyboard('{ArrowRight}');
  expect(screen.getByRole('tab', { name: 'Today', selected: true })).toHaveFocus();
  expect(screen.getByRole('tab', { name: 'Today' })).toHaveAttribute('tabindex', '0');
  await userEvent.keyboard('{Home}');
  expect(screen.getByRole('tab', { name: 'This item', selected: true })).toHaveFocus();
  await userEvent.keyboard('{End}');
  await screen.findByRole('heading', { name: 'Today, Saturday, December 5' });
  const people = within(meeting('All-hands: December update'))
    .getAllByRole('button')
    .filter((b) => b.hasAttribute('data-today-person'));
  expect(people.map((p) => p.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1']);
  people[0]?.focus();
  await userEvent.keyboard('{ArrowDown}{ArrowDown}');
  expect(people[2]).toHaveFocus();
  expect(people.map((p) => p.getAttribute('tabindex'))).toEqual(['-1', '-1', '0', '-1', '-1']);
  // The last stop is the search under the last person (LinkedIn doesn't know them), then nothing further.
  const searches = within(meeting('All-hands: December update')).getAllByRole('link', { name: /^Search LinkedIn for/ });
  await userEvent.keyboard('{End}');
  expect(searches.at(-1)).toHaveFocus();
  await userEvent.keyboard('{ArrowDown}');
  expect(searches.at(-1)).toHaveFocus();
  await userEvent.keyboard('{ArrowUp}');
  expect(people[4]).toHaveFocus();
});
