// "Search LinkedIn for <name>" (issue 28) in the workbench: on a card (and a Today row) the service cannot fill, the
// action is shown without a request of its own, and clicking it opens LinkedIn's people search for the name in a new
// tab. LinkedIn is out of reach here: the tab's page is answered by a stand-in, so the journey records where it went.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { done, openWorkbench, useHarness } from './harness.mjs';

const harness = useHarness();

/**
 * Every request to LinkedIn from this context, recorded; LinkedIn's pages answered by a stand-in (out of reach here).
 * @param {import('playwright-core').BrowserContext} context
 */
async function standInForLinkedIn(context) {
  /** @type {string[]} */
  const toLinkedIn = [];
  context.on('request', (request) => {
    if (/(^|\.)linkedin\.com$/.test(new URL(request.url()).hostname)) toLinkedIn.push(request.url());
  });
  await context.route('https://www.linkedin.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>LinkedIn (stand-in)</title>' }),
  );
  return toLinkedIn;
}

/**
 * The pane's requests to the service once the lookup whose answer the card shows is among them: Playwright reports a
 * request by an event of its own, which can reach the test after the card has drawn the answer (bounded: 5 s).
 * @param {import('./harness.mjs').Session} session
 */
async function requestsOnceLookedUp(session) {
  for (let i = 0; i < 100 && !session.linkedInRequests.includes('POST /api/v1/profiles/lookup'); i++) await session.page.waitForTimeout(50);
  return [...new Set(session.linkedInRequests)];
}

/**
 * Clicks the search and follows it: a new tab at LinkedIn's people search for `keywords` (as in the URL), the only
 * request to LinkedIn, and a tab that cannot reach back into the pane.
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Locator} action
 * @param {string[]} toLinkedIn
 * @param {string} keywords
 */
async function followSearch(context, action, toLinkedIn, keywords) {
  const search = `https://www.linkedin.com/search/results/people/?keywords=${keywords}`;
  const [tab] = await Promise.all([context.waitForEvent('page'), action.click()]);
  await tab.waitForURL(/linkedin\.com/);
  assert.equal(tab.url(), search);
  assert.deepEqual(toLinkedIn, [search]);
  assert.equal(await tab.evaluate(() => window.opener), null, 'the tab cannot reach back into the pane');
}

test('no LinkedIn profile: "Search LinkedIn for Billing" sends nothing until clicked, then opens the search in a new tab', async () => {
  const session = await openWorkbench(harness, '?item=unknown-sender');
  const { context, pane } = session;
  const toLinkedIn = await standInForLinkedIn(context);
  const card = pane.locator('[data-state="no-match"]');
  await card.waitFor();
  // The name is isolated (U+2068 … U+2069), so a right-to-left name keeps its own direction in the sentence.
  const action = card.getByRole('link', { name: /^Search LinkedIn for \u2068Billing\u2069$/ });
  await action.waitFor();
  assert.match(await card.innerText(), /the search happens on LinkedIn, under LinkedIn's terms/);
  // Shown, not used: the only requests are the pane's own lookup (and nothing at all to LinkedIn).
  assert.deepEqual(await requestsOnceLookedUp(session), ['POST /api/v1/profiles/lookup']);
  assert.deepEqual(toLinkedIn, []);

  await followSearch(context, action, toLinkedIn, 'Billing');
  await done(session);
});

test('never for a member who hides their profile, nor where the rules turn LinkedIn off', async () => {
  const hidden = await openWorkbench(harness, '?item=hidden-member');
  await hidden.pane.locator('[data-state="member-hidden"]').waitFor({ state: 'attached' });
  assert.equal(await hidden.pane.locator('[data-action="search-linkedin"]').count(), 0);
  await done(hidden);
  const off = await openWorkbench(harness, `?item=unknown-sender&policy=${encodeURIComponent('{"linkedInAccountConnections":"no"}')}`);
  await off.pane.locator('[data-state="outlook-only"]').waitFor();
  assert.equal(await off.pane.locator('[data-action="search-linkedin"]').count(), 0);
  await done(off);
});

test('in Arabic, the action names the person in Arabic, and the keyboard reaches it', async () => {
  const session = await openWorkbench(harness, '?item=unknown-sender&lang=ar-SA');
  const action = session.pane.getByRole('link', { name: /^البحث في LinkedIn عن .*Billing/ });
  await action.waitFor();
  await action.focus();
  assert.equal(await action.evaluate((element) => element === document.activeElement), true);
  await done(session);
});

test('Today: under a person on the calendar LinkedIn does not know, the same search, sending nothing until clicked', async () => {
  const session = await openWorkbench(harness, '?item=none&consent=twoWay', [], {
    timezoneId: 'Europe/Berlin',
    time: new Date('2026-12-05T10:40:00+01:00'),
  });
  const { context, pane } = session;
  const toLinkedIn = await standInForLinkedIn(context);
  const briefing = pane.locator('li[data-meeting]', { has: pane.getByRole('heading', { name: 'Press briefing' }) });
  const action = briefing.getByRole('link', { name: /^Search LinkedIn for \u2068Press office\u2069$/ });
  await action.waitFor();
  // Not under the hidden member beside them on the same meeting; the list says once whose terms the search is under.
  assert.equal(await briefing.locator('[data-action="search-linkedin"]').count(), 1);
  await pane.getByText(/the search happens on LinkedIn, under LinkedIn’s terms/).waitFor();
  assert.deepEqual(toLinkedIn, []);

  await followSearch(context, action, toLinkedIn, 'Press%20office');
  await done(session);
});
