// The README's screenshots, taken during the browser run from the built workbench, each only once the state it
// shows is on screen. `npm run screenshots` writes them to docs/screenshots/; a plain e2e run writes them to
// build/screenshots/ so CI never changes the checkout.
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openConsentPanel, openWorkbench, useHarness } from './harness.mjs';

const OUT = process.env.SCREENSHOTS_DIR ?? 'build/screenshots';
const PANE = 'iframe[title="LinkedIn profile card task pane"]';

const harness = useHarness();
mkdirSync(OUT, { recursive: true });

/**
 * @type {{ name: string, query: string, clock?: { timezoneId: string, time: Date },
 *   ready: (pane: import('playwright-core').FrameLocator) => import('playwright-core').Locator | Promise<import('playwright-core').Locator> }[]}
 */
const shots = [
  { name: 'public-card', query: '', ready: (pane) => pane.getByText('Partnerships lead at Fabrikam · B2B SaaS') },
  { name: 'connected-card', query: '?consent=twoWay', ready: (pane) => pane.getByText('12 mutual connections') },
  {
    name: 'policy-notice',
    query: `?membership=notMember&policy=${encodeURIComponent(JSON.stringify({ linkedInAccountConnections: 'selected', selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' }))}`,
    ready: (pane) => pane.locator('[data-reason="not-in-selected-group"]'),
  },
  {
    name: 'search-linkedin',
    query: '?item=unknown-sender',
    ready: (pane) => pane.locator('[data-action="search-linkedin"]'),
  },
  {
    name: 'consent-panel',
    query: '',
    ready: openConsentPanel,
  },
  {
    // Today at 10:40 in Berlin: the meeting now, the next one, their people with their headlines.
    name: 'today',
    query: '?item=none&consent=twoWay',
    clock: { timezoneId: 'Europe/Berlin', time: new Date('2026-12-05T10:40:00+01:00') },
    ready: (pane) => pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').first(),
  },
  {
    name: 'settings',
    query: '?consent=linkedInToMicrosoft',
    ready: async (pane) => {
      const settings = pane.getByRole('heading', { name: 'Settings' });
      await settings.scrollIntoViewIfNeeded();
      return settings;
    },
  },
];

for (const shot of shots) {
  test(`screenshot: ${shot.name}`, async () => {
    const session = await openWorkbench(harness, shot.query, [], shot.clock);
    await (await shot.ready(session.pane)).waitFor();
    await session.page.waitForTimeout(300);
    const file = join(OUT, `${shot.name}.png`);
    await session.page.locator(PANE).screenshot({ path: file });
    assert.ok(statSync(file).size > 5000, `${file} holds a picture`);
    await session.context.close();
    assert.deepEqual(session.errors, []);
  });
}

test('screenshot: workbench', async () => {
  const session = await openWorkbench(harness);
  await session.pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
  await session.page.setViewportSize({ width: 1440, height: 900 });
  await session.page.waitForTimeout(300);
  const file = join(OUT, 'workbench.png');
  await session.page.screenshot({ path: file });
  assert.ok(statSync(file).size > 20000);
  await session.context.close();
  assert.deepEqual(session.errors, []);
});
