// Browser-test harness: the built workbench served on 127.0.0.1, Debian's chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';

const require = createRequire(import.meta.url);
const { startServer } = require('../../scripts/serve-dist.cjs');

export const DIST = process.env.DIST_DIR ?? 'dist-workbench';

export async function startHarness() {
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST}/ is not built: run npm run build:workbench first`);
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const server = await startServer({ root: DIST, port: 0 });
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launchChromium();
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Runs in every page and frame before its own scripts: each Content Security Policy violation becomes a console error,
 * so any journey that meets one fails (Chromium's own "Refused to …" messages are errors too; this also catches
 * violations it reports without a message).
 */
export function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(
      `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI} (${event.disposition})`,
    );
  });
}

/**
 * A fresh context (no storage shared with other tests) that records console errors and uncaught exceptions.
 * Office.js is served only by Microsoft's CDN, out of reach here: it is answered with an empty script, as the
 * workbench does not use it. `expectedErrors` lists failures a journey injects on purpose (e.g. a 429).
 */
export async function openWorkbench(harness, query = '', expectedErrors = []) {
  const context = await harness.browser.newContext({ viewport: { width: 1500, height: 900 } });
  await context.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
  );
  const errors = [];
  const watch = (page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (!expectedErrors.some((pattern) => pattern.test(text))) errors.push(text);
    });
    page.on('pageerror', (error) => errors.push(String(error)));
  };
  context.on('page', watch);
  await context.addInitScript(reportCspViolations);
  // Every request to the insights service, recorded from before the first navigation.
  const linkedInRequests = [];
  context.on('request', (request) => {
    if (request.url().includes('/api/v1/')) linkedInRequests.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  const page = await context.newPage();
  await page.goto(`${harness.base}${query}`);
  const pane = page.frameLocator('iframe[title="LinkedIn profile card task pane"]');
  return { context, page, pane, errors, linkedInRequests };
}

/**
 * One harness for a test file: started before its tests, closed after them. The object is filled in when it starts,
 * so it can be handed to openWorkbench from any test.
 */
export function useHarness() {
  const harness = {};
  before(async () => {
    Object.assign(harness, await startHarness());
  });
  after(async () => {
    await harness.close?.();
  });
  return harness;
}

/** Ends a journey: closes its context and fails on any console error or uncaught exception it met. */
export async function done(session) {
  await session.context.close();
  assert.deepEqual(session.errors, [], 'no console error or uncaught exception');
}

/** Opens the consent panel from a public card: what is on screen once it is open (its "Continue to LinkedIn"). */
export async function openConsentPanel(pane) {
  await pane.getByRole('button', { name: 'Connect your LinkedIn account' }).click();
  return pane.getByRole('button', { name: 'Continue to LinkedIn' });
}
