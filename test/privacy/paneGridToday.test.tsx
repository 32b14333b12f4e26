/**
 * The privacy grid's Today rows (issue 26): the pane opened with no item selected, so on Today, for every decision of
 * the collapsed grid (paneGrid.tsx) — the classes regrouped with Today's own decision and reasons — a few of its
 * members, each made real as the grid makes it (the policy file, Microsoft Graph's detection, the roaming consent record
 * and what the service says of the connection, which may be less). msw's request log is held against the decision:
 *
 * - Today refused: no Graph calendar request and no LinkedIn lookup at all;
 * - Today allowed: the calendar read once for the day, lookups stating Today's purpose, only for people shown, each at
 *   most once, in batches of at most 20 (⌈shown / 20⌉ requests at most), and no connected insights until a person is
 *   opened;
 * - no e-mail address in any URL; nothing of the calendar (subjects, attendees not looked up) in storage.
 */
import { render } from '@testing-library/react';
import type { PaneDependencies } from '../../src/app/pane/dependencies';
import { decideAccess, type AccessDecision, type AccessInput, type GivenConsent } from '../../src/policy';
import { createGraphClient, GRAPH_BASE } from '../../src/services/graphClient';
import { createInsightsClient } from '../../src/services/insightsClient';
import { App } from '../../src/taskpane/App';
import { SAMPLE_DAY } from '../../dev/fixtures/calendar';
import { DEFAULT_INSIGHTS_CONTROLS, heldConnection, insightsService, type InsightsControls } from '../support/insightsService';
import { createTestServer } from '../support/mswServer';
import { waitForSettled } from '../support/settled';
import { BERLIN, calendarHandler, MORNING } from '../support/todayPane';
import { FIND_TIMEOUT_MS } from '../timeouts.cjs';
import { decisionKey, EMAIL, gridPane, policyAndGraphHandlers, realise, REDUCED_INPUTS, type GridRow } from './paneGrid';

/** A decision with Today's part, as a comparable string. */
const todayKey = (d: AccessDecision): string => `${decisionKey(d)}|${+d.today.allowed}|${d.today.reasons.map((r) => r.code).join(',')}`;

/** One member of every class refusing Today, up to three of a class allowing it, picked by a fixed scramble. */
const MEMBERS_PER_CLASS = { allowed: 3, refused: 1 };
const ROWS: GridRow[] = (() => {
  const byKey = new Map<string, AccessInput[]>();
  for (const input of REDUCED_INPUTS) {
    const key = todayKey(decideAccess(input));
    byKey.set(key, [...(byKey.get(key) ?? []), input]);
  }
  const rows: GridRow[] = [];
  const scramble = (n: number): number => Math.imul(n + 1, 2654435761) >>> 8;
  [...byKey.values()].forEach((members, c) => {
    const count = MEMBERS_PER_CLASS[decideAccess(members[0]).today.allowed ? 'allowed' : 'refused'];
    const picked = new Set(Array.from({ length: count }, (_, i) => scramble(c * 7 + i) % members.length));
    for (const m of picked) rows.push({ index: rows.length, reduced: members[m], person: 'visible', variant: scramble(c * 31 + m) });
  });
  return rows;
})();

const API = '/api/v1/';
const CALENDAR = `${GRAPH_BASE}me/calendarView`;
const BATCH = 20;

let controls: InsightsControls = DEFAULT_INSIGHTS_CONTROLS;
const { server, requests, activity } = createTestServer(...insightsService(() => controls).handlers);
const insights = createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async () => 'test-token');
const graph = createGraphClient(async () => 'graph-token', GRAPH_BASE, { retry: { sleep: async () => undefined, random: () => 0 } });

/**
 * "Search LinkedIn" on Today's rows (issue 28): under exactly the rows the service could not fill (no match, or a
 * source that can't look the person up), for the row's name and never an address; showing it asks nothing (the
 * request log above holds every request to the allowed ones).
 */
function searchViolations(): string[] {
  const violations: string[] = [];
  let offered = 0;
  for (const row of document.querySelectorAll<HTMLElement>('[data-today-person]')) {
    const search = row.closest('li')?.querySelector<HTMLAnchorElement>('[data-action="search-linkedin"]') ?? null;
    const due = row.dataset.state === 'noMatch' || row.dataset.state === 'unavailable';
    if ((search !== null) !== due) violations.push(`"Search LinkedIn" ${search ? 'offered' : 'not offered'} on a ${row.dataset.state} row`);
    if (!search) continue;
    offered += 1;
    const keywords = new URL(search.href).searchParams.get('keywords') ?? '';
    if (EMAIL.test(decodeURIComponent(search.href))) violations.push(`an e-mail address in the search: ${search.href}`);
    if (!row.textContent?.includes(keywords.split(' ')[0] ?? '\u0000'))
      violations.push(`the search is not for the row's name: ${keywords}`);
  }
  if (offered === 0) violations.push("no row offers the search, yet the day has a person LinkedIn doesn't know");
  return violations;
}

async function waitForToday(): Promise<Element> {
  for (const until = Date.now() + FIND_TIMEOUT_MS; Date.now() < until;) {
    await waitForSettled(activity);
    const found = document.querySelector('[data-today]:not([data-today="loading"])');
    if (found) return found;
  }
  throw new Error('Today never settled');
}

test('the grid has Today rows both allowed and refused', () => {
  const allowed = ROWS.filter((row) => decideAccess(realise(row).input).today.allowed).length;
  expect(allowed).toBeGreaterThan(0);
  expect(ROWS.length - allowed).toBeGreaterThan(0);
});

test.each(ROWS.map((row) => [row.index, row] as const))('Today row #%i', async (_index, row) => {
  const real = realise(row);
  const viewer = decideAccess(real.input);
  controls = { ...DEFAULT_INSIGHTS_CONTROLS, connection: heldConnection(real.recordConsent, real.serviceConsent as GivenConsent) };
  server.use(...policyAndGraphHandlers(real), calendarHandler());
  const pane = gridPane(real, null, { graph, insights, onDetected: (environment) => (controls = { ...controls, environment }) });
  const { storage } = pane;
  // Today's calendar through the pane's own Graph client, in Berlin at 10:40.
  const deps: PaneDependencies = {
    ...pane.deps,
    calendar: (start, end, signal) => graph.calendarView(start, end, signal),
    timeZone: BERLIN,
    now: () => MORNING,
  };
  render(<App deps={deps} />);
  const today = await waitForToday();
  await waitForSettled(activity);

  const violations: string[] = [];
  const state = today.getAttribute('data-today');
  const calendarReads = requests.filter((r) => r.url.startsWith(CALENDAR));
  const linkedIn = requests.filter((r) => r.url.includes(API) && !r.url.endsWith('/connection'));
  const lookups = await Promise.all(
    linkedIn
      .filter((r) => r.url.endsWith('/profiles/lookup'))
      .map(async (r) => JSON.parse(await r.body) as { emails: string[]; purpose?: string }),
  );
  if (!viewer.today.allowed) {
    if (state !== 'refused') violations.push(`Today refused by the rules, yet the pane shows ${state}`);
    for (const r of calendarReads) violations.push(`Today refused, yet Graph asked: ${r.url}`);
    for (const r of linkedIn) violations.push(`Today refused, yet LinkedIn asked: ${r.method} ${r.url}`);
  } else {
    if (state !== 'ready') violations.push(`Today allowed, yet the pane shows ${state}`);
    if (calendarReads.length !== 1) violations.push(`the calendar read ${calendarReads.length} times`);
    const shown = new Set([...document.querySelectorAll<HTMLElement>('[data-today-person]')].map((e) => e.dataset.todayPerson ?? ''));
    const asked = lookups.flatMap((l) => l.emails);
    if (asked.length === 0) violations.push('Today allowed, yet nobody looked up');
    if (lookups.length > Math.ceil(shown.size / BATCH)) violations.push(`${lookups.length} lookups for ${shown.size} people shown`);
    for (const l of lookups) {
      if (l.purpose !== 'today') violations.push(`a lookup without Today's purpose: ${l.purpose}`);
      if (l.emails.length > BATCH) violations.push(`a lookup of ${l.emails.length} people`);
    }
    for (const email of asked) if (!shown.has(email)) violations.push(`${email} looked up, not shown`);
    if (new Set(asked).size !== asked.length) violations.push('someone looked up twice');
    for (const r of linkedIn) if (!r.url.endsWith('/profiles/lookup')) violations.push(`unexpected ${r.method} ${r.url}`);
    violations.push(...searchViolations());
  }
  for (const r of requests) if (/linkedin\.com$/.test(new URL(r.url).hostname)) violations.push(`LinkedIn itself asked: ${r.url}`);
  for (const r of requests) if (EMAIL.test(decodeURIComponent(r.url))) violations.push(`an e-mail address in a URL: ${r.url}`);
  const kept = [...storage.data.values(), ...Object.values(window.localStorage)].join('\n');
  for (const meeting of SAMPLE_DAY) if (kept.includes(meeting.subject)) violations.push(`the meeting "${meeting.subject}" kept`);
  if (!viewer.today.allowed && /fabrikam/i.test(kept)) violations.push('a calendar attendee kept while Today is refused');
  expect(violations).toEqual([]);
});
