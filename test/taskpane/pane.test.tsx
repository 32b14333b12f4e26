import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import type { PaneDependencies } from '../../src/app/pane/dependencies';
import type { DetectedEnvironment } from '../../src/app/viewer';
import type { OfficeThemeKind } from '../../src/office/types';
import { decideAccess, type AccessInput } from '../../src/policy';
import { loadPolicyFile } from '../../src/services/policyFile';
import { App } from '../../src/taskpane/App';
import { cardStrings } from '../../src/taskpane/i18n/en/card';
import { REVEAL_AT_THE_LATEST_MS } from '../../src/taskpane/components/useRevealAfterCard';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { createFakeHost, POLICY_URL, sampleItem } from '../support/fakeHost';
import { BASE } from '../policy/fixtures';
import { createTestServer } from '../support/mswServer';
import { DEFAULT_INSIGHTS_CONTROLS, insightsService, type InsightsControls } from '../support/insightsService';
import { createInsightsClient } from '../../src/services/insightsClient';

let controls: InsightsControls = DEFAULT_INSIGHTS_CONTROLS;
const { server, requests } = createTestServer(...insightsService(() => controls).handlers);
afterEach(() => {
  controls = DEFAULT_INSIGHTS_CONTROLS;
});
const insights = createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async () => 'test-token');

const DETECTED: DetectedEnvironment = { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' };
const BASE_INPUT: AccessInput = { ...BASE, tenantMode: 'yes', memberVisibility: 'unknown' };
const messagesFor = (patch: Partial<AccessInput>) => decideAccess({ ...BASE_INPUT, ...patch }).reasons.map((r) => r.message);

function servePolicy(policy: unknown) {
  server.use(
    http.get(POLICY_URL, () =>
      policy === null ? new HttpResponse(null, { status: 404 }) : HttpResponse.json(policy as Record<string, unknown>),
    ),
  );
}

function renderPane(
  options: Parameters<typeof createFakeHost>[0] & {
    detected?: DetectedEnvironment;
    consent?: AccessInput['consent'];
    theme?: OfficeThemeKind;
    signInDialog?: PaneDependencies['signInDialog'];
  } = {},
) {
  const fake = createFakeHost(options);
  const deps: PaneDependencies = {
    host: { ...fake.host, theme: options.theme ?? fake.host.theme },
    loadPolicy: (signal) => loadPolicyFile(fake.host.baseUrl, signal),
    detectEnvironment: async () => options.detected ?? DETECTED,
    insights,
    ...(options.signInDialog ? { signInDialog: options.signInDialog } : {}),
  };
  render(<App deps={deps} />);
  return fake;
}

const personSection = () => screen.getByRole('region', { name: /Connected LinkedIn insights/ });

describe('the task pane shows, for the person chosen, what the add-in may show and do, and why', () => {
  test("opening the pane on a mail shows the sender first, with public information allowed and why it isn't more", async () => {
    servePolicy({ linkedInAccountConnections: 'yes' });
    renderPane();
    expect(await screen.findByText(paneStrings.levelLabel.public)).toBeInTheDocument();
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('Aiko Tanaka');
    for (const message of messagesFor({})) expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getAllByText(new RegExp(paneStrings.changeableBy.user)).length).toBeGreaterThan(0);
    expect(requests[0]?.url).toBe(POLICY_URL);
  });

  test('switching to another person on the item shows that person', async () => {
    servePolicy({ linkedInAccountConnections: 'yes' });
    renderPane();
    await screen.findByText(paneStrings.levelLabel.public);
    await userEvent.click(screen.getByRole('option', { name: /Alex Wilber/ }));
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('Alex Wilber');
    expect(await screen.findByText('Finance manager at Contoso')).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Megan Bowen/ })).not.toBeInTheDocument();
  });

  test('organisation mode "No": no LinkedIn information, the reason verbatim, and that the admin can change it', async () => {
    servePolicy({ linkedInAccountConnections: 'no' });
    renderPane();
    expect(await screen.findByText(paneStrings.levelLabel.none)).toBeInTheDocument();
    const [message] = messagesFor({ tenantMode: 'no' });
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByText(new RegExp(paneStrings.changeableBy.admin))).toBeInTheDocument();
  });

  test('mode Selected and the viewer not in the group: nothing, because of the group', async () => {
    servePolicy({ linkedInAccountConnections: 'selected', selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' });
    renderPane({ detected: { ...DETECTED, groupMembership: 'notMember' } });
    expect(await screen.findByText(paneStrings.levelLabel.none)).toBeInTheDocument();
    for (const message of messagesFor({ tenantMode: 'selected', membership: 'notMember' }))
      expect(screen.getByText(message)).toBeInTheDocument();
  });

  test('an invalid policy file shows the error with the field at fault, and nothing else is asked for', async () => {
    servePolicy({ linkedInAccountConnections: 'selected', selectedGroupId: 'pilot' });
    const detect = jest.fn();
    const fake = createFakeHost();
    render(
      <App deps={{ host: fake.host, loadPolicy: (s) => loadPolicyFile(fake.host.baseUrl, s), detectEnvironment: detect, insights }} />,
    );
    expect(await screen.findByText(paneStrings.policyInvalidTitle)).toBeInTheDocument();
    expect(screen.getByText(/Field at fault: selectedGroupId/)).toBeInTheDocument();
    expect(detect).not.toHaveBeenCalled();
    // The people stay, as Outlook knows them, and so do Settings with Copy details for the admin; LinkedIn is not asked.
    expect(screen.getByRole('option', { name: /Alex Wilber/ })).toBeInTheDocument();
    expect(screen.getByText('aiko.tanaka@fabrikam.com', { selector: '[data-outlook-knows] > span' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: paneStrings.adminDetails })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: paneStrings.clearCache })).toBeInTheDocument();
    expect(screen.queryByText(paneStrings.optionLabel)).not.toBeInTheDocument();
  });

  test('a policy file that cannot be loaded fails closed', async () => {
    server.use(http.get(POLICY_URL, () => new HttpResponse(null, { status: 503 })));
    renderPane();
    expect(await screen.findByText(paneStrings.policyUnreachableTitle)).toBeInTheDocument();
  });

  test('with no item selected the pane opens on Today; its item tab says so calmly', async () => {
    servePolicy(null);
    renderPane({ item: null });
    expect(await screen.findByRole('tab', { name: 'Today', selected: true })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'This item' }));
    expect(await screen.findByText(paneStrings.noItem)).toBeInTheDocument();
  });

  test('a pinned pane follows the selection (ItemChanged)', async () => {
    servePolicy(null);
    const fake = renderPane();
    await screen.findByText(paneStrings.levelLabel.public);
    act(() => fake.selectItem(sampleItem('meeting')));
    await screen.findByRole('option', { name: /Isaiah Langer/ });
    expect(await screen.findByRole('option', { selected: true })).toHaveTextContent('Isaiah Langer');
    expect(await screen.findByText('Principal product designer')).toBeInTheDocument();
  });

  test('turning "Show LinkedIn features" off shows only the option and why', async () => {
    servePolicy(null);
    renderPane();
    await screen.findByText(paneStrings.levelLabel.public);
    await userEvent.click(screen.getByRole('switch', { name: paneStrings.optionLabel }));
    expect(screen.getByText(paneStrings.levelLabel.none)).toBeInTheDocument();
    for (const message of messagesFor({ userOption: false })) expect(screen.getByText(message)).toBeInTheDocument();
  });

  test('on desktop Outlook a Group Policy that enables LinkedIn features locks the option on', async () => {
    servePolicy({ officePolicy: { showLinkedInFeatures: 'enabled' } });
    renderPane({ platform: 'windows', userOption: false });
    const option = await screen.findByRole('switch', { name: paneStrings.optionLabel });
    await screen.findByText(paneStrings.levelLabel.public);
    expect(option).toBeChecked();
    expect(option).toBeDisabled();
    expect(screen.getByText(paneStrings.optionLockedOn)).toBeInTheDocument();
  });

  test('the same Group Policy set to disabled does not touch Outlook on the web', async () => {
    servePolicy({ officePolicy: { showLinkedInFeatures: 'disabled' } });
    renderPane({ platform: 'web' });
    expect(await screen.findByText(paneStrings.levelLabel.public)).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: paneStrings.optionLabel })).toBeEnabled();
  });

  test('what the add-in may do is listed for the person shown', async () => {
    servePolicy(null);
    // The service confirms the saved connection (otherwise the pane drops it, and the card is public).
    controls = {
      ...DEFAULT_INSIGHTS_CONTROLS,
      connection: { status: 'connected', consent: 'twoWay', connectedAt: '2026-11-20T09:00:00Z' },
    };
    renderPane({ consent: 'twoWay' });
    await screen.findByText(paneStrings.levelLabel.connected);
    const section = personSection();
    expect(within(section).getByText(paneStrings.can.disconnect).nextSibling).toHaveTextContent(paneStrings.capability.allowed);
    expect(within(section).getByText(paneStrings.can.outbound).nextSibling).toHaveTextContent(paneStrings.capability.allowed);
    // A connected user is not told "Connect your LinkedIn account: Not allowed": connecting is listed only without a connection.
    expect(within(section).queryByText(paneStrings.can.connect)).not.toBeInTheDocument();
  });

  test('what is not allowed yet says what would allow it, and what is held back says by whom', async () => {
    servePolicy(null);
    // A sign-in dialog exists here (never opened in this test), so connecting is possible.
    renderPane({ signInDialog: { open: () => Promise.reject(new Error('not opened in this test')) } });
    await screen.findByText(paneStrings.levelLabel.public);
    const summary = screen.getByRole('region', { name: paneStrings.levelLabel.public });
    const status = (label: string) => within(summary).getByText(label).nextSibling;
    // Not connected yet: connected insights come "after you connect", not "not allowed".
    expect(status(paneStrings.can.showConnected)).toHaveTextContent(paneStrings.capability.afterConnect);
    expect(status(paneStrings.can.connect)).toHaveTextContent(paneStrings.capability.allowed);
    expect(status(paneStrings.can.outbound)).toHaveTextContent(paneStrings.capability.afterConnectBothWays);
  });

  test('where this Outlook cannot sign in, nothing is promised "after you connect"', async () => {
    servePolicy(null);
    renderPane();
    await screen.findByText(paneStrings.levelLabel.public);
    const summary = screen.getByRole('region', { name: paneStrings.levelLabel.public });
    for (const label of [paneStrings.can.showConnected, paneStrings.can.connect])
      expect(within(summary).getByText(label).nextSibling).toHaveTextContent(paneStrings.capability.noSignIn);
  });

  test('a capability the organization turned off says so', async () => {
    servePolicy({ linkedInAccountConnections: 'no' });
    renderPane();
    await screen.findByText(paneStrings.levelLabel.none);
    const summary = screen.getByRole('region', { name: paneStrings.levelLabel.none });
    const status = (label: string) => within(summary).getByText(label).nextSibling;
    for (const label of [paneStrings.can.showPublic, paneStrings.can.showConnected, paneStrings.can.connect])
      expect(status(label)).toHaveTextContent(paneStrings.capability.byOrganization);
  });
});

describe('the card comes first; what is below it follows', () => {
  const settings = () => screen.queryByRole('region', { name: paneStrings.settingsTitle });

  test('the reasons and the settings appear once the card is shown', async () => {
    servePolicy({ linkedInAccountConnections: 'yes' });
    renderPane();
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: paneStrings.settingsTitle })).toBeInTheDocument();
    expect(screen.getByText(paneStrings.levelLabel.public)).toBeInTheDocument();
  });

  test('while LinkedIn does not answer, the card says it is loading, and the rest of the pane still appears', async () => {
    servePolicy({ linkedInAccountConnections: 'yes' });
    server.use(
      http.post('*/api/v1/profiles/lookup', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    renderPane();
    expect(await screen.findByText(cardStrings.loading)).toBeInTheDocument();
    expect(settings()).not.toBeInTheDocument();
    const shownAfter = Date.now();
    expect(await screen.findByRole('region', { name: paneStrings.settingsTitle })).toBeInTheDocument();
    // Not held back for long: REVEAL_AT_THE_LATEST_MS, with room for a loaded machine.
    expect(Date.now() - shownAfter).toBeLessThan(REVEAL_AT_THE_LATEST_MS + 2000);
    expect(screen.getByText(cardStrings.loading)).toBeInTheDocument();
    expect(screen.getByText(paneStrings.levelLabel.public)).toBeInTheDocument();
  });

  test('with LinkedIn off, there is no card to wait for: the reason is shown at once', async () => {
    servePolicy({ linkedInAccountConnections: 'no' });
    renderPane();
    expect(await screen.findByText(paneStrings.levelLabel.none)).toBeInTheDocument();
    expect(settings()).toBeInTheDocument();
  });
});

describe("Office's theme", () => {
  const themeVariables = () => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');

  test.each([
    ['light', '--colorNeutralBackground1: #ffffff;'],
    ['dark', '--colorNeutralBackground1: #292929;'],
    ['highContrast', '--colorNeutralBackground1: #000000;'],
  ] as const)('in %s, the pane is drawn with that theme (dark and high contrast load on demand)', async (theme, background) => {
    servePolicy({ linkedInAccountConnections: 'yes' });
    renderPane({ theme });
    expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    expect(themeVariables().replace(/\s+/g, ' ')).toContain(background);
  });
});

describe("what the service's source can't look up is said so, never shown as no match or made up", () => {
  const twoWay = { status: 'connected', consent: 'twoWay', connectedAt: '2026-11-20T09:00:00Z' } as const;

  test('a person the source cannot look up reads "can\'t be looked up from here", not "no profile found"', async () => {
    servePolicy({ linkedInAccountConnections: 'yes' });
    controls = { ...DEFAULT_INSIGHTS_CONTROLS, source: 'linkedin' };
    renderPane();
    expect(await screen.findByText(cardStrings.unavailable)).toBeInTheDocument();
    expect(screen.queryByText(cardStrings.noMatch)).not.toBeInTheDocument();
    expect(screen.queryByText('Partnerships lead at Fabrikam · B2B SaaS')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: cardStrings.viewOnLinkedIn })).not.toBeInTheDocument();
  });

  test('connected insights the source cannot give say so, with no invented counts or history', async () => {
    servePolicy(null);
    controls = { ...DEFAULT_INSIGHTS_CONTROLS, connection: twoWay };
    server.use(
      http.post('*/api/v1/profiles/insights', async ({ request }) => {
        const { email } = (await request.json()) as { email: string };
        return HttpResponse.json({ apiVersion: '1', email, status: 'unavailable' });
      }),
    );
    renderPane({ consent: 'twoWay' });
    expect(await screen.findByText(cardStrings.insightsUnavailable)).toBeInTheDocument();
    expect(screen.getByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
    expect(screen.queryByText(cardStrings.noMutual)).not.toBeInTheDocument();
    expect(screen.queryByText(cardStrings.mutualTitle)).not.toBeInTheDocument();
  });

  test('"people you work with" the source cannot give says so, not "none of them are on LinkedIn"', async () => {
    servePolicy(null);
    controls = { ...DEFAULT_INSIGHTS_CONTROLS, connection: twoWay };
    server.use(http.post('*/api/v1/suggestions', () => HttpResponse.json({ apiVersion: '1', status: 'unavailable' })));
    renderPane({ consent: 'twoWay' });
    await userEvent.click(await screen.findByRole('button', { name: cardStrings.suggestionsShow }));
    expect(await screen.findByText(cardStrings.suggestionsUnavailable)).toBeInTheDocument();
    expect(screen.queryByText(cardStrings.suggestionsNone)).not.toBeInTheDocument();
  });
});
