// Accessibility of the built task pane in Chromium: axe on every pane state in the light, dark and high-contrast
// (forced-colors) themes, a keyboard-only journey with visible focus throughout, loading and errors in live regions,
// and no horizontal scrolling at Outlook's pane width of 320 px. Run: npm run test:e2e
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { done, openConsentPanel, openWorkbench, paneFrame, useHarness } from './harness.mjs';

const PANE = 'iframe[title="LinkedIn profile card task pane"]';
const PANE_WIDTH = 320;

const harness = useHarness();

/**
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('playwright-core').Frame} Frame
 * @typedef {import('playwright-core').FrameLocator} FrameLocator
 * @typedef {{ colorScheme: 'light' | 'dark', forcedColors?: 'active' }} Media
 * @typedef {{ name: string, query: string, ready: (pane: FrameLocator) => import('playwright-core').Locator | Promise<import('playwright-core').Locator>, live?: string,
 *   expectedErrors?: RegExp[], today?: boolean }} PaneState
 * @typedef {Awaited<ReturnType<typeof focusInPane>>} Focus
 */

/**
 * Office's themes as the workbench passes them to the pane, with what the browser would report alongside: Windows'
 * high-contrast themes turn on forced colors, and Office's high-contrast theme is the black one.
 */
/** @type {Record<'light' | 'dark' | 'highContrast', Media>} */
const THEMES = {
  light: { colorScheme: 'light' },
  dark: { colorScheme: 'dark' },
  highContrast: { colorScheme: 'dark', forcedColors: 'active' },
};

const policy = (/** @type {object} */ json) => `policy=${encodeURIComponent(JSON.stringify(json))}`;
const SELECTED_GROUP = { linkedInAccountConnections: 'selected', selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' };

/**
 * Every state the pane can be in. `ready` returns what is on screen once the state is; `live` names the elements that
 * must sit inside a live region (so a screen reader hears them arrive); `expectedErrors` are console errors a state
 * causes on purpose (an injected 500 is logged by the browser).
 */
/** @type {PaneState[]} */
const STATES = [
  { name: 'public card', query: '', ready: (pane) => pane.getByText('Partnerships lead at Fabrikam · B2B SaaS') },
  { name: 'connected card', query: 'consent=twoWay', ready: (pane) => pane.getByText('12 mutual connections') },
  {
    name: 'notice: organisation mode no',
    query: policy({ linkedInAccountConnections: 'no' }),
    ready: (pane) => pane.locator('[data-reason="tenant-off"]'),
  },
  {
    name: 'notice: not in the selected group',
    query: `membership=notMember&${policy(SELECTED_GROUP)}`,
    ready: (pane) => pane.locator('[data-reason="not-in-selected-group"]'),
  },
  {
    name: 'notice: local Office policy disabled',
    query: `platform=windows&${policy({ officePolicy: { showLinkedInFeatures: 'disabled' } })}`,
    ready: (pane) => pane.locator('[data-reason="office-policy-off"]'),
  },
  {
    name: 'notice: member hidden',
    query: 'item=hidden-member&consent=twoWay',
    ready: (pane) => pane.locator('[data-reason="member-hidden"]'),
  },
  { name: 'no LinkedIn profile', query: 'item=unknown-sender', ready: (pane) => pane.locator('[data-state="no-match"]') },
  {
    name: 'invalid policy file',
    query: `policy=${encodeURIComponent('{"linkedInAccountConnections":"sometimes"}')}`,
    ready: (pane) => pane.locator('[data-state="policy-invalid"]'),
    live: '[data-state="policy-invalid"]',
  },
  {
    name: 'lookup fault with Retry',
    query: 'lookupFault=server',
    expectedErrors: [/500/],
    ready: (pane) => pane.getByRole('button', { name: 'Retry' }),
    live: '[data-error]',
  },
  {
    // A 500 may pass: Retry is offered (a 403 gets no Retry, since retrying can't help).
    name: 'insights fault with Retry',
    query: 'consent=twoWay&insightsFault=server',
    expectedErrors: [/500/],
    ready: (pane) => pane.getByRole('button', { name: 'Retry' }),
    live: '[data-error]',
  },
  { name: 'loading', query: 'latency=9000', ready: (pane) => pane.locator('[data-state="loading"]'), live: '[data-state="loading"]' },
  {
    name: 'loading connected insights',
    query: 'consent=twoWay&latency=3000',
    ready: (pane) => pane.locator('[data-state="connected-loading"]'),
    live: '[data-state="connected-loading"]',
  },
  {
    name: 'consent panel open',
    query: '',
    ready: openConsentPanel,
  },
  {
    name: 'settings: connected, confirming Disconnect',
    query: 'consent=linkedInToMicrosoft',
    ready: async (pane) => {
      await pane.getByRole('button', { name: 'Disconnect' }).click();
      return pane.getByRole('button', { name: 'Keep connected' });
    },
  },
  {
    name: 'disconnected notice',
    query: 'consent=twoWay',
    ready: async (pane) => {
      await pane.getByRole('button', { name: 'Disconnect' }).click();
      await pane.getByRole('button', { name: 'Disconnect' }).click();
      return pane.locator('[data-notice="disconnected"]');
    },
    live: '[data-notice="disconnected"]',
  },
  // Today (no item selected opens it), at 10:40 in Berlin so meetings are still ahead.
  {
    name: 'Today: not connected (no item selected)',
    query: 'item=none',
    ready: (pane) => pane.locator('[data-today="refused"]'),
    today: true,
  },
  {
    name: 'Today: the day, both ways',
    query: 'item=none&consent=twoWay',
    ready: (pane) => pane.locator('[data-today-person][data-state="match"]'),
    today: true,
  },
  {
    name: 'Today: a person opened from the day',
    query: 'item=none&consent=twoWay',
    ready: async (pane) => {
      await pane.locator('[data-today-person="aiko.tanaka@fabrikam.com"]').first().click();
      return pane.getByText('12 mutual connections');
    },
    today: true,
  },
  {
    name: 'Today: LinkedIn to Microsoft only',
    query: 'item=none&consent=linkedInToMicrosoft',
    ready: (pane) => pane.getByRole('button', { name: 'Share data both ways' }),
    today: true,
  },
  {
    name: 'Today: the calendar not granted',
    query: 'item=none&consent=twoWay&calendar=notGranted',
    // The local Entra refuses the calendar's token, as Entra does without admin consent.
    expectedErrors: [/403/],
    ready: (pane) => pane.locator('[data-today="not-granted"]'),
    live: '[data-today="not-granted"]',
    today: true,
  },
  {
    name: 'Today: Graph busy',
    query: 'item=none&consent=twoWay&calendarFault=throttled',
    expectedErrors: [/429/],
    ready: (pane) => pane.locator('[data-today="error"]'),
    live: '[data-today="error"]',
    today: true,
  },
  {
    name: 'Today in Arabic',
    query: 'item=none&consent=twoWay&lang=ar-SA',
    ready: (pane) => pane.locator('[data-today="ready"]'),
    today: true,
  },
  { name: '500-recipient switcher', query: 'item=all-company', ready: (pane) => pane.getByRole('button', { name: 'Show 20 more' }) },
  // Other display languages: German's long words must still fit; Arabic mirrors the pane (right to left).
  { name: 'German, connected card', query: 'lang=de-DE&consent=twoWay', ready: (pane) => pane.locator('[data-state="connected-card"]') },
  {
    name: 'Arabic (right to left), public card',
    query: 'lang=ar-SA&item=on-behalf-rtl',
    ready: (pane) => pane.locator('[data-state="public-card"], [data-state="no-match"]'),
  },
];

/** axe's serious and critical violations in the pane, one readable line per element: rule, impact, target, why. */
/** @param {Page} page */
async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).include(PANE).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) at ${node.target.flat().join(' >>> ')}: ${violation.help}. ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
      ),
    );
}

/** Everything in the pane that scrolls or is cut off sideways at the pane's width. */
/** @param {Frame} frame */
async function horizontalOverflow(frame) {
  return frame.evaluate(() => {
    /** @type {string[]} */
    const found = [];
    const describe = (/** @type {Element} */ el) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-state') ? `[data-state=${el.getAttribute('data-state')}]` : ''}`;
    for (const el of [document.documentElement, document.body]) {
      if (el.scrollWidth > el.clientWidth) found.push(`${describe(el)} scrolls: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' || style.textOverflow === 'ellipsis') continue;
      // Clipping only matters where there is text to cut off (a skeleton's shimmer is clipped by design); a scrollbar always does.
      if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && !el.textContent?.trim()) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        found.push(`${describe(el)} (overflow-x: ${style.overflowX}) is ${el.scrollWidth} px wide in ${el.clientWidth} px`);
    }
    return { width: window.innerWidth, found };
  });
}

/** Whether each of the given elements sits inside a live region (role status/alert/log or aria-live other than off). */
/** @param {Frame} frame @param {string} selector */
async function outsideLiveRegions(frame, selector) {
  return frame.evaluate((css) => {
    const live = '[role="status"], [role="alert"], [role="log"], [aria-live="polite"], [aria-live="assertive"]';
    const elements = [...document.querySelectorAll(css)];
    return { count: elements.length, outside: elements.filter((el) => !el.closest(live)).map((el) => el.outerHTML.slice(0, 120)) };
  }, selector);
}

describe('axe: no serious or critical violation in any pane state, in every theme; nothing scrolls sideways at 320 px', () => {
  for (const state of STATES) {
    for (const [theme, media] of Object.entries(THEMES)) {
      test(`${state.name} — ${theme}`, async () => {
        const query = [state.query, `theme=${theme}`].filter(Boolean).join('&');
        const clock = state.today ? { timezoneId: 'Europe/Berlin', time: new Date('2026-12-05T10:40:00+01:00') } : {};
        const session = await openWorkbench(harness, `?${query}`, state.expectedErrors ?? [], clock);
        await session.page.emulateMedia(media);
        await (await state.ready(session.pane)).first().waitFor();
        const frame = paneFrame(session.page);
        // The theme really reached the pane: its background follows Office's theme.
        const background = await frame.evaluate(
          () => getComputedStyle(/** @type {Element} */ (document.querySelector('.fui-FluentProvider'))).backgroundColor,
        );
        assert.equal(background === 'rgb(255, 255, 255)', theme === 'light', `the ${theme} theme is applied (background ${background})`);

        // First, while a loading state is still on screen: it is announced.
        if (state.live) {
          const { count, outside } = await outsideLiveRegions(frame, state.live);
          assert.ok(count > 0, `${state.live} is on screen`);
          assert.deepEqual(outside, [], `"${state.name}" is announced: ${state.live} sits inside a live region`);
        }

        const violations = await seriousViolations(session.page);
        assert.deepEqual(
          violations,
          [],
          `axe found serious or critical violations in "${state.name}" (${theme}):\n${violations.join('\n')}`,
        );

        const overflow = await horizontalOverflow(frame);
        assert.equal(overflow.width, PANE_WIDTH, 'the pane is 320 px wide');
        assert.deepEqual(overflow.found, [], `"${state.name}" (${theme}) scrolls or is cut off sideways at 320 px`);
        await done(session);
      });
    }
  }

  test('high contrast (forced colors): the person shown is marked in the switcher by more than a background colour', async () => {
    const session = await openWorkbench(harness, '?theme=highContrast');
    await session.page.emulateMedia(THEMES.highContrast);
    await session.pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    // Forced colors replace every background with the system's: the mark must be a line in a system colour.
    const marks = await paneFrame(session.page).evaluate(() => {
      const canvas = getComputedStyle(/** @type {Element} */ (document.querySelector('.fui-FluentProvider'))).backgroundColor;
      return [...document.querySelectorAll('[role="option"]')].map((option) => {
        const style = getComputedStyle(option);
        const visible =
          style.borderLeftStyle !== 'none' &&
          parseFloat(style.borderLeftWidth) >= 2 &&
          !/rgba\(.*, 0\)$/.test(style.borderLeftColor) &&
          style.borderLeftColor !== canvas;
        return `${option.getAttribute('aria-selected') === 'true' ? 'selected' : 'other'}: ${visible ? 'marked' : 'unmarked'}`;
      });
    });
    assert.deepEqual(marks, ['selected: marked', 'other: unmarked']);
    await done(session);
  });
});

/** What has focus in the pane, and whether it is on screen with a visible focus indicator. */
/** @param {Page} page */
async function focusInPane(page) {
  const topFocus = await page.evaluate(() => document.activeElement?.getAttribute('title') ?? document.activeElement?.tagName);
  const inPane = await paneFrame(page).evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement)
      return { lost: true, role: '', name: '', onScreen: false, indicator: false, focusVisible: false };
    const rect = el.getBoundingClientRect();
    const onScreen =
      rect.width > 0 &&
      rect.height > 0 &&
      rect.bottom > 0 &&
      rect.top < window.innerHeight &&
      rect.right > 0 &&
      rect.left < window.innerWidth;
    // The indicator is on the element or, for Fluent's radios and switches (a hidden native input), on its root.
    const chain = /** @type {Element[]} */ ([el, el.parentElement, el.parentElement?.parentElement].filter(Boolean));
    const indicator = chain.some((node) =>
      [null, '::after', '::before'].some((pseudo) => {
        const style = getComputedStyle(node, pseudo);
        if (pseudo && style.content === 'none') return false;
        return (
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
          (pseudo === null && style.boxShadow !== 'none' && node === el) ||
          (pseudo !== null && style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0) ||
          // Fluent's links: a double underline.
          (pseudo === null && node === el && style.textDecorationStyle === 'double')
        );
      }),
    );
    const focusVisible =
      el.matches(':focus-visible') || el.hasAttribute('data-fui-focus-visible') || Boolean(el.closest('[data-fui-focus-within]'));
    const name = (
      el.getAttribute('aria-label') ||
      el.closest('label')?.textContent ||
      /** @type {HTMLInputElement} */ (el).labels?.[0]?.textContent ||
      el.textContent ||
      ''
    )
      .trim()
      .replace(/\s+/g, ' ');
    return {
      lost: false,
      role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
      name: name.slice(0, 80),
      onScreen,
      indicator,
      focusVisible,
    };
  });
  return { topFocus, ...inPane };
}

/** @param {Page} page @param {string} step */
async function assertVisibleFocus(page, step) {
  const focus = await focusInPane(page);
  assert.equal(focus.topFocus, 'LinkedIn profile card task pane', `${step}: focus is in the task pane`);
  assert.equal(focus.lost, false, `${step}: focus is on an element in the pane, not lost to the page`);
  assert.ok(focus.onScreen, `${step}: the focused element (${focus.role} "${focus.name}") is on screen`);
  assert.ok(focus.focusVisible && focus.indicator, `${step}: the focused element (${focus.role} "${focus.name}") shows a focus indicator`);
  return focus;
}

/** Presses Tab (or Shift+Tab) until the pane's focused element matches, checking visible focus at every stop. */
/**
 * @param {Page} page @param {(focus: Focus) => boolean} matches @param {string} step
 * @returns {Promise<Focus>}
 */
async function tabTo(page, matches, step, key = 'Tab', limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const focus = await focusInPane(page).catch(() => null);
    if (focus?.topFocus !== 'LinkedIn profile card task pane' || focus.lost) continue;
    await assertVisibleFocus(page, `${step} (${key} #${i + 1})`);
    if (matches(focus)) return focus;
  }
  assert.fail(`${step}: ${key} never reached it`);
}

describe('keyboard only', () => {
  test('switch person, connect (choosing with arrows, signing in in the dialog), disconnect: focus always visible', async () => {
    const session = await openWorkbench(harness);
    const { page, pane, context } = session;
    await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();

    // Into the pane: its first stop is the person shown.
    let focus = await tabTo(page, (f) => f.role === 'option', 'Tab into the pane', 'Tab', 30);
    assert.match(focus.name, /Aiko Tanaka/);
    // Arrows move between people; Enter shows the one focused, and focus stays on them.
    await page.keyboard.press('ArrowDown');
    focus = await assertVisibleFocus(page, 'ArrowDown in the switcher');
    assert.match(focus.name, /Alex Wilber/);
    await page.keyboard.press('Enter');
    await pane.getByText('Finance manager at Contoso').waitFor();
    await pane.getByRole('option', { name: /Alex Wilber/, selected: true }).waitFor();
    focus = await assertVisibleFocus(page, 'Enter shows Alex');
    assert.match(focus.name, /Alex Wilber/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press(' ');
    await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    focus = await assertVisibleFocus(page, 'Space shows Aiko');
    assert.match(focus.name, /Aiko Tanaka/);
    // Shift+Tab leaves the switcher backwards and Tab comes back to the person shown.
    await page.keyboard.press('Tab');
    await assertVisibleFocus(page, 'Tab past the switcher');
    await page.keyboard.press('Shift+Tab');
    focus = await assertVisibleFocus(page, 'Shift+Tab back to the switcher');
    assert.match(focus.name, /Aiko Tanaka/);

    // Connect: the panel opens with focus on the choice; arrows choose; Space continues.
    await tabTo(page, (f) => f.name === 'Connect your LinkedIn account', 'Tab to Connect');
    await page.keyboard.press('Enter');
    await pane.getByRole('button', { name: 'Continue to LinkedIn' }).waitFor();
    focus = await assertVisibleFocus(page, 'the consent panel opened');
    assert.equal(focus.role, 'input', 'focus moved to the choice');
    await page.keyboard.press('ArrowUp');
    assert.ok(await pane.getByRole('radio', { name: 'Share data both ways' }).isChecked(), 'ArrowUp chose "Share data both ways"');
    await assertVisibleFocus(page, 'ArrowUp chose both ways');
    await tabTo(page, (f) => f.name === 'Continue to LinkedIn', 'Tab to Continue');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press(' ')]);

    // The simulated LinkedIn dialog, by keyboard too.
    await popup.getByRole('button', { name: 'Allow' }).waitFor();
    for (let i = 0; i < 10 && !(await popup.evaluate(() => document.activeElement?.textContent === 'Allow')); i++)
      await popup.keyboard.press('Tab');
    assert.ok(
      await popup.evaluate(
        () => document.activeElement?.matches(':focus-visible') && getComputedStyle(document.activeElement).outlineStyle !== 'none',
      ),
      'Allow shows its focus',
    );
    await popup.keyboard.press('Enter');
    await pane.getByText('12 mutual connections').waitFor();
    assert.match(await pane.locator('[data-connection]').innerText(), /data shared both ways/);
    // Back in the pane, focus lands on what happened, not on the page.
    focus = await assertVisibleFocus(page, 'connected');
    assert.match(focus.name, /Connected to LinkedIn/);

    // Disconnect: Enter asks first, with focus on the safe answer; Shift+Tab to Disconnect, Enter.
    await tabTo(page, (f) => f.name === 'Disconnect', 'Tab to Disconnect');
    await page.keyboard.press('Enter');
    focus = await assertVisibleFocus(page, 'Disconnect asks first');
    assert.equal(focus.name, 'Keep connected');
    await page.keyboard.press('Shift+Tab');
    focus = await assertVisibleFocus(page, 'Shift+Tab to Disconnect');
    assert.equal(focus.name, 'Disconnect');
    await page.keyboard.press('Enter');
    await pane.getByText(/Your LinkedIn account is disconnected/).waitFor();
    focus = await assertVisibleFocus(page, 'disconnected');
    assert.match(focus.name, /Your LinkedIn account is disconnected/);
    await done(session);
  });
});
