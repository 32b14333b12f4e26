// Browser-test harness: the built workbench served by the insights service in development mode (dev/service/, the
// real service with its local stand-ins, as `npm start` runs it) on loopback, opened at the address it prints
// (http://localhost:PORT/, as README and `npm start` say), Debian's chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';

const require = createRequire(import.meta.url);

export const DIST = process.env.DIST_DIR ?? 'dist-workbench';

/**
 * @typedef {{ port?: number, dataDir?: string }} ServiceOptions
 * @typedef {{ base: string, browser: import('playwright-core').Browser, restart: () => Promise<void>, close: () => Promise<void> }} Harness
 * @typedef {{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page,
 *   pane: import('playwright-core').FrameLocator, errors: string[], linkedInRequests: string[] }} Session
 */

/**
 * Starts the development service as its own process on `port` (0: any), the database in `dataDir` or in memory.
 * Resolves once it answers, with its port, the address it printed and a `stop()` that ends the process (SIGTERM).
 */
/** @param {ServiceOptions} options */
export async function startDevService({ port = 0, dataDir } = {}) {
  const args = [require.resolve('tsx/cli'), 'dev/service/main.ts', '--port', String(port), '--addin-dir', DIST];
  if (dataDir) args.push('--data-dir', dataDir);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  /** @type {{ url: string, port: number }} */
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the development service did not start in 60 s:\n${output}`)), 60_000);
    const read = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      const match = /workbench ready on (http:\/\/localhost:(\d+)\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1] ?? '', port: Number(match[2]) });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the development service exited (${code}):\n${output}`));
    });
  });
  return {
    port: ready.port,
    /** The address the service printed: the one a user opens. */
    url: ready.url,
    output: () => output,
    stop: () =>
      /** @type {Promise<void>} */ (
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        })
      ),
  };
}

/** @param {ServiceOptions} options @returns {Promise<Harness>} */
export async function startHarness(options = {}) {
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST}/ is not built: run npm run build:workbench first`);
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium`);
  let service = await startDevService(options);
  // The address the service prints (localhost), as a user opens it: the sign-in's redirects must work there too.
  const base = service.url;
  const browser = await launchChromium();
  return {
    base,
    browser,
    /** Stops the service and starts it again on the same port (and data folder): what a deployment's restart does. */
    async restart() {
      await service.stop();
      service = await startDevService({ ...options, port: service.port });
    },
    async close() {
      await browser.close();
      await service.stop();
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
 * A fresh context (no storage shared with other tests) that records console errors and uncaught exceptions; in a time
 * zone and from a time when asked (`timezoneId`, `time`). Nothing out of reach is answered for the workbench: it loads
 * no Office.js (its pages do without it) and the fixture people have no photos, so a journey that meets an unreachable
 * address fails here as it would show in a user's console. `expectedErrors` lists failures a journey injects on
 * purpose (e.g. a 429).
 */
/**
 * @param {Harness} harness
 * @param {string} query
 * @param {RegExp[]} expectedErrors
 * @param {{ timezoneId?: string, time?: number | string | Date }} clock
 * @returns {Promise<Session>}
 */
export async function openWorkbench(harness, query = '', expectedErrors = [], { timezoneId, time } = {}) {
  const context = await harness.browser.newContext({ viewport: { width: 1500, height: 900 }, ...(timezoneId ? { timezoneId } : {}) });
  // `time`: the browser's clock starts there and runs on (Today's journeys: a morning, a minute before midnight).
  if (time) await context.clock.install({ time });
  /** @type {string[]} */
  const errors = [];
  const watch = (/** @type {import('playwright-core').Page} */ page) => {
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
  /** @type {string[]} */
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
/** @param {ServiceOptions} options */
export function useHarness(options = {}) {
  const harness = /** @type {Harness} */ ({});
  before(async () => {
    Object.assign(harness, await startHarness(options));
  });
  after(async () => {
    await harness.close?.();
  });
  return harness;
}

/** Ends a journey: closes its context and fails on any console error or uncaught exception it met. */
/** @param {Session} session */
export async function done(session) {
  await session.context.close();
  assert.deepEqual(session.errors, [], 'no console error or uncaught exception');
}

/** Opens the consent panel from a public card: what is on screen once it is open (its "Continue to LinkedIn"). */
/** @param {import('playwright-core').FrameLocator} pane */
export async function openConsentPanel(pane) {
  await pane.getByRole('button', { name: 'Connect your LinkedIn account' }).click();
  return pane.getByRole('button', { name: 'Continue to LinkedIn' });
}

/** The task pane's document in the workbench (workbench-pane.html inside its 320 px iframe), which must be open. */
export function paneFrame(/** @type {import('playwright-core').Page} */ page) {
  const frame = page.frames().find((candidate) => candidate.url().includes('workbench-pane'));
  assert.ok(frame, 'the task pane frame is open');
  return frame;
}

/** Where an element is on screen; it must be shown. */
export async function boxOf(/** @type {import('playwright-core').Locator} */ locator) {
  const box = await locator.boundingBox();
  assert.ok(box, 'the element is shown');
  return box;
}
