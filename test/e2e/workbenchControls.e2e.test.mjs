// The workbench's controls are honest (issue 24): a fault or latency is met by the next card whatever the pane kept,
// and the controls say they cleared it; a value of the link the workbench does not know is shown as invalid; a
// connection reproduced from a link shows its real date; Copy details reproduces membership exactly; the simulated
// Outlook follows the theme.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { done, openWorkbench, useHarness } from './harness.mjs';

const harness = useHarness();

describe('the workbench’s controls do what they say', () => {
  test('a fault set after the people are kept is met by the card: the controls clear what the pane kept, and say so', async () => {
    const session = await openWorkbench(harness, '', [/status of 500/]);
    const { page, pane } = session;
    await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    await page.locator('[data-control="lookupFault"]').selectOption('server');
    await page.locator('[data-cache-cleared="2"]').waitFor();
    assert.match(await page.locator('[data-cache-cleared]').innerText(), /Cleared what the pane kept about 2 people/);
    await pane.locator('[data-state="public-error"]').waitFor();
    assert.match(await pane.locator('[data-state="public-error"]').innerText(), /The LinkedIn card service had a problem/);
    await done(session);
  });

  test('a value of the link the workbench does not know is shown as invalid, never ignored silently', async () => {
    const session = await openWorkbench(harness, '?lookupFault=500&theme=sepia');
    const { page, pane } = session;
    await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    assert.match(await page.locator('[data-invalid-link]').innerText(), /theme=sepia, lookupFault=500/);
    const field = page.locator('[data-control="lookupFault"]').locator('xpath=ancestor::div[contains(@class, "fui-Field")][1]');
    assert.match(await field.innerText(), /“500” \(from the link\) is not a value this control knows: the workbench uses none/);
    assert.match(page.url(), /lookupFault=500/, 'kept in the link until the control is changed');
    await page.locator('[data-control="lookupFault"]').selectOption('none');
    await page.waitForFunction(() => !/lookupFault=500/.test(window.location.search));
    assert.match(await page.locator('[data-invalid-link]').innerText(), /theme=sepia/);
    await done(session);
  });

  test('a connection reproduced from a link says since when the service made it (today), not a fixed date', async () => {
    const session = await openWorkbench(harness, '?consent=linkedInToMicrosoft');
    const { pane } = session;
    await pane.getByText('12 mutual connections').waitFor();
    const today = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
    const line = pane.locator('[data-connection]');
    await line.waitFor();
    assert.match(await line.innerText(), new RegExp(`since ${today}`));
    await done(session);
  });

  // The group check is asked (through the workbench's Graph stand-in, as the control says) in a pilot of a group: its
  // answer is what the link carries — 'unknown' is Graph failing it, the 500 the stand-in answers.
  const pilot = encodeURIComponent(
    JSON.stringify({ linkedInAccountConnections: 'selected', selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' }),
  );
  for (const membership of ['member', 'notMember', 'unknown']) {
    test(`Copy details reproduces the membership control exactly: ${membership}`, async () => {
      const expected = membership === 'unknown' ? [/status of 500/] : [];
      const session = await openWorkbench(harness, `?membership=${membership}&policy=${pilot}`, expected);
      const { pane } = session;
      await pane.getByRole('button', { name: 'Copy details for your admin' }).click();
      const link = new URL(await pane.locator('[data-admin-details-link]').inputValue());
      assert.equal(link.searchParams.get('membership'), membership);
      await done(session);
    });
  }

  test('the simulated Outlook around the pane follows the Office theme', async () => {
    const session = await openWorkbench(harness, '?theme=dark');
    const { page, pane } = session;
    await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    const luminance = await page.locator('[data-outlook-theme="dark"]').evaluate((element) => {
      const [r = 0, g = 0, b = 0] = (getComputedStyle(element).backgroundColor.match(/\d+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
    assert.ok(luminance < 0.25, `the workbench is dark around the dark pane (luminance ${luminance.toFixed(2)})`);
    await done(session);
  });
});
