// The timed runs of npm run bench, each in fresh browser contexts. Times are taken inside the page:
// performance.now() at the animation frame after the awaited text is in the DOM, i.e. when it is painted.
const WAITER = `
  window.__benchWaitText = (text) => new Promise((resolve) => {
    const present = () => Boolean(document.body && document.body.textContent.includes(text));
    const painted = () => requestAnimationFrame(() => resolve(performance.now()));
    if (present()) return painted();
    const observer = new MutationObserver(() => {
      if (present()) { observer.disconnect(); painted(); }
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
  document.addEventListener('click', () => { window.__clickAt = performance.now(); }, true);
`;

// The network as the page's main thread sees it, on the page's performance timeline beside the pane's own marks
// (src/shared/timeline.ts): the first policy file and lookup fetch sent (`net:<name>:sent`), its answer given to the
// page (`net:<name>:answered`: the fetch promise settled, a task of the main thread) and its body read
// (`net:<name>:read`). The resource timing says when the answer arrived on the network.
const TIMELINE = `
  (() => {
    const kind = (url) => (url.includes('profiles/lookup') ? 'lookup' : url.includes('linkedin-policy.json') ? 'policy' : null);
    const markOnce = (name) => { if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name); };
    const fetch = window.fetch;
    window.fetch = function (input, init) {
      const name = kind(String(input instanceof Request ? input.url : input));
      if (name) markOnce('net:' + name + ':sent');
      const sent = fetch.call(this, input, init);
      if (name) sent.then(() => markOnce('net:' + name + ':answered'), () => undefined);
      return sent;
    };
    const text = Response.prototype.text;
    Response.prototype.text = function () {
      const name = kind(this.url);
      const read = text.call(this);
      if (name) read.then(() => markOnce('net:' + name + ':read'), () => undefined);
      return read;
    };
  })();
`;

/**
 * The page's timeline (bench-runs.mjs TIMELINE and the pane's marks), ms from navigation start: each mark's first time,
 * and `net:<name>:arrived` (resource timing's responseEnd) for the first lookup and policy file.
 * @param {Page} page @returns {Promise<Record<string, number>>}
 */
export function timelineOf(page) {
  return page.evaluate(() => {
    /** @type {Record<string, number>} */
    const at = {};
    for (const mark of performance.getEntriesByType('mark')) at[mark.name] ??= mark.startTime;
    for (const entry of /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))) {
      const name = entry.name.includes('profiles/lookup') ? 'lookup' : entry.name.includes('linkedin-policy.json') ? 'policy' : null;
      if (name) {
        at[`net:${name}:arrived`] ??= entry.responseEnd;
        // Where a request waits: for a connection (its start), for the server's first byte (request sent).
        at[`net:${name}:connected`] ??= entry.connectEnd;
        at[`net:${name}:requestStart`] ??= entry.requestStart;
        at[`net:${name}:firstByte`] ??= entry.responseStart;
      }
      if (/\/pane\.[^/]*\.js$/.test(new URL(entry.name).pathname)) at['net:paneChunk:arrived'] ??= entry.responseEnd;
    }
    return at;
  });
}

/**
 * What the benchmark puts on its pages (WAITER, the init scripts) and what the pane page offers it (dev/bench/pane/benchHost.ts).
 * @typedef {Window & {
 *   __benchWaitText: (text: string) => Promise<number>,
 *   __cold?: Promise<number>, __then?: Promise<number>, __pending?: Promise<number>, __clickAt?: number,
 *   __bench?: { selectItem: (key: string, recipients: number) => void },
 * }} BenchWindow
 * @typedef {import('playwright-core').Browser} Browser
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('./bench-api.mjs').BenchApi} BenchApi
 */

/**
 * A fresh context and page with the waiter; `coldText` and `thenText` are awaited from the first script on.
 * @param {Browser} browser @param {{ coldText?: string, thenText?: string }} [texts]
 */
async function openPage(browser, { coldText, thenText } = {}) {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url ?? ''}`);
  });
  await page.addInitScript(WAITER);
  await page.addInitScript(TIMELINE);
  if (coldText)
    await page.addInitScript((text) => {
      const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
      w.__cold = w.__benchWaitText(text);
    }, coldText);
  if (thenText)
    await page.addInitScript((text) => {
      const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
      w.__then = w.__benchWaitText(text);
    }, thenText);
  const check = () => {
    if (errors.length) throw new Error(`the page reported errors: ${errors.join(' | ')}`);
  };
  return { context, page, check };
}

/** @param {string} email */
const headline = (email) => `Bench headline [${email}]`;

/** The bare page's first paint, cold. @param {Browser} browser @param {string} base */
export function coldBare(browser, base) {
  return coldRun(browser, base, 'benchBare.html', 'Bench Person');
}

/**
 * The floor page's first paint, cold: the pane's own view with the sender's card, drawn from static props.
 * @param {Browser} browser @param {string} base
 */
export function coldFloor(browser, base) {
  return coldRun(browser, base, 'benchFloor.html?item=first&recipients=2', headline('first.person0@fabrikam.com'));
}

/**
 * The pane opened cold on a mail from person 0 (with 2 recipients): their card painted, and `thenText` after it.
 * `page`: benchPane.html, or the page with the policy file inlined as `npm run serve` serves it (row b2).
 * @param {Browser} browser @param {string} base @param {string} [thenText] @param {string} [page]
 */
export function coldPane(browser, base, thenText, page = 'benchPane.html') {
  return coldRun(browser, base, `${page}?item=first&recipients=2`, headline('first.person0@fabrikam.com'), thenText);
}

/**
 * Navigation start → `text` painted, in a fresh context (nothing cached); with `thenText`, also navigation start →
 * that text painted (the rest of the pane, shown after the card). Also the scripts the page loaded before `text`.
 * @param {Browser} browser @param {string} base @param {string} path @param {string} text @param {string} [thenText]
 * @returns {Promise<{ paintedMs: number, thenMs: number | undefined, scripts: string[], timeline: Record<string, number> }>}
 */
export async function coldRun(browser, base, path, text, thenText) {
  const { context, page, check } = await openPage(browser, thenText ? { coldText: text, thenText } : { coldText: text });
  /** @type {string[]} */
  const scripts = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(`${base}${path}`, { waitUntil: 'commit' });
  const paintedMs = await page.evaluate(
    () => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).__cold ?? Promise.reject(new Error('no cold text awaited')),
  );
  const loadedBeforeCard = [...scripts];
  const thenMs = thenText
    ? await page.evaluate(
        () => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).__then ?? Promise.reject(new Error('no text after')),
      )
    : undefined;
  const timeline = await timelineOf(page);
  check();
  await context.close();
  return { paintedMs, thenMs, scripts: loadedBeforeCard, timeline };
}

/**
 * One round trip to the stand-in service as the pane makes it (a lookup: POST, JSON, a bearer token), timed in a page
 * already loaded, so its connection is open as the pane's is: fetch sent → answer read. What the budgets' "round
 * trip" costs here: the stand-in's latency plus the local HTTP exchange (browser, network service, the benchmark's
 * server), which is not zero at latency 0. Median of three, in a fresh context.
 * @param {Browser} browser @param {string} base @returns {Promise<number>}
 */
export async function roundTrip(browser, base) {
  const { context, page, check } = await openPage(browser);
  await page.goto(`${base}benchBare.html`);
  const times = await page.evaluate(async () => {
    /** @type {number[]} */
    const all = [];
    for (let n = 0; n < 3; n += 1) {
      const start = performance.now();
      const response = await fetch('api/v1/profiles/lookup', {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer bench-token' },
        body: JSON.stringify({ emails: [`round.trip${n}@fabrikam.com`] }),
        credentials: 'omit',
        cache: 'no-store',
      });
      await response.json();
      all.push(performance.now() - start);
    }
    return all;
  });
  check();
  await context.close();
  return median(times);
}

/**
 * The pane open on a generated mail (`key`, with `recipients` besides the sender), once the sender's card is painted.
 * @param {Browser} browser @param {string} base @param {string} key @param {number} recipients
 */
async function openOnMail(browser, base, key, recipients) {
  const opened = await openPage(browser);
  await opened.page.goto(`${base}benchPane.html?item=${key}&recipients=${recipients}`);
  await opened.page.evaluate(
    (text) => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).__benchWaitText(text),
    headline(`${key}.person0@fabrikam.com`),
  );
  return opened;
}

/**
 * Switching back and forth between two people already looked up: click → card painted, and requests made.
 * @param {Browser} browser @param {string} base @param {BenchApi} api @param {number} runs
 */
export async function warmSwitch(browser, base, api, runs) {
  const { context, page, check } = await openOnMail(browser, base, 'warm', 2);
  /** @type {number[]} */
  const times = [];
  let maxRequests = 0;
  for (let run = 0; run < runs + 1; run += 1) {
    const target = run % 2 === 0 ? 1 : 0;
    const before = api.requests.length;
    await page.evaluate(
      (text) => {
        const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
        w.__pending = w.__benchWaitText(text);
      },
      headline(`warm.person${target}@fabrikam.com`),
    );
    await page.getByRole('option', { name: new RegExp(`^warm Person ${target}\\b`) }).click();
    const ms = await page.evaluate(() => {
      const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
      return (w.__pending ?? Promise.reject(new Error('nothing awaited'))).then((painted) => painted - (w.__clickAt ?? NaN));
    });
    await page.waitForTimeout(150);
    // The first switch to person 1 is warm too: the switcher looked up everyone on screen with the sender.
    times.push(ms);
    maxRequests = Math.max(maxRequests, api.requests.length - before);
  }
  check();
  await context.close();
  return { medianMs: median(times), allMs: times, maxRequests };
}

/**
 * A pinned pane moving to a 500-recipient mail: selection → the switcher's first page painted; lookups sent.
 * @param {Browser} browser @param {string} base @param {BenchApi} api @param {number} runs
 */
export async function manyRecipients(browser, base, api, runs) {
  const { context, page, check } = await openOnMail(browser, base, 'start', 2);
  /** @type {number[]} */
  const times = [];
  let maxLookups = 0;
  for (let run = 0; run < runs; run += 1) {
    const key = `many${run}`;
    const lookupsBefore = api.requests.filter((r) => r.endsWith('profiles/lookup')).length;
    const ms = await page.evaluate((itemKey) => {
      const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
      const pending = w.__benchWaitText(`${itemKey} Person 19`);
      const start = performance.now();
      w.__bench?.selectItem(itemKey, 499);
      return pending.then((painted) => painted - start);
    }, key);
    await page.waitForTimeout(600);
    times.push(ms);
    maxLookups = Math.max(maxLookups, api.requests.filter((r) => r.endsWith('profiles/lookup')).length - lookupsBefore);
  }
  check();
  await context.close();
  return { medianMs: median(times), allMs: times, maxLookups };
}

/**
 * 400 different senders one after another: heap after GC at 1, 200 and 400 cards, and what the cache holds.
 * @param {Browser} browser @param {string} base
 */
export async function heapAfterCards(browser, base) {
  const { context, page, check } = await openOnMail(browser, base, 'card0', 0);
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  };
  const mib = [await heap()];
  for (let card = 1; card <= 400; card += 1) {
    await page.evaluate(
      ([key, text]) => {
        const w = /** @type {BenchWindow} */ (/** @type {unknown} */ (window));
        const pending = w.__benchWaitText(text);
        w.__bench?.selectItem(key, 0);
        return pending;
      },
      [`card${card}`, headline(`card${card}.person0@fabrikam.com`)],
    );
    if (card === 200 || card === 400) mib.push(await heap());
  }
  const cachedEntries = await page.evaluate(
    () => /** @type {unknown[]} */ (JSON.parse(localStorage.getItem('linkedin.profileCache.v1') ?? '[]')).length,
  );
  check();
  await context.close();
  const cacheLimit = 200;
  const [atFirst = 0, at200 = 0, at400 = 0] = mib;
  const firstGrowth = at200 - atFirst;
  const secondGrowth = at400 - at200;
  return { mib, cachedEntries, cacheLimit, bounded: cachedEntries <= cacheLimit && secondGrowth <= Math.max(firstGrowth / 4, 0.5) };
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ index) => sorted[index] ?? NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
