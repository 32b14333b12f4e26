// Today in Chromium, through the built workbench and the development service (its Graph stand-in answering the
// pane's own Graph client, the real insights service behind): at 10:40 in Berlin, or a minute before midnight.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { done, openWorkbench, paneFrame, useHarness } from './harness.mjs';

const harness = useHarness();
const BERLIN = { timezoneId: 'Europe/Berlin', time: new Date('2026-12-05T10:40:00+01:00') };

/** Every request to the Graph stand-in and the insights service, with its body, from before the first navigation. */
/**
 * @typedef {{ what: string, url: string, body: string }} Recorded
 * @param {import('./harness.mjs').Session} session
 */
function recordRequests(session) {
  /** @type {Recorded[]} */
  const log = [];
  session.context.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/__workbench/graph/') || pathname.startsWith('/api/v1/'))
      log.push({
        what: `${request.method()} ${pathname.replace('/__workbench/graph/v1.0', 'graph')}`,
        url: request.url(),
        body: request.postData() ?? '',
      });
  });
  return log;
}

/** Waits until nothing more is asked for a while: the pane has settled (requests answered, no new one). */
/** @param {import('./harness.mjs').Session} session @param {Recorded[]} log */
async function quiet(session, log) {
  let last = -1;
  for (let i = 0; i < 200 && last !== log.length; i++) {
    last = log.length;
    await session.page.waitForLoadState('networkidle');
    await session.page.waitForTimeout(250);
  }
}

describe('Today with consent to share both ways', () => {
  test('the day appears with cards for its people; only allowed calls: the calendar once, lookups for the people shown, stating Today', async () => {
    const session = await openWorkbench(harness, '?item=none&consent=twoWay', [], BERLIN);
    const log = recordRequests(session);
    await session.page.reload();
    const { pane } = session;
    await pane.getByRole('heading', { name: 'Today, Saturday, December 5' }).waitFor();
    await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    await quiet(session, log);
    const calls = log.map((r) => r.what);
    const calendar = calls.filter((c) => c === 'GET graph/me/calendarView');
    const lookups = log.filter((r) => r.what === 'POST /api/v1/profiles/lookup').map((r) => JSON.parse(r.body));
    const shown = await pane.locator('[data-today-person]').evaluateAll((rows) => [...new Set(rows.map((r) => r.dataset.todayPerson))]);
    assert.equal(calendar.length, 1);
    assert.ok(
      lookups.length >= 1 && lookups.length <= Math.ceil(shown.length / 20),
      `${lookups.length} lookups for ${shown.length} people`,
    );
    for (const lookup of lookups) {
      assert.equal(lookup.purpose, 'today');
      for (const email of lookup.emails) assert.ok(shown.includes(email), `${email} was looked up and is shown`);
    }
    const allowed = new Set(['GET graph/me', 'GET graph/me/calendarView', 'GET /api/v1/connection', 'POST /api/v1/profiles/lookup']);
    assert.deepEqual(
      calls.filter((c) => !allowed.has(c)),
      [],
      'nothing but the calendar, the detection, the connection and lookups',
    );
    // A person's full card, and back.
    await pane.locator('[data-today-person="aiko.tanaka@fabrikam.com"]').first().click();
    await pane.getByText('12 mutual connections').waitFor();
    const insights = log.filter((r) => r.what === 'POST /api/v1/profiles/insights').map((r) => JSON.parse(r.body));
    assert.deepEqual(
      insights.map((i) => [i.email, i.purpose]),
      [['aiko.tanaka@fabrikam.com', 'today']],
    );
    await pane.getByRole('button', { name: 'Back to Today' }).click();
    await pane.getByRole('heading', { name: 'Today, Saturday, December 5' }).waitFor();
    await done(session);
  });
});

test('LinkedIn to Microsoft only: the reason and the action, and neither the calendar nor a lookup asked', async () => {
  const session = await openWorkbench(harness, '?item=none&consent=linkedInToMicrosoft', [], BERLIN);
  const log = recordRequests(session);
  await session.page.reload();
  const { pane } = session;
  await pane.getByText('Today needs sharing data both ways, because it sends the people on your calendar to LinkedIn').waitFor();
  await pane.getByRole('button', { name: 'Share data both ways' }).waitFor();
  await quiet(session, log);
  const calls = log.map((r) => r.what);
  assert.deepEqual(
    calls.filter((c) => c.includes('calendarView') || c.includes('/profiles/')),
    [],
  );
  await done(session);
});

test('without the calendar permission: Today says the admin must grant it, and the rest of the pane works', async () => {
  const session = await openWorkbench(harness, '?item=none&consent=twoWay&calendar=notGranted', [/403/], BERLIN);
  const { page, pane } = session;
  await pane.getByText('Your admin hasn’t allowed the add-in to read your calendar').waitFor();
  await pane.getByText(/Calendars\.ReadBasic › Grant admin consent/).waitFor();
  await page.locator('[data-item="external-sender"]').click();
  await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
  await done(session);
});

test('Graph at its limit (429 with Retry-After): said, counted down, Retry waits', async () => {
  const session = await openWorkbench(harness, '?item=none&consent=twoWay&calendarFault=throttled', [/429/], BERLIN);
  const { pane } = session;
  await pane.getByText('Microsoft 365 is busy.').waitFor();
  assert.match(await pane.getByRole('timer').innerText(), /You can try again in \d+ seconds?\./);
  assert.equal(await pane.getByRole('button', { name: 'Retry' }).isDisabled(), true);
  await done(session);
});

test('across midnight: the launch watch is now, the day turns over, the next day is read and the watch said to have started yesterday', async () => {
  const session = await openWorkbench(harness, '?item=none&consent=twoWay', [], {
    timezoneId: 'Europe/Berlin',
    time: new Date('2026-12-05T23:59:30+01:00'),
  });
  const log = recordRequests(session);
  await session.page.reload();
  const { pane, context } = session;
  await pane.getByRole('heading', { name: 'Today, Saturday, December 5' }).waitFor();
  assert.equal(await pane.locator('[data-moment="now"]').count(), 1);
  await context.clock.fastForward('01:00');
  await pane.getByRole('heading', { name: 'Today, Sunday, December 6' }).waitFor();
  const sinceYesterday = pane.locator('[data-moment="now"]');
  await sinceYesterday.getByText('started yesterday').waitFor();
  await quiet(session, log);
  const windows = log.filter((r) => r.what === 'GET graph/me/calendarView').map((r) => new URL(r.url).searchParams.get('startDateTime'));
  assert.deepEqual(windows, ['2026-12-04T23:00:00.000Z', '2026-12-05T23:00:00.000Z'], 'the calendar is read once for each day');
  await done(session);
});

test('in Arabic: right to left, the day and its times in Arabic, nothing sideways at 320 px', async () => {
  const session = await openWorkbench(harness, '?item=none&consent=twoWay&lang=ar-SA', [], BERLIN);
  const { page, pane } = session;
  await pane.getByRole('tab', { name: 'اليوم', selected: true }).waitFor();
  await pane.getByRole('heading', { name: 'اليوم، السبت، ٥ ديسمبر' }).waitFor();
  await pane.getByText('١١:٠٠ ص–١٢:٠٠ م').waitFor();
  const frame = paneFrame(page);
  const layout = await frame.evaluate(() => ({
    dir: document.documentElement.dir,
    wide: document.documentElement.scrollWidth > window.innerWidth,
  }));
  assert.deepEqual(layout, { dir: 'rtl', wide: false });
  await done(session);
});
