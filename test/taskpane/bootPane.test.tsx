import { screen, waitFor } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { loadPolicyFile } from '../../src/services/policyFile';
import { insightsService } from '../support/insightsService';
import { requestPolicyFileForPage } from '../../src/app/pagePolicyFileRequest';
import { bootPane, CHUNK_WAITS_FOR_POLICY_MS, FRAME_ALONE_AFTER_MS } from '../../src/taskpane/bootPane';
import { frameStrings } from '../../src/taskpane/i18n/frame';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { createFakeHost, PANE_URL, POLICY_URL } from '../support/fakeHost';
import { createTestServer } from '../support/mswServer';
import { createInsightsClient } from '../../src/services/insightsClient';
import { deviceStatementOf } from '../../src/app/deviceStatement';
import { TEST_INSIGHTS_API, testPaneDependencies } from '../support/paneDependencies';
import { waitForSettled } from '../support/settled';

const { server, requests, activity } = createTestServer(...insightsService().handlers);

/** The pane's services in a test: the policy file's request as the first script sent it, and msw's insights service. */
const paneDependencies: Parameters<typeof bootPane>[2] = (host, _pane, early) =>
  testPaneDependencies(host, { loadPolicy: (signal) => loadPolicyFile(host.baseUrl, signal, early.takePolicyRequest()) });

function mount(): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  return container;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the pane starts in two steps: its frame first, then everything else', () => {
  test("nothing is shown until Outlook has started the add-in; then one frame, with the sender's card in it", async () => {
    server.use(http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'yes' })));
    const fake = createFakeHost({});
    let hostReady: (host: typeof fake.host) => void = () => undefined;
    const container = mount();
    bootPane(
      container,
      () => new Promise((resolve) => (hostReady = resolve)),
      paneDependencies,
      // The page's own address: the policy file beside it is asked for while Office.js is still starting.
      requestPolicyFileForPage({ href: PANE_URL }),
    );
    // Everything the page could do without the host done: still nothing shown, and nothing asked but the admin's
    // policy file (beside the page, no personal data): nothing of the item, nothing of LinkedIn.
    await waitForSettled(activity);
    expect(container).toBeEmptyDOMElement();
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${POLICY_URL}`]);
    hostReady(fake.host);
    expect(await screen.findByRole('heading', { name: paneStrings.title })).toBeInTheDocument();
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { name: paneStrings.title })).toHaveLength(1);
    // Asked for once, by the first script before the host was ready; its answer is the one the pane read.
    expect(requests.filter((request) => request.url === POLICY_URL)).toHaveLength(1);
  });

  test('a file that states everything: the first script settles it and the lookup leaves without the pane asking again', async () => {
    // The environment stated in full: nothing to detect, so the first script's check of the file is the pane's.
    const stated = { linkedInAccountConnections: 'yes', environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' } };
    server.use(http.get(POLICY_URL, () => HttpResponse.json(stated)));
    const fake = createFakeHost({});
    const container = mount();
    const read: string[] = [];
    bootPane(
      container,
      async () => fake.host,
      (host, _pane, early) =>
        testPaneDependencies(host, {
          loadPolicy: (signal) => {
            read.push('loadPolicy');
            return loadPolicyFile(host.baseUrl, signal, early.takePolicyRequest());
          },
          detectEnvironment: async () => {
            read.push('detectEnvironment');
            return { cloud: 'unknown', mailboxGeo: 'unknown', tenantCountry: 'unknown', groupMembership: 'unknown' };
          },
        }),
      requestPolicyFileForPage({ href: PANE_URL }),
    );
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    await waitForSettled(activity);
    // The first script's answer stood: the pane neither read the file again nor detected anything for its first render.
    expect(read).toEqual([]);
    expect(requests.filter((request) => request.url === POLICY_URL)).toHaveLength(1);
  });

  test('when the policy file is slow, the frame says "starting" until it answers; then the card', async () => {
    let answer: () => void = () => undefined;
    server.use(
      http.get(POLICY_URL, async () => {
        await new Promise<void>((resolve) => (answer = resolve));
        return HttpResponse.json({ linkedInAccountConnections: 'yes' });
      }),
    );
    const fake = createFakeHost({});
    const container = mount();
    bootPane(container, async () => fake.host, paneDependencies);
    expect(await screen.findByText(frameStrings['en-US'].starting)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: paneStrings.title })).toBeInTheDocument();
    answer();
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    expect(screen.queryByText(frameStrings['en-US'].starting)).not.toBeInTheDocument();
    expect(requests.filter((request) => request.url === POLICY_URL)).toHaveLength(1);
  });

  test('once the lookup has left, the frame is not painted alone: the pane is drawn when the answer comes, "starting" never shown', async () => {
    // The environment stated in full, so the first script settles the file and the lookup leaves at once. LinkedIn
    // answers after FRAME_ALONE_AFTER_MS, within the first render's wait (long here): all the pane waits for then is
    // that answer, and a "starting" frame painted meanwhile would only flash (and take the main thread from it).
    const stated = { linkedInAccountConnections: 'yes', environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' } };
    server.use(http.get(POLICY_URL, () => HttpResponse.json(stated)));
    server.use(
      http.post('*/api/v1/profiles/lookup', async () => {
        await delay(FRAME_ALONE_AFTER_MS * 3);
        return undefined;
      }),
    );
    const fake = createFakeHost({});
    const container = mount();
    let startingShown = false;
    new MutationObserver(() => {
      if (container.textContent?.includes(frameStrings['en-US'].starting)) startingShown = true;
    }).observe(container, { subtree: true, childList: true, characterData: true });
    bootPane(
      container,
      async () => fake.host,
      (...args) => ({ ...paneDependencies(...args), firstAnswerWaitMs: 5_000 }),
      requestPolicyFileForPage({ href: PANE_URL }),
    );
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS', undefined, { timeout: 3_000 })).toBeInTheDocument();
    expect(startingShown).toBe(false);
    expect(requests.filter((request) => request.url.endsWith('/profiles/lookup'))).toHaveLength(1);
  });

  test("a policy file that never answers does not hold the pane's code: it loads, and the pane says starting", async () => {
    const fake = createFakeHost({});
    let loaded = false;
    const never: ReturnType<typeof requestPolicyFileForPage> = {
      url: POLICY_URL,
      request: new Promise<Response>(() => undefined),
      answer: new Promise(() => undefined),
    };
    bootPane(
      mount(),
      async () => fake.host,
      (host, pane, early) => {
        loaded = true;
        return paneDependencies(host, pane, early);
      },
      never,
    );
    await waitFor(() => expect(loaded).toBe(true), { timeout: CHUNK_WAITS_FOR_POLICY_MS * 10 });
    expect(await screen.findByText(frameStrings['en-US'].starting)).toBeInTheDocument();
  });

  test('given a token, the first script sends the first lookup itself, and the pane reads that answer: one lookup', async () => {
    const stated = { linkedInAccountConnections: 'yes', environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' } };
    server.use(http.get(POLICY_URL, () => HttpResponse.json(stated)));
    const sentWith: (string | null)[] = [];
    server.use(
      http.post('*/api/v1/profiles/lookup', ({ request }) => {
        sentWith.push(request.headers.get('Authorization'));
        return undefined;
      }),
    );
    const fake = createFakeHost({});
    bootPane(
      mount(),
      async () => fake.host,
      (host, _pane, early) =>
        testPaneDependencies(host, {
          loadPolicy: (signal) => loadPolicyFile(host.baseUrl, signal, early.takePolicyRequest()),
          insights: createInsightsClient(TEST_INSIGHTS_API, async () => 'pane-token', {
            device: deviceStatementOf(host),
            takeSentLookup: early.takeLookup,
          }),
        }),
      requestPolicyFileForPage({ href: PANE_URL }),
      () => async () => 'first-script-token',
    );
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    await waitForSettled(activity);
    // The sender's lookup (with the rest of the first page) left once, from the first script, with its token.
    expect(sentWith).toEqual(['Bearer first-script-token']);
  });

  test("a quick answer: the pane is drawn once, with the sender's card; no loading state is ever shown", async () => {
    server.use(http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'yes' })));
    // LinkedIn answers in 20 ms: slower than the pane needs to render, well within the wait (long here, so a busy
    // machine can't make the answer miss it).
    server.use(
      http.post('*/api/v1/profiles/lookup', async () => {
        await delay(20);
        return undefined;
      }),
    );
    const fake = createFakeHost({});
    const container = mount();
    let loadingShown = false;
    // Every node ever added (or attribute ever set), not the DOM when the observer runs: a loading state replaced
    // before it could be seen still counts.
    const isLoading = (node: Node) =>
      node instanceof Element && (node.matches('[data-state="loading"]') || node.querySelector('[data-state="loading"]') !== null);
    new MutationObserver((records) => {
      for (const record of records)
        if ((record.type === 'attributes' && isLoading(record.target)) || [...record.addedNodes].some(isLoading)) loadingShown = true;
    }).observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    bootPane(
      container,
      async () => fake.host,
      (...args) => ({ ...paneDependencies(...args), firstAnswerWaitMs: 5_000 }),
    );
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    expect(loadingShown).toBe(false);
  });

  test('a slow answer does not hold the pane: its people show, the card says loading, then the card', async () => {
    server.use(http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'yes' })));
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.post(
        '*/api/v1/profiles/lookup',
        async () => {
          await answered;
          // Falls through to the regular lookup handler, now.
          return undefined;
        },
        { once: true },
      ),
    );
    const fake = createFakeHost({});
    const container = mount();
    bootPane(container, async () => fake.host, paneDependencies);
    // Not waiting for LinkedIn past FIRST_ANSWER_WAIT_MS: the switcher and the card's loading state are drawn.
    expect(await screen.findByRole('option', { name: /Aiko Tanaka/ })).toBeInTheDocument();
    expect(container.querySelector('[data-state="loading"]')).not.toBeNull();
    answer();
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
  });

  test('a host that cannot start (not in Outlook) is said in words, as text', async () => {
    const container = mount();
    bootPane(
      container,
      () => Promise.reject(new Error('<b>This add-in runs in Outlook only.</b>')),
      () => {
        throw new Error('never asked for dependencies');
      },
    );
    await screen.findByText(paneStrings.startFailed('<b>This add-in runs in Outlook only.</b>'));
    expect(container.querySelector('b')).toBeNull();
  });
});
