import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { DetectedEnvironment } from '../../src/app/viewer';
import { DEFAULT_INSIGHTS_CONTROLS, heldConnection, insightsService, type InsightsControls } from '../support/insightsService';
import type { AccessInput } from '../../src/policy';
import { CACHE_STORAGE_KEY } from '../../src/services/profileCache';
import { cardStrings } from '../../src/taskpane/i18n/en/card';
import { App } from '../../src/taskpane/App';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { createFakeHost, POLICY_URL, sampleItem } from '../support/fakeHost';
import { createTestServer } from '../support/mswServer';
import { waitForSettled } from '../support/settled';
import { memoryStorage } from '../support/memoryStorage';
import { DETECTED_MEMBER, testPaneDependencies } from '../support/paneDependencies';

let controls: InsightsControls = DEFAULT_INSIGHTS_CONTROLS;
const { server, lookups, linkedInRequests, activity } = createTestServer(...insightsService(() => controls).handlers);

function renderCard(
  options: {
    item?: string;
    consent?: AccessInput['consent'];
    policy?: Record<string, unknown> | null;
    detected?: Partial<DetectedEnvironment>;
    platform?: AccessInput['platform'];
    userOption?: boolean;
    storage?: ReturnType<typeof memoryStorage>;
    /** Office's browser window (OpenBrowserWindowApi 1.1), where the host has it. */
    openBrowserWindow?: (url: string) => void;
  } = {},
) {
  const policy = options.policy === undefined ? { linkedInAccountConnections: 'yes' } : options.policy;
  server.use(http.get(POLICY_URL, () => (policy === null ? new HttpResponse(null, { status: 404 }) : HttpResponse.json(policy))));
  controls = { ...controls, connection: heldConnection(options.consent) };
  const fake = createFakeHost({
    item: sampleItem(options.item ?? 'external-sender'),
    platform: options.platform,
    userOption: options.userOption,
    consent: options.consent,
  });
  const storage = options.storage ?? memoryStorage();
  const deps = testPaneDependencies(
    options.openBrowserWindow ? { ...fake.host, openBrowserWindow: options.openBrowserWindow } : fake.host,
    { detectEnvironment: async () => ({ ...DETECTED_MEMBER, ...options.detected }), cacheStorage: storage },
  );
  const view = render(<App deps={deps} />);
  return { ...fake, storage, view };
}

beforeEach(() => {
  controls = DEFAULT_INSIGHTS_CONTROLS;
});

describe('the profile card', () => {
  test("opening the pane shows the sender's public card after one round trip", async () => {
    renderCard();
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    // The headline says the position and the company: the card does not say them again.
    expect(screen.queryByText(/Partnerships lead · Fabrikam/)).not.toBeInTheDocument();
    expect(screen.getByText('Tokyo, Japan')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: cardStrings.viewOnLinkedIn })).toHaveAttribute(
      'href',
      'https://www.linkedin.com/in/aiko-tanaka',
    );
    expect(await lookups()).toEqual([['aiko.tanaka@fabrikam.com', 'alex.wilber@contoso.com']]);
    expect(screen.queryByText(cardStrings.mutualTitle)).not.toBeInTheDocument();
  });

  test('connected: mutual connections, shared history and activity, fetched for the person shown only', async () => {
    renderCard({ consent: 'twoWay' });
    expect(await screen.findByText(cardStrings.mutualCount(12))).toBeInTheDocument();
    expect(screen.getByText('Diego Siciliani, Isaiah Langer, Lee Gu')).toBeInTheDocument();
    expect(screen.getByText(/Worked at Contoso/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /What we learned from 100 partner launches/ })).toBeInTheDocument();
    const shown = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      Date.parse('2026-11-20'),
    );
    expect(screen.getByText(new RegExp(shown))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: cardStrings.connectOnLinkedIn })).toBeInTheDocument();
    const insightCalls = linkedInRequests().filter((r) => r.url.endsWith('/profiles/insights'));
    expect(insightCalls).toHaveLength(1);
    expect(await insightCalls[0]?.body).toBe(JSON.stringify({ email: 'aiko.tanaka@fabrikam.com' }));
  });

  test('"LinkedIn to Microsoft only" still shows connected insights, and says nothing goes the other way', async () => {
    renderCard({ consent: 'linkedInToMicrosoft' });
    expect(await screen.findByText(cardStrings.mutualCount(12))).toBeInTheDocument();
    expect(await screen.findByText(/nothing from your work account is sent to LinkedIn/)).toBeInTheDocument();
  });

  test('"People you work with on LinkedIn" (sends the item\'s addresses) exists only with both-ways consent, on request', async () => {
    renderCard({ consent: 'twoWay', item: 'meeting' });
    await screen.findByText(cardStrings.mutualCount(3));
    expect(linkedInRequests().some((r) => r.url.endsWith('/suggestions'))).toBe(false);
    await userEvent.click(await screen.findByRole('button', { name: cardStrings.suggestionsShow }));
    expect(await screen.findByRole('link', { name: 'Aiko Tanaka' })).toBeInTheDocument();
    const sent = linkedInRequests().filter((r) => r.url.endsWith('/suggestions'));
    expect(sent).toHaveLength(1);
    expect(JSON.parse(await (sent[0] as { body: Promise<string> }).body)).toEqual({
      emails: [
        'isaiah.langer@fabrikam.com',
        'aiko.tanaka@fabrikam.com',
        'alex.wilber@contoso.com',
        'johanna.lorenz-schmidt-bergmann@northwind.de',
      ],
    });
  });

  test('under "LinkedIn to Microsoft only" no request ever sends Microsoft data to LinkedIn', async () => {
    renderCard({ consent: 'linkedInToMicrosoft', item: 'meeting' });
    await screen.findByText(cardStrings.mutualCount(3));
    for (const name of [/Aiko Tanaka/, /Alex Wilber/, /Johanna/]) {
      await userEvent.click(screen.getByRole('option', { name }));
      await screen.findByRole('region', { name: name });
    }
    expect(screen.queryByText(cardStrings.suggestionsTitle)).not.toBeInTheDocument();
    expect(linkedInRequests().filter((r) => r.url.endsWith('/suggestions'))).toEqual([]);
  });

  test('a sender LinkedIn does not know', async () => {
    renderCard({ item: 'unknown-sender' });
    expect(await screen.findByText(cardStrings.noMatch)).toBeInTheDocument();
  });

  test('"Search LinkedIn for Billing" opens through Office where Office can (classic Outlook), sending nothing itself', async () => {
    const opened: string[] = [];
    renderCard({ item: 'unknown-sender', openBrowserWindow: (url) => opened.push(url) });
    const action = await screen.findByRole('link', { name: /^Search LinkedIn for \u2068Billing\u2069$/ });
    await waitForSettled(activity);
    const before = linkedInRequests().length;
    await userEvent.click(action);
    expect(opened).toEqual(['https://www.linkedin.com/search/results/people/?keywords=Billing']);
    expect(linkedInRequests()).toHaveLength(before);
  });

  test('a member who hides their profile: said so, nothing of them cached, no insights asked for', async () => {
    const { storage } = renderCard({ item: 'hidden-member', consent: 'twoWay' });
    expect(await screen.findByText("This person's LinkedIn profile isn't available in Microsoft apps.")).toBeInTheDocument();
    expect(screen.getByText(/Only this person can change this/)).toBeInTheDocument();
    expect([...storage.data.values()].join('')).not.toContain('rafael');
    expect(linkedInRequests().some((r) => r.url.endsWith('/profiles/insights'))).toBe(false);
  });

  test('switching back to a cached person sends no request', async () => {
    renderCard();
    await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS');
    await userEvent.click(screen.getByRole('option', { name: /Alex Wilber/ }));
    expect(await screen.findByText('Finance manager at Contoso')).toBeInTheDocument();
    const before = linkedInRequests().length;
    await userEvent.click(screen.getByRole('option', { name: /Aiko Tanaka/ }));
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    expect(linkedInRequests()).toHaveLength(before);
  });

  test('a 45-recipient mail looks up only the people shown, in batches of at most 20', async () => {
    renderCard({ item: 'many-recipients' });
    await screen.findByText('Community director · Events · Roundtables');
    const sent = await lookups();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(20);
    await userEvent.click(screen.getByRole('button', { name: paneStrings.showMore(20) }));
    await waitFor(async () => expect((await lookups()).length).toBe(2));
    const after = await lookups();
    expect(after.every((batch) => batch.length <= 20)).toBe(true);
    expect(new Set(after.flat()).size).toBe(40);
    expect(after.flat()).not.toContain('megan.bowen@contoso.com');
  });

  test('turning LinkedIn features off purges what was kept, and asks nothing more', async () => {
    const { storage } = renderCard();
    await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS');
    await waitFor(() => expect(storage.data.get(CACHE_STORAGE_KEY)).toContain('aiko'));
    const before = linkedInRequests().length;
    await userEvent.click(await screen.findByRole('switch', { name: paneStrings.optionLabel }));
    expect(await screen.findByText(paneStrings.levelLabel.none)).toBeInTheDocument();
    expect(storage.data.has(CACHE_STORAGE_KEY)).toBe(false);
    await userEvent.click(screen.getByRole('option', { name: /Alex Wilber/ }));
    expect(linkedInRequests()).toHaveLength(before);
    expect(screen.queryByText('Partnerships lead at Fabrikam · B2B SaaS')).not.toBeInTheDocument();
  });

  test('a 500-recipient mail renders a page of people and looks up only those', async () => {
    renderCard({ item: 'all-company' });
    await screen.findByRole('option', { name: /Diego Siciliani/, selected: true });
    expect(screen.getAllByRole('option')).toHaveLength(20);
    await waitFor(async () => expect(await lookups()).toHaveLength(1));
    expect((await lookups())[0]).toHaveLength(20);
  });

  test("an item change while a lookup is in flight never shows the first person's data under the second", async () => {
    controls = { ...controls, latencyMs: 80 };
    const fake = renderCard({ item: 'external-sender' });
    await screen.findByRole('option', { name: /Aiko Tanaka/, selected: true });
    act(() => fake.selectItem(sampleItem('internal-sender')));
    expect(await screen.findByText('Finance manager at Contoso')).toBeInTheDocument();
    const card = screen.getByRole('region', { name: 'Alex Wilber' });
    // The first person's lookup answered and everything it would change rendered: still not under Alex.
    await waitForSettled(activity);
    expect(within(card).queryByText(/Aiko|Fabrikam/)).not.toBeInTheDocument();
  });

  test.each([
    ['server', 'server', cardStrings.error.server],
    ['offline', 'offline', cardStrings.error.offline],
    // throttled: Retry waits out LinkedIn's limit first (test/faults/faultMatrix.test.tsx).
    ['invalid payload', 'invalidPayload', cardStrings.error.invalidPayload],
    ['truncated JSON', 'truncated', cardStrings.error.invalidPayload],
    ['unauthorized', 'unauthorized', cardStrings.error.unauthorized],
  ] as const)('a lookup failing with %s shows its own state, and Retry asks again', async (_name, fault, message) => {
    controls = { ...controls, faults: { ...controls.faults, lookup: fault } };
    renderCard();
    expect(await screen.findByText(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeInTheDocument();
    controls = { ...controls, faults: { ...controls.faults, lookup: 'none' } };
    await userEvent.click(screen.getByRole('button', { name: cardStrings.retry }));
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
  });

  test('connected insights failing does not hide the public card; the connection gone (401 notConnected) asks to reconnect', async () => {
    controls = { ...controls, faults: { ...controls.faults, insights: 'notConnected' } };
    renderCard({ consent: 'twoWay' });
    // No sign-in dialog in this pane: it says how to reconnect in Settings (connect.test.tsx: the one-step Reconnect).
    expect(await screen.findByText(cardStrings.reconnectInSettings)).toBeInTheDocument();
    expect(screen.getByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
  });

  test('the add-in\'s own token refused (401 invalidToken) is a sign-in problem with Retry, never "reconnect LinkedIn"', async () => {
    controls = { ...controls, faults: { ...controls.faults, insights: 'unauthorized' } };
    renderCard({ consent: 'twoWay' });
    expect(await screen.findByText(cardStrings.error.unauthorized)).toBeInTheDocument();
    await waitForSettled(activity);
    expect(screen.queryByText(cardStrings.reconnectInSettings)).not.toBeInTheDocument();
    expect(screen.queryByText(cardStrings.reconnect)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: cardStrings.retry })).toBeInTheDocument();
    expect(screen.getByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
  });

  test('"Clear cached LinkedIn data" empties what was kept; the card shown is then fetched afresh', async () => {
    const storage = memoryStorage();
    const removed = jest.spyOn(storage, 'removeItem');
    const fake = renderCard({ storage });
    await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS');
    act(() => fake.selectItem(sampleItem('meeting')));
    await screen.findByText('Principal product designer');
    await waitFor(() => expect(storage.data.get(CACHE_STORAGE_KEY)).toContain('johanna'));
    expect(await lookups()).toHaveLength(2);
    const clear = await screen.findByRole('button', { name: paneStrings.clearCache });
    const kept = Number(document.querySelector('[data-cached]')?.getAttribute('data-cached'));
    expect(kept).toBeGreaterThan(1);
    await userEvent.click(clear);
    expect(removed).toHaveBeenCalledWith(CACHE_STORAGE_KEY);
    // The user is told what was cleared, once, in a status line.
    expect(screen.getByText(paneStrings.cleared(kept))).toBeInTheDocument();
    // Nothing is left to answer from: the people shown (all cached before) are looked up again.
    await waitFor(async () => expect(await lookups()).toHaveLength(3));
    expect((await lookups())[2]?.sort()).toEqual(
      [
        'isaiah.langer@fabrikam.com',
        'aiko.tanaka@fabrikam.com',
        'alex.wilber@contoso.com',
        'johanna.lorenz-schmidt-bergmann@northwind.de',
      ].sort(),
    );
  });
});

describe('no LinkedIn request while the decision is none, for every reason that makes it none', () => {
  const cases: [string, Parameters<typeof renderCard>[0]][] = [
    ['cloud-unavailable', { detected: { cloud: 'gccHigh' } }],
    ['mailbox-geo-unavailable', { detected: { mailboxGeo: 'DEU' } }],
    ['environment-unknown', { detected: { cloud: 'unknown' } }],
    ['tenant-off', { policy: { linkedInAccountConnections: 'no' } }],
    ['tenant-default-off', { policy: null, detected: { tenantCountry: 'FR' } }],
    ['tenant-mode-unknown', { policy: null, detected: { tenantCountry: 'unknown' } }],
    [
      'not-in-selected-group',
      {
        policy: { linkedInAccountConnections: 'selected', selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' },
        detected: { groupMembership: 'notMember' },
      },
    ],
    [
      'membership-unknown',
      {
        policy: { linkedInAccountConnections: 'selected', selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' },
        detected: { groupMembership: 'unknown' },
      },
    ],
    ['office-policy-off', { platform: 'windows', policy: { officePolicy: { showLinkedInFeatures: 'disabled' } } }],
    ['connected-experiences-off', { platform: 'mac', policy: { officePolicy: { connectedExperiences: 'disabled' } } }],
    ['optional-connected-experiences-off', { platform: 'windows', policy: { officePolicy: { optionalConnectedExperiences: 'disabled' } } }],
    ['user-option-off', { userOption: false }],
  ];
  test.each(cases)('%s', async (code, options) => {
    const { storage } = renderCard({ ...options, consent: 'twoWay' });
    const reason = await screen.findByText((_, element) => element?.getAttribute('data-reason') === code);
    expect(reason).toBeInTheDocument();
    await waitForSettled(activity);
    expect(linkedInRequests()).toEqual([]);
    expect(storage.data.size).toBe(0);
  });
});
