import { render } from '@testing-library/react';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { sampleCalendarView } from '../../dev/fixtures/calendar';
import type { PaneDependencies } from '../../src/app/pane/dependencies';
import { dayAt } from '../../src/app/today/day';
import { NOT_GRANTED } from '../../src/services/auth';
import { ServiceError } from '../../src/services/errors';
import { createGraphClient, GRAPH_BASE } from '../../src/services/graphClient';
import { createInsightsClient } from '../../src/services/insightsClient';
import { loadPolicyFile } from '../../src/services/policyFile';
import type { AccessInput } from '../../src/policy';
import { App } from '../../src/taskpane/App';
import { createFakeHost } from './fakeHost';
import type { ItemSnapshot } from '../../src/office';
import { memoryStorage } from './memoryStorage';

/**
 * The pane opened on Today, as in Outlook with no item selected: the real pane, its real Graph client answered by msw
 * with the sample day (for the window the pane asks), its real insights client answered by the real service.
 */
export const BERLIN = 'Europe/Berlin';
/** Saturday 5 December 2026, 10:40 in Berlin. */
export const MORNING = Date.UTC(2026, 11, 5, 9, 40);

/** Graph's calendarView answered with the sample day for the window asked; `fault` answers instead when set. */
export function calendarHandler(fault?: () => Response): RequestHandler {
  return http.get(`${GRAPH_BASE}me/calendarView`, ({ request }) => {
    if (fault) return fault();
    const url = new URL(request.url);
    const start = Date.parse(url.searchParams.get('startDateTime') ?? '');
    const end = Date.parse(url.searchParams.get('endDateTime') ?? '');
    return HttpResponse.json({ value: sampleCalendarView(start, end) });
  });
}

export interface TodayPaneOptions {
  consent?: AccessInput['consent'];
  now?: () => number;
  displayLanguage?: string;
  /** The token source refuses the calendar's permission as Entra does when nobody granted it. */
  calendarNotGranted?: boolean;
  item?: ItemSnapshot | null;
  /** Office opens addresses in the user's browser (classic Outlook); absent: links open a new tab. */
  openBrowserWindow?: (url: string) => void;
}

export function renderToday(options: TodayPaneOptions = {}) {
  const fake = createFakeHost({ item: options.item === undefined ? null : options.item, consent: options.consent ?? 'twoWay' });
  const storage = memoryStorage();
  const scopes: string[] = [];
  const graph = createGraphClient(
    async (asked) => {
      scopes.push(...asked);
      if (options.calendarNotGranted && asked.includes('Calendars.ReadBasic'))
        throw new ServiceError('unauthorized', 'Sign-in was cancelled or failed.', { code: NOT_GRANTED });
      return 'graph-token';
    },
    GRAPH_BASE,
    { retry: { sleep: async () => undefined, random: () => 0, maxInlineWaitMs: 0 } },
  );
  const now = options.now ?? (() => MORNING);
  const deps: PaneDependencies = {
    host: {
      ...fake.host,
      displayLanguage: options.displayLanguage ?? 'en-US',
      localStore: storage,
      ...(options.openBrowserWindow ? { openBrowserWindow: options.openBrowserWindow } : {}),
    },
    loadPolicy: (signal) => loadPolicyFile(fake.host.baseUrl, signal),
    detectEnvironment: async () => ({ cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' }),
    insights: createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async () => 'test-token'),
    cacheStorage: storage,
    calendar: (start, end, signal) => graph.calendarView(start, end, signal),
    // A sign-in dialog exists (as in Outlook with DialogOrigin 1.1): connecting can be offered; none is opened here.
    signInDialog: { open: async () => ({ close: () => undefined }) },
    timeZone: BERLIN,
    now,
  };
  const view = render(<App deps={deps} />);
  return { ...view, fake, storage, scopes, day: dayAt(now(), BERLIN) };
}
