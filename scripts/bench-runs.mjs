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

async function openPage(browser, api, { coldText, thenText } = {}) {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(`${message.text()} ${message.location().url ?? ''}`));
  await page.addInitScript(WAITER);
  if (coldText)
    await page.addInitScript((text) => {
      window.__cold = window.__benchWaitText(text);
    }, coldText);
  if (thenText)
    await page.addInitScript((text) => {
      window.__then = window.__benchWaitText(text);
    }, thenText);
  const check = () => {
    if (errors.length) throw new Error(`the page reported errors: ${errors.join(' | ')}`);
  };
  return { context, page, check };
}

const headline = (email) => `Bench headline [${email}]`;

/** The bare page's first paint, cold. */
export function coldBare(browser, base, api) {
  return coldRun(browser, base, api, 'benchBare.html', 'Bench Person');
}

/** The floor page's first paint, cold: the pane's own view with the sender's card, drawn from static props. */
export function coldFloor(browser, base, api) {
  return coldRun(browser, base, api, 'benchFloor.html?item=first&recipients=2', headline('first.person0@fabrikam.com'));
}

/**
 * The pane opened cold on a mail from person 0 (with 2 recipients): their card painted, and `thenText` after it.
 * `page`: benchPane.html, or the page with the policy file inlined as `npm run serve` serves it (row b2).
 */
export function coldPane(browser, base, api, thenText, page = 'benchPane.html') {
  return coldRun(browser, base, api, `${page}?item=first&recipients=2`, headline('first.person0@fabrikam.com'), thenText);
}

/**
 * Navigation start → `text` painted, in a fresh context (nothing cached); with `thenText`, also navigation start →
 * that text painted (the rest of the pane, shown after the card). Also the scripts the page loaded before `text`.
 */
export async function coldRun(browser, base, api, path, text, thenText) {
  const { context, page, check } = await openPage(browser, api, { coldText: text, thenText });
  const scripts = [];
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
  await page.goto(`${base}${path}`, { waitUntil: 'commit' });
  const paintedMs = await page.evaluate(() => window.__cold);
  const loadedBeforeCard = [...scripts];
  const thenMs = thenText ? await page.evaluate(() => window.__then) : undefined;
  check();
  await context.close();
  return { paintedMs, thenMs, scripts: loadedBeforeCard };
}

/** The pane open on a generated mail (`key`, with `recipients` besides the sender), once the sender's card is painted. */
async function openOnMail(browser, base, api, key, recipients) {
  const opened = await openPage(browser, api);
  await opened.page.goto(`${base}benchPane.html?item=${key}&recipients=${recipients}`);
  await opened.page.evaluate((text) => window.__benchWaitText(text), headline(`${key}.person0@fabrikam.com`));
  return opened;
}

/** Switching back and forth between two people already looked up: click → card painted, and requests made. */
export async function warmSwitch(browser, base, api, runs) {
  const { context, page, check } = await openOnMail(browser, base, api, 'warm', 2);
  const times = [];
  let maxRequests = 0;
  for (let run = 0; run < runs + 1; run += 1) {
    const target = run % 2 === 0 ? 1 : 0;
    const before = api.requests.length;
    await page.evaluate(
      (text) => {
        window.__pending = window.__benchWaitText(text);
      },
      headline(`warm.person${target}@fabrikam.com`),
    );
    await page.getByRole('option', { name: new RegExp(`^warm Person ${target}\\b`) }).click();
    const ms = await page.evaluate(() => window.__pending.then((painted) => painted - window.__clickAt));
    await page.waitForTimeout(150);
    // The first switch to person 1 is warm too: the switcher looked up everyone on screen with the sender.
    times.push(ms);
    maxRequests = Math.max(maxRequests, api.requests.length - before);
  }
  check();
  await context.close();
  return { medianMs: median(times), allMs: times, maxRequests };
}

/** A pinned pane moving to a 500-recipient mail: selection → the switcher's first page painted; lookups sent. */
export async function manyRecipients(browser, base, api, runs) {
  const { context, page, check } = await openOnMail(browser, base, api, 'start', 2);
  const times = [];
  let maxLookups = 0;
  for (let run = 0; run < runs; run += 1) {
    const key = `many${run}`;
    const lookupsBefore = api.requests.filter((r) => r.endsWith('profiles/lookup')).length;
    const ms = await page.evaluate((itemKey) => {
      const pending = window.__benchWaitText(`${itemKey} Person 19`);
      const start = performance.now();
      window.__bench.selectItem(itemKey, 499);
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

/** 400 different senders one after another: heap after GC at 1, 200 and 400 cards, and what the cache holds. */
export async function heapAfterCards(browser, base, api) {
  const { context, page, check } = await openOnMail(browser, base, api, 'card0', 0);
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  };
  const mib = [await heap()];
  for (let card = 1; card <= 400; card += 1) {
    await page.evaluate(
      ([key, text]) => {
        const pending = window.__benchWaitText(text);
        window.__bench.selectItem(key, 0);
        return pending;
      },
      [`card${card}`, headline(`card${card}.person0@fabrikam.com`)],
    );
    if (card === 200 || card === 400) mib.push(await heap());
  }
  const cachedEntries = await page.evaluate(() => JSON.parse(localStorage.getItem('linkedin.profileCache.v1') ?? '[]').length);
  check();
  await context.close();
  const cacheLimit = 200;
  const firstGrowth = mib[1] - mib[0];
  const secondGrowth = mib[2] - mib[1];
  return { mib, cachedEntries, cacheLimit, bounded: cachedEntries <= cacheLimit && secondGrowth <= Math.max(firstGrowth / 4, 0.5) };
}

export function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
