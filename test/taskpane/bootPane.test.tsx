import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { loadPolicyFile } from '../../src/services/policyFile';
import { createInsightsClient } from '../../src/services/insightsClient';
import { insightsHandlers } from '../../src/mocks/insightsHandlers';
import { bootPane } from '../../src/taskpane/bootPane';
import { frameStrings } from '../../src/taskpane/i18n/frame';
import { paneStrings } from '../../src/taskpane/strings';
import { createFakeHost, POLICY_URL } from '../support/fakeHost';
import { createTestServer } from '../support/mswServer';

const { server, requests } = createTestServer(...insightsHandlers());

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
      (host, _pane, policyRequest) => ({
        host,
        loadPolicy: (signal) => loadPolicyFile(host.baseUrl, signal, policyRequest),
        detectEnvironment: async () => ({ cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' }),
        insights: createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async () => 'test-token'),
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container).toBeEmptyDOMElement();
    hostReady(fake.host);
    expect(await screen.findByRole('heading', { name: paneStrings.title })).toBeInTheDocument();
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { name: paneStrings.title })).toHaveLength(1);
    // Asked for once, by the first script as soon as the host was ready.
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
    bootPane(
      container,
      async () => fake.host,
      (host, _pane, policyRequest) => ({
        host,
        loadPolicy: (signal) => loadPolicyFile(host.baseUrl, signal, policyRequest),
        detectEnvironment: async () => ({ cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' }),
        insights: createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async () => 'test-token'),
      }),
    );
    expect(await screen.findByText(frameStrings['en-US'].starting)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: paneStrings.title })).toBeInTheDocument();
    answer();
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    expect(screen.queryByText(frameStrings['en-US'].starting)).not.toBeInTheDocument();
    expect(requests.filter((request) => request.url === POLICY_URL)).toHaveLength(1);
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
