// What the pane tells people is true: the README's pilot file works, the cloud is detected (issue 13).
// Run: npm run test:e2e (or, with dist/ built: node --test test/e2e/paneTruths.e2e.test.mjs)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { done, openWorkbench, useHarness } from './harness.mjs';

const harness = useHarness();
const PILOT_GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';

/** The README's pilot policy file, exactly as an admin would copy it, with their group's id put in. */
function pilotPolicyFromReadme() {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const match = /<!-- pilot-policy -->\s*```json\n([\s\S]*?)```/.exec(readme);
  assert.ok(match, 'the README marks its pilot policy file with <!-- pilot-policy -->');
  return match[1].replace('<pilot group object id>', PILOT_GROUP);
}

describe("the README's pilot policy file, pasted into the workbench with the detected defaults", () => {
  test('gives a member of the pilot group a card', async () => {
    const session = await openWorkbench(harness, `?policy=${encodeURIComponent(pilotPolicyFromReadme())}`);
    await session.pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    assert.equal(await session.pane.locator('[data-reason="environment-unknown"]').count(), 0);
    await done(session);
  });

  test('tells someone outside the group why, and names the policy file as where the admin changes it', async () => {
    const session = await openWorkbench(harness, `?membership=notMember&policy=${encodeURIComponent(pilotPolicyFromReadme())}`);
    const reason = session.pane.locator('[data-reason="not-in-selected-group"]');
    await reason.waitFor();
    assert.match(await reason.innerText(), /linkedin-policy\.json/);
    await done(session);
  });

  test("the cloud is detected from the tenant's OpenID configuration: a GCC High tenant gets no card", async () => {
    const session = await openWorkbench(harness, `?cloud=gccHigh&policy=${encodeURIComponent(pilotPolicyFromReadme())}`);
    await session.pane.locator('[data-reason="cloud-unavailable"]').waitFor();
    assert.deepEqual(session.linkedInRequests, []);
    await done(session);
  });
});

describe('the workbench shows where each environment value comes from', () => {
  test('a cloud stated in the policy file says so beside the Cloud control', async () => {
    const policy = JSON.stringify({ version: 1, linkedInAccountConnections: 'yes', environment: { cloud: 'gcc' } });
    const session = await openWorkbench(harness, `?policy=${encodeURIComponent(policy)}`);
    await session.page.getByText('The pane uses gcc: from the policy file (this control is ignored).').waitFor();
    await session.page.getByText('The pane uses NAM: detected.').waitFor();
    await session.pane.locator('[data-reason="cloud-unavailable"]').waitFor();
    await done(session);
  });
});

/** WCAG 2 contrast ratio of two CSS colours as the browser computed them ("rgb(r, g, b)"). */
/** @param {string} a @param {string} b */
function contrast(a, b) {
  const luminance = (/** @type {string} */ css) => {
    const [r = 0, g = 0, b = 0] = (css.match(/\d+(\.\d+)?/g) ?? [])
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('the selected person in the switcher is readable in every theme', () => {
  for (const theme of ['light', 'dark', 'highContrast']) {
    test(`${theme}: name and role on the selected background have at least 4.5:1`, async () => {
      const session = await openWorkbench(harness, `?item=meeting${theme === 'light' ? '' : `&theme=${theme}`}`);
      const option = session.pane.getByRole('option', { selected: true });
      await option.waitFor();
      // The pointer rests on the selected person too: hovering must not lower the contrast either.
      for (const hovered of [false, true]) {
        if (hovered) await option.hover();
        const colours = await option.evaluate((element) => {
          const background = getComputedStyle(element).backgroundColor;
          const texts = [...element.querySelectorAll('.fui-Persona__primaryText, .fui-Persona__secondaryText')];
          return { background, texts: texts.map((text) => getComputedStyle(text).color) };
        });
        assert.equal(colours.texts.length, 2);
        for (const text of colours.texts) {
          const ratio = contrast(text, colours.background);
          assert.ok(ratio >= 4.5, `${theme}${hovered ? ' (hovered)' : ''}: ${text} on ${colours.background} is ${ratio.toFixed(2)}:1`);
        }
      }
      await done(session);
    });
  }
});

describe('the workbench tells the admin what it does', () => {
  test('Copy link says it copied, and the link opens on the person shown', async () => {
    const session = await openWorkbench(harness, '?item=meeting');
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page, pane } = session;
    await pane.getByRole('option', { name: /Aiko Tanaka/ }).click();
    await pane.locator('[data-person="aiko.tanaka@fabrikam.com"]').waitFor();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied: it opens this scenario, with the person shown.').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /[?&]person=aiko\.tanaka%40fabrikam\.com/);
    assert.match(link, /[?&]item=meeting/);
    await done(session);

    const again = await openWorkbench(harness, new URL(link).search);
    await again.pane.getByRole('option', { name: /Aiko Tanaka/, selected: true }).waitFor();
    await again.pane.locator('[data-person="aiko.tanaka@fabrikam.com"]').waitFor();
    await done(again);
  });

  test('the latency and fault controls say they apply to the next request, clearing what the pane keeps', async () => {
    const session = await openWorkbench(harness);
    await session.page.getByText(/apply to the next request[\s\S]*changing them clears what the pane keeps/).waitFor();
    await done(session);
  });
});

/** What the pane says about the rules: every reason shown (code and text), and how the pane looks. */
/** @param {import('playwright-core').FrameLocator} pane */
async function situationShown(pane) {
  await pane.locator('[data-action="admin-details"]').waitFor();
  const reasons = await pane
    .locator('[data-reason]')
    .evaluateAll((nodes) => /** @type {HTMLElement[]} */ (nodes).map((n) => `${n.dataset.reason}: ${n.innerText}`));
  const look = await pane
    .locator('[data-theme]')
    .first()
    .evaluate((/** @type {HTMLElement} */ n) => `${n.dataset.theme} ${n.lang} ${n.dir}`);
  return { reasons, look };
}

describe('"Copy details for your admin" reproduces the user\'s situation in the workbench', () => {
  const situations = {
    'a pilot user outside the group, in German, dark theme, on Windows': `?membership=notMember&platform=windows&theme=dark&lang=de-DE&policy=${encodeURIComponent(pilotPolicyFromReadme())}`,
    'a connected user sharing LinkedIn to Microsoft only, with the device option off, in Arabic': `?consent=linkedInToMicrosoft&option=0&lang=ar-SA&geo=EUR&country=DE&policy=${encodeURIComponent(JSON.stringify({ version: 1, linkedInAccountConnections: 'yes', officePolicy: { optionalConnectedExperiences: 'disabled' } }))}`,
    'an unknown mailbox location in high contrast': `?geo=unknown&theme=highContrast`,
  };
  for (const [name, query] of Object.entries(situations)) {
    test(name, async () => {
      const session = await openWorkbench(harness, query);
      const before = await situationShown(session.pane);
      await session.pane.locator('[data-action="admin-details"]').click();
      const link = await session.pane.locator('[data-admin-details-link]').inputValue();
      assert.match(link, /^http:\/\/localhost:3000\/\?/);
      assert.doesNotMatch(decodeURIComponent(link), /@|megan|bowen|6f1c2a9e/i, 'nothing personal: no address, name or group id');
      await done(session);

      const reopened = await openWorkbench(harness, new URL(link).search);
      const after = await situationShown(reopened.pane);
      assert.ok(before.reasons.length > 0, 'the situation has reasons to compare');
      assert.deepEqual(after, before);
      await done(reopened);
    });
  }
});
