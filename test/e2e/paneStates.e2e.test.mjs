// Issue 24 in Chromium, as a new user meets the pane and the workbench: every state keeps the person and says what
// it shows; what the add-in may do speaks in the user's terms; a policy file the pane can't use still leaves the
// people, Settings and Copy details; numbers in the locale's digits; and the workbench's controls do what they say.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { done, openWorkbench, useHarness } from './harness.mjs';

const harness = useHarness();
const policy = (/** @type {object} */ file) => `policy=${encodeURIComponent(JSON.stringify(file))}`;
/** The service's own failure, injected by the workbench's fault layer: the browser logs the status it answered. */
const SERVER_FAULT = [/status of 500/];

describe('every state keeps the person, and the badge says what is shown', () => {
  test('a lookup that fails keeps the name, initials and address above the error; the badge says only what Outlook knows is shown', async () => {
    const session = await openWorkbench(harness, '?lookupFault=server', SERVER_FAULT);
    const { pane } = session;
    const card = pane.locator('[data-state="public-error"]');
    await card.waitFor();
    assert.match(
      await card.innerText(),
      /Aiko Tanaka[\s\S]*From · aiko\.tanaka@fabrikam\.com[\s\S]*The LinkedIn card service had a problem/,
    );
    assert.equal(await card.locator('.fui-Avatar').innerText(), 'AT');
    const badge = pane.locator('.fui-Badge');
    await badge.waitFor();
    assert.equal(await badge.innerText(), 'What Outlook knows only — no LinkedIn information shown');
    // Longer than the 320 px pane is wide: it wraps within the badge, nothing spills over what follows.
    const fits = await badge.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const text = document.createRange();
      text.selectNodeContents(element);
      const inner = text.getBoundingClientRect();
      return inner.top >= box.top - 0.5 && inner.bottom <= box.bottom + 0.5;
    });
    assert.ok(fits, 'the badge holds its text');
    await done(session);
  });

  test('a public card says its position once: under a headline that says it, no second line', async () => {
    const session = await openWorkbench(harness);
    await session.pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    assert.equal(await session.pane.locator('[data-position]').count(), 0);
    assert.equal(await session.pane.getByText('Partnerships lead · Fabrikam').count(), 0);
    await done(session);
  });
});

describe('what the add-in may do, in the user’s terms', () => {
  test('not connected: connected insights "after you connect", not "not allowed"', async () => {
    const session = await openWorkbench(harness);
    const { pane } = session;
    await pane.getByText('What the add-in may do').click();
    const row = (/** @type {string} */ label) =>
      pane.locator('details').getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');
    assert.equal(
      await row('Show connected insights (mutual connections, shared history, activity)').innerText(),
      'After you connect your LinkedIn account',
    );
    assert.equal(await row('Connect your LinkedIn account').innerText(), 'Allowed');
    assert.equal(await pane.getByText('Not allowed', { exact: true }).count(), 0);
    await done(session);
  });

  test('the organization turned LinkedIn off: each capability says so, in German too', async () => {
    const session = await openWorkbench(harness, `?lang=de-DE&${policy({ linkedInAccountConnections: 'no' })}`);
    const { pane } = session;
    await pane.getByText('Was das Add-In darf').click();
    const row = pane
      .locator('details')
      .getByText('Öffentliche LinkedIn-Informationen anzeigen', { exact: true })
      .locator('xpath=following-sibling::*[1]');
    assert.equal(await row.innerText(), 'Von Ihrer Organisation nicht erlaubt');
    await done(session);
  });
});

describe('a policy file the pane cannot use', () => {
  test('the people, Settings and Copy details stay; the field error is in the user’s language; the link reproduces it', async () => {
    const query = `?lang=de-DE&${policy({ linkedInAccountConnections: 'maybe' })}`;
    const session = await openWorkbench(harness, query);
    const { pane } = session;
    const alert = pane.locator('[data-state="policy-invalid"]');
    await alert.waitFor();
    assert.match(
      await alert.innerText(),
      /Fehlerhaftes Feld: linkedInAccountConnections – muss einer dieser Werte sein: "yes", "selected", "no"/,
    );
    assert.doesNotMatch(await alert.innerText(), /Invalid option|expected one of/);
    await pane.getByRole('option', { name: /Alex Wilber/ }).click();
    await pane.locator('[data-state="outlook-only"]', { hasText: 'alex.wilber@contoso.com' }).waitFor();
    await pane.getByRole('button', { name: 'Zwischengespeicherte LinkedIn-Daten löschen' }).waitFor();
    await pane.getByRole('button', { name: 'Details für Ihren Administrator kopieren' }).click();
    const link = await pane.locator('[data-admin-details-link]').inputValue();
    assert.deepEqual(
      session.linkedInRequests.filter((r) => r.includes('/profiles/')),
      [],
      'nothing asked of LinkedIn',
    );
    await session.context.close();
    // The admin opens the link in their workbench: the same field, the same problem, the same language.
    const admin = await openWorkbench(harness, new URL(link).search);
    const reproduced = admin.pane.locator('[data-state="policy-invalid"]');
    await reproduced.waitFor();
    assert.match(await reproduced.innerText(), /Fehlerhaftes Feld: linkedInAccountConnections – muss einer dieser Werte sein/);
    assert.doesNotMatch(new URL(link).search, /maybe/, 'the wrong value itself is not in the link');
    await done(admin);
    assert.deepEqual(session.errors, []);
  });
});

describe("numbers follow the locale's digits", () => {
  test('Arabic: a connected card’s period, counts and dates in Arabic-Indic digits', async () => {
    const session = await openWorkbench(harness, '?lang=ar-SA&consent=twoWay');
    const history = session.pane.locator('[data-state="connected-card"] li', { hasText: 'Contoso' });
    await history.waitFor();
    assert.match(await history.innerText(), /\(٢٠١٥–٢٠١٨\)/);
    assert.doesNotMatch(await history.innerText(), /[0-9]/);
    await done(session);
  });
});
