// Languages in Chromium: the built workbench with Office's display language set through its URL (lang=…).
// Run: DIST_DIR=/tmp/dist-i18n node --test --test-concurrency=1 test/e2e/languages.e2e.test.mjs (after building there)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { boxOf, done, openWorkbench, paneFrame, useHarness } from './harness.mjs';

const harness = useHarness();

/** The pane's root (Fluent's provider): its computed direction and its lang attribute. */
/** @param {import('playwright-core').FrameLocator} pane */
async function rootLanguage(pane) {
  return pane
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((/** @type {HTMLElement} */ root) => ({ direction: getComputedStyle(root).direction, lang: root.getAttribute('lang') }));
}

describe("the pane speaks Office's display language", () => {
  test('de-DE: German text, German numbers and dates', async () => {
    const session = await openWorkbench(harness, '?lang=de-DE&consent=twoWay');
    const { pane } = session;
    await pane.getByRole('heading', { name: 'LinkedIn-Profilkarte' }).waitFor();
    await pane.getByText('12 gemeinsame Kontakte').waitFor();
    await pane.getByText('20. Nov. 2026').waitFor();
    // The connection the link reproduces is made now, by the service: its date is today's, in German.
    const today = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
    await pane.getByText(`Verbunden – Daten werden in beide Richtungen geteilt – seit ${today}`).waitFor();
    await pane.getByRole('heading', { name: 'Einstellungen' }).waitFor();
    assert.equal(await pane.getByText('Mutual connections').count(), 0, 'no English heading left');
    assert.deepEqual(await rootLanguage(pane), { direction: 'ltr', lang: 'de-DE' });
    await done(session);
  });

  test('de-DE: a reason of the policy engine, and who can change it, in German', async () => {
    const session = await openWorkbench(harness, '?lang=de-DE&option=0');
    const reason = session.pane.locator('[data-reason="user-option-off"]');
    await reason.waitFor();
    assert.match(
      await reason.innerText(),
      /Sie haben „LinkedIn-Features anzeigen“ auf diesem Gerät deaktiviert\.[\s\S]*Sie können dies ändern\. Wo: Dieses Add-In › LinkedIn-Features anzeigen/,
    );
    await done(session);
  });

  test('ar-SA: Arabic text, right to left, and the layout mirrored', async () => {
    const session = await openWorkbench(harness, '?lang=ar-SA');
    const { pane } = session;
    await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    await pane.getByRole('heading', { name: 'بطاقة ملف LinkedIn الشخصي' }).waitFor();
    await pane.getByRole('button', { name: 'ربط حسابك على LinkedIn' }).waitFor();
    assert.match(await pane.locator('[data-reason="not-connected"]').innerText(), /ترى معلومات LinkedIn العامة فقط/);
    assert.deepEqual(await rootLanguage(pane), { direction: 'rtl', lang: 'ar-SA' });
    // Mirrored: the card's photo is right of the name, the switcher's avatars right of the people's names,
    // and the bar marking the person shown is on the right edge.
    const card = pane.locator('[data-state="public-card"]');
    const photo = await boxOf(card.locator('.fui-Avatar'));
    const name = await boxOf(card.getByText('Aiko Tanaka'));
    assert.ok(photo.x > name.x + name.width - 1, `photo (x ${photo.x}) right of the name (ends at ${name.x + name.width})`);
    const option = pane.getByRole('option', { selected: true });
    const avatar = await boxOf(option.locator('.fui-Avatar'));
    const person = await boxOf(option.locator('.fui-Persona__primaryText'));
    assert.ok(avatar.x > person.x, 'switcher avatar right of the name');
    const bar = await option.evaluate((element) => {
      const style = getComputedStyle(element);
      return { right: parseFloat(style.borderRightWidth), left: parseFloat(style.borderLeftWidth) };
    });
    assert.ok(bar.right >= 2 && bar.left === 0, `the selection bar is on the right (${JSON.stringify(bar)})`);
    await done(session);
  });

  test('ar-SA: the pane fits 320 px without sideways scrolling', async () => {
    const session = await openWorkbench(harness, '?lang=ar-SA&consent=twoWay&item=many-recipients');
    const { page, pane } = session;
    await pane.getByRole('button', { name: 'عرض المزيد (٢٠)' }).waitFor();
    const frame = paneFrame(page);
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal overflow (${overflow} px)`);
    await done(session);
  });

  test('fr-FR falls back to English, left to right', async () => {
    const session = await openWorkbench(harness, '?lang=fr-FR');
    const { pane } = session;
    await pane.getByRole('heading', { name: 'LinkedIn profile card' }).waitFor();
    await pane.getByText('Public LinkedIn information').first().waitFor();
    assert.deepEqual(await rootLanguage(pane), { direction: 'ltr', lang: 'en-US' });
    await done(session);
  });

  test("the workbench's Display language control restarts the pane in that language and puts it in the link", async () => {
    const session = await openWorkbench(harness);
    const { page, pane } = session;
    await pane.getByRole('heading', { name: 'LinkedIn profile card' }).waitFor();
    await page.locator('[data-control="displayLanguage"]').selectOption('de-DE');
    await pane.getByRole('heading', { name: 'LinkedIn-Profilkarte' }).waitFor();
    await pane.getByText('Öffentliche LinkedIn-Informationen').first().waitFor();
    assert.match(page.url(), /[?&]lang=de-DE/);
    await done(session);
  });
});
