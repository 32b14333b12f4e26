// The workbench on the real insights service (issue 14): `npm start` as the README says serves a card that came from
// the service, not from a worker in the browser; and a connection made through the real sign-in outlives a restart of
// the service. Run: npm run test:e2e
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';
import { done, openWorkbench, paneFrame, useHarness } from './harness.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'workbench-data-'));
const harness = useHarness({ dataDir });
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** The workbench user's connection as the service's own API reports it (GET /api/v1/connection with their token). */
/** @param {string} base */
async function connectionOnService(base) {
  const { accessToken } = await (await fetch(new URL('__workbench/token', base), { method: 'POST' })).json();
  const answer = await fetch(new URL('api/v1/connection', base), { headers: { Authorization: `Bearer ${accessToken}` } });
  assert.equal(answer.status, 200);
  return answer.json();
}

/** @param {import('./harness.mjs').Session} session */
async function connectBothWays(session) {
  const { pane, context } = session;
  await pane.getByRole('button', { name: 'Connect your LinkedIn account' }).click();
  await pane.getByRole('radio', { name: 'Share data both ways' }).check();
  const [popup] = await Promise.all([context.waitForEvent('page'), pane.getByRole('button', { name: 'Continue to LinkedIn' }).click()]);
  await popup.getByRole('button', { name: 'Allow' }).click();
  await pane.getByText('12 mutual connections').waitFor();
}

describe('a connection is kept by the service', () => {
  test('connect through the real sign-in, restart the service, reopen the pane: still connected, the same connection', async () => {
    const session = await openWorkbench(harness);
    await connectBothWays(session);
    const before = await connectionOnService(harness.base);
    assert.equal(before.status, 'connected');
    assert.equal(before.consent, 'twoWay');
    const link = session.page.url();
    assert.match(link, /consent=twoWay/);
    await done(session);

    await harness.restart();
    const reopened = await openWorkbench(harness, new URL(link).search);
    const told = reopened.page.waitForResponse((response) => response.url().endsWith('/__workbench/connection'));
    await reopened.pane.getByText('12 mutual connections').waitFor();
    assert.match(await reopened.pane.locator('[data-connection]').innerText(), /data shared both ways/);
    // The workbench asked the service to hold what the link says; it already did, so nothing was made up.
    assert.equal((await (await told).json()).changed, false);
    assert.deepEqual(await connectionOnService(harness.base), before, 'the very connection made before the restart');
    await done(reopened);
  });
});

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm start, as the README says', () => {
  test(
    "shows the workbench within a minute, and the pane's card comes from the service, not from a worker",
    { timeout: 180_000 },
    async () => {
      const port = await freePort();
      const distDir = mkdtempSync(join(tmpdir(), 'workbench-build-'));
      const started = Date.now();
      const npm = spawn('npm', ['start'], {
        env: { ...process.env, PORT: String(port), DIST_DIR: distDir },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      npm.stdout.on('data', (chunk) => (output += chunk));
      npm.stderr.on('data', (chunk) => (output += chunk));
      const browser = await launchChromium();
      try {
        const url = await new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`npm start was not ready in 120 s:\n${output}`)), 120_000);
          const watch = setInterval(() => {
            const match = /workbench ready on (http:\/\/localhost:\d+\/)/.exec(output);
            if (!match) return;
            clearInterval(watch);
            clearTimeout(timer);
            resolve(match[1]);
          }, 100);
          npm.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
        });
        assert.equal(url, `http://localhost:${port}/`, 'the address the README gives, on the port asked');
        const context = await browser.newContext();
        await context.route('https://appsforoffice.microsoft.com/**', (route) =>
          route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
        );
        await context.route('https://media.licdn.com/**', (route) => route.fulfill({ status: 404, body: '' }));
        const page = await context.newPage();
        const lookup = page.waitForResponse((response) => response.url().endsWith('/api/v1/profiles/lookup'));
        await page.goto(url);
        const pane = page.frameLocator('iframe[title="LinkedIn profile card task pane"]');
        await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
        const elapsed = Date.now() - started;
        assert.ok(elapsed < 60_000, `a real card within a minute of npm start (took ${elapsed} ms)`);
        const answer = await lookup;
        assert.equal(answer.fromServiceWorker(), false, 'the lookup was answered over the network');
        assert.equal(answer.status(), 200);
        // The service's own headers (its rate limiter and helmet), which nothing in the browser would add.
        const headers = await answer.allHeaders();
        assert.ok(headers['x-ratelimit-limit'], 'answered by the service (its rate limiter counted it)');
        assert.equal(headers['x-content-type-options'], 'nosniff');
        const frame = paneFrame(page);
        assert.deepEqual(
          await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
          0,
          'no service worker',
        );
        await context.close();
      } finally {
        await browser.close();
        const exited = new Promise((resolve) => npm.once('exit', resolve));
        assert.ok(npm.pid, 'npm start has a process id');
        process.kill(-npm.pid, 'SIGTERM');
        await exited;
        rmSync(distDir, { recursive: true, force: true });
      }
    },
  );

  test('on a taken port, says so at once and which setting changes it, before building anything', { timeout: 60_000 }, async () => {
    const taken = createServer();
    await new Promise((resolve) => taken.listen(0, '127.0.0.1', () => resolve(undefined)));
    const { port } = /** @type {import('node:net').AddressInfo} */ (taken.address());
    const distDir = join(mkdtempSync(join(tmpdir(), 'workbench-build-')), 'dist');
    try {
      const npm = spawn('npm', ['start'], {
        env: { ...process.env, PORT: String(port), DIST_DIR: distDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      npm.stdout.on('data', (chunk) => (output += chunk));
      npm.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise((resolve) => npm.once('exit', resolve));
      assert.equal(code, 1, output);
      assert.match(output, new RegExp(`Port ${port} is taken.*set PORT`), 'names the port and the setting');
      assert.equal(existsSync(distDir), false, 'nothing was built');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
      rmSync(dirname(distDir), { recursive: true, force: true });
    }
  });

  test('stopped as soon as it has built (Ctrl+C), it still leaves webpack its cache for the next start', { timeout: 180_000 }, async () => {
    const port = await freePort();
    const work = mkdtempSync(join(tmpdir(), 'workbench-cache-'));
    const cacheDir = join(work, 'cache');
    const npm = spawn('npm', ['start'], {
      env: { ...process.env, PORT: String(port), DIST_DIR: join(work, 'dist'), WEBPACK_CACHE_DIR: cacheDir },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk) => (output += chunk));
    npm.stderr.on('data', (chunk) => (output += chunk));
    try {
      // Stopped the moment the build is done: webpack first writes its cache after 5 s without a build, so nothing
      // is written yet, and only its own stop can write it.
      await until(
        () => output.includes('workbench built'),
        120_000,
        () => `npm start did not build:\n${output}`,
      );
      assert.equal(existsSync(join(cacheDir, 'development-workbench', 'index.pack')), false, 'not written yet');
      // What Ctrl+C does: SIGINT to npm start's whole process group (npm forwards it to its script as well).
      assert.ok(npm.pid, 'npm start has a process id');
      process.kill(-npm.pid, 'SIGINT');
      await until(
        () => existsSync(join(cacheDir, 'development-workbench', 'index.pack')),
        60_000,
        () => `no cache written:\n${output}`,
      );
    } finally {
      // Whatever is left of the group (nothing once it stopped; webpack then leaves as its stdin closes).
      if (npm.pid) killGroup(npm.pid);
      rmSync(work, { recursive: true, force: true });
    }
  });
});

/** Resolves once `ready()` holds (checked every 100 ms), or fails with `why()` after `ms`. */
function until(/** @type {() => boolean} */ ready, /** @type {number} */ ms, /** @type {() => string} */ why) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(watch);
      reject(new Error(why()));
    }, ms);
    const watch = setInterval(() => {
      if (!ready()) return;
      clearInterval(watch);
      clearTimeout(timer);
      resolve(undefined);
    }, 100);
  });
}

/** SIGKILL to a process group that may already be gone. */
function killGroup(/** @type {number} */ pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // gone already
  }
}
