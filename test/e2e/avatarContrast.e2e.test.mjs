// Avatars meet 3:1 against what is behind them and their initials 4.5:1 against the avatar (WCAG 1.4.11 and 1.4.3),
// for every person the workbench's items show (the fixture people and the 500-person crowd) × every Office theme,
// measured in Chromium from the colours the page computes — in the switcher (selected or not) and on the card. What
// an avatar's edge meets is the ring drawn around it, or else the first opaque background behind it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { done, openWorkbench, paneFrame, useHarness } from './harness.mjs';

const harness = useHarness();
const ITEMS = ['external-sender', 'internal-sender', 'many-recipients', 'meeting', 'unknown-sender', 'on-behalf-rtl', 'all-company'];

/** In the pane: every initials avatar's colours and the first opaque colour behind it, with the person's name. */
function measureAvatars() {
  const rgb = (/** @type {string} */ value) => (value.match(/[\d.]+/g) ?? []).map(Number);
  // The first opaque background from `element` up: what is seen there.
  /** @param {Element | null} element @returns {number[]} */
  const opaqueFrom = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
      if (a === 1) return [r, g, b];
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll('.fui-Avatar')].map((avatar) => {
    const initials = avatar.querySelector('.fui-Avatar__initials');
    const style = getComputedStyle(avatar);
    // A ring drawn around the avatar is what its edge meets.
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 ? rgb(style.outlineColor).slice(0, 3) : null;
    return {
      name: avatar.getAttribute('aria-label') ?? avatar.closest('[aria-label]')?.getAttribute('aria-label') ?? '?',
      // What is seen inside the avatar: Fluent paints the initials' own box over the avatar's.
      fill: opaqueFrom(initials ?? avatar),
      text: initials ? rgb(getComputedStyle(initials).color).slice(0, 3) : null,
      behind: ring ?? opaqueFrom(avatar.parentElement),
    };
  });
}

const luminance = (/** @type {number[]} */ [r = 0, g = 0, b = 0]) => {
  const channel = (/** @type {number} */ v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
const contrast = (/** @type {number[]} */ a, /** @type {number[]} */ b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

for (const theme of ['light', 'dark', 'highContrast']) {
  test(`avatar contrast, ${theme} theme: every person on every item`, async () => {
    const session = await openWorkbench(harness, `?theme=${theme}`);
    const { page, pane } = session;
    const rows = new Map();
    for (const item of ITEMS) {
      await page.locator(`[data-item="${item}"]`).click();
      await pane.locator('[role="option"][aria-selected="true"]').waitFor();
      // Every page of the switcher: all 500 people of the all-company mail.
      for (let more = pane.getByRole('button', { name: /^Show \d+ more$/ }); await more.count();) await more.click();
      const frame = paneFrame(page);
      for (const avatar of await frame.evaluate(measureAvatars)) {
        const row = { against: contrast(avatar.fill, avatar.behind), text: avatar.text ? contrast(avatar.text, avatar.fill) : Infinity };
        const seen = rows.get(avatar.name);
        rows.set(avatar.name, seen ? { against: Math.min(seen.against, row.against), text: Math.min(seen.text, row.text) } : row);
      }
    }
    const failing = [...rows].filter(([, row]) => row.against < 3 || row.text < 4.5);
    const worst = [...rows.values()].reduce((w, r) => ({ against: Math.min(w.against, r.against), text: Math.min(w.text, r.text) }));
    console.log(
      `${theme}: ${rows.size} people, lowest ${worst.against.toFixed(2)}:1 against the pane, ${worst.text.toFixed(2)}:1 for initials`,
    );
    assert.ok(rows.size >= 170, `every person measured (${rows.size})`);
    assert.deepEqual(
      failing.map(([name, row]) => `${name}: ${row.against.toFixed(2)}:1 / ${row.text.toFixed(2)}:1`),
      [],
      'avatars under 3:1 against their background or 4.5:1 for their initials',
    );
    await done(session);
  });
}
