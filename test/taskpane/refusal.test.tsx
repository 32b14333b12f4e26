import { render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { App } from '../../src/taskpane/App';
import { cardStrings } from '../../src/taskpane/i18n/en/card';
import { ar } from '../../src/taskpane/i18n/ar';
import { de } from '../../src/taskpane/i18n/de';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { createFakeHost, POLICY_URL } from '../support/fakeHost';
import { DEFAULT_INSIGHTS_CONTROLS, insightsService, type InsightsControls } from '../support/insightsService';
import { memoryStorage } from '../support/memoryStorage';
import { testPaneDependencies } from '../support/paneDependencies';
import { createTestServer } from '../support/mswServer';

/**
 * When the LinkedIn card service refuses (an admin turned LinkedIn off after the pane read the file, or the file the
 * service follows became invalid), the card says which rule refused, in the user's language, with who can change it
 * — as the pane says its own reasons. The service's own failures are the service's; LinkedIn's are LinkedIn's.
 */
let controls: InsightsControls = DEFAULT_INSIGHTS_CONTROLS;
const { server } = createTestServer(...insightsService(() => controls).handlers);
const OPEN = JSON.stringify({ linkedInAccountConnections: 'yes' });

function renderPane(displayLanguage = 'en-US') {
  const fake = createFakeHost({});
  const store = memoryStorage();
  return render(<App deps={testPaneDependencies({ ...fake.host, displayLanguage, localStore: store }, { cacheStorage: store })} />);
}

beforeEach(() => {
  controls = DEFAULT_INSIGHTS_CONTROLS;
  server.use(http.get(POLICY_URL, () => new HttpResponse(OPEN, { headers: { 'Content-Type': 'application/json' } })));
});

const refusal = async () => (await screen.findByText(cardStrings.refusedBy, { exact: false })).closest('[data-refusal]') as HTMLElement;

describe('a refusal by the service names its rule, who can change it, and where', () => {
  test('the admin turned LinkedIn off after the pane read the file: the reason, "your admin", no Retry', async () => {
    controls = { ...DEFAULT_INSIGHTS_CONTROLS, policyOnService: JSON.stringify({ linkedInAccountConnections: 'no' }) };
    renderPane();
    const shown = await refusal();
    expect(shown).toHaveAttribute('data-refusal', 'tenant-off');
    expect(shown).toHaveTextContent('Your organization has turned off LinkedIn account connections.');
    expect(within(shown).getByText(new RegExp(paneStrings.changeableBy.admin))).toBeInTheDocument();
    expect(screen.queryByText(cardStrings.error.forbidden)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: cardStrings.retry })).not.toBeInTheDocument();
  });

  test('the file the service follows became invalid: said as the policy file, for the admin', async () => {
    controls = { ...DEFAULT_INSIGHTS_CONTROLS, policyOnService: '{"linkedInAccountConnections":"sometimes"}' };
    renderPane();
    const shown = await refusal();
    expect(shown).toHaveAttribute('data-refusal', 'policy-file-invalid');
    expect(shown).toHaveTextContent(cardStrings.refusedByPolicyFile['policy-file-invalid'].message);
  });

  test.each([
    ['de-DE', de],
    ['ar-SA', ar],
  ] as const)('in %s, the refusal and its reason are in that language', async (language, strings) => {
    controls = { ...DEFAULT_INSIGHTS_CONTROLS, policyOnService: JSON.stringify({ linkedInAccountConnections: 'no' }) };
    renderPane(language);
    const shown = (await screen.findByText(strings.card.refusedBy, { exact: false })).closest('[data-refusal]') as HTMLElement;
    expect(shown).toHaveTextContent(strings.reasons['tenant-off'].message);
    expect(shown).toHaveTextContent(strings.pane.changeableBy.admin);
  });

  test('a refusal that names no rule (a gateway in front of the service) keeps the generic text', async () => {
    controls = { ...DEFAULT_INSIGHTS_CONTROLS, faults: { ...DEFAULT_INSIGHTS_CONTROLS.faults, lookup: 'forbidden' } };
    renderPane();
    expect(await screen.findByText(cardStrings.error.forbidden)).toBeInTheDocument();
  });
});

describe("the add-in's own service's failures are the service's; LinkedIn's are LinkedIn's", () => {
  test.each([
    ['server', cardStrings.error.server, /LinkedIn card service had a problem/],
    ['throttled', cardStrings.error.throttled, /LinkedIn card service is busy/],
  ] as const)('%s from the service', async (fault, text, words) => {
    controls = { ...DEFAULT_INSIGHTS_CONTROLS, faults: { ...DEFAULT_INSIGHTS_CONTROLS.faults, lookup: fault } };
    renderPane();
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(text).toMatch(words);
    // The badge says what is shown: nothing of LinkedIn, not "Public LinkedIn information".
    expect(await screen.findByText(paneStrings.nothingShown)).toBeInTheDocument();
    expect(screen.queryByText(paneStrings.levelLabel.public)).not.toBeInTheDocument();
  });

  test("LinkedIn failing behind the service (502 linkedInUnavailable) is said as LinkedIn's", async () => {
    server.use(
      http.post('*/api/v1/profiles/lookup', () =>
        HttpResponse.json({ error: 'linkedInUnavailable', message: 'LinkedIn did not answer in time.' }, { status: 502 }),
      ),
    );
    renderPane();
    expect(await screen.findByText(cardStrings.error.linkedInUnavailable)).toBeInTheDocument();
    expect(screen.queryByText(cardStrings.error.server)).not.toBeInTheDocument();
  });
});
