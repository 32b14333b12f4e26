import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { CONSENT_SETTING } from '../../src/app/connect/consentRecord';
import { DEFAULT_INSIGHTS_CONTROLS, insightsService, type InsightsControls } from '../support/insightsService';
import { App } from '../../src/taskpane/App';
import { cardStrings } from '../../src/taskpane/i18n/en/card';
import { connectStrings } from '../../src/taskpane/i18n/en/connect';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { allowingDialog as allowing, cancellingDialog as cancelling, renderPane } from '../support/connectHarness';
import { createFakeHost, POLICY_URL } from '../support/fakeHost';
import { createTestServer } from '../support/mswServer';
import { memoryStorage } from '../support/memoryStorage';
import { testPaneDependencies } from '../support/paneDependencies';

let controls: InsightsControls = DEFAULT_INSIGHTS_CONTROLS;
const service = insightsService(() => controls);
const { server, linkedInRequests } = createTestServer(...service.handlers);
const allowingDialog = () => allowing(service.signIn);
const cancellingDialog = () => cancelling(service.signIn);

beforeEach(() => {
  controls = DEFAULT_INSIGHTS_CONTROLS;
  server.use(http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'yes' })));
});

test('connect with "LinkedIn to Microsoft only", see insights, reload and stay connected, disconnect and keep nothing', async () => {
  const fake = createFakeHost();
  const store = memoryStorage();
  const dialog = allowingDialog();
  const view = renderPane(fake, store, dialog);

  await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS');
  await userEvent.click(await screen.findByRole('button', { name: connectStrings.open }));
  expect(screen.getByText(connectStrings.twoWayDetail)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: connectStrings.linkedInPrivacy })).toHaveAttribute(
    'href',
    'https://www.linkedin.com/legal/privacy-policy',
  );
  await userEvent.click(screen.getByRole('radio', { name: connectStrings.inbound }));
  // The simulated service now has the connection, as LinkedIn's "Allow" would make it.
  controls = { ...controls, connection: { status: 'connected', consent: 'linkedInToMicrosoft', connectedAt: '2026-11-27T10:00:00Z' } };
  await userEvent.dblClick(screen.getByRole('button', { name: connectStrings.continue }));

  expect(await screen.findByText(cardStrings.mutualCount(12))).toBeInTheDocument();
  expect(dialog.opened).toBe(1);
  expect(screen.getByText(/Connected — LinkedIn to Microsoft only — since/)).toBeInTheDocument();
  expect(fake.host.roamingSettings.get(CONSENT_SETTING)).toMatchObject({ consent: 'linkedInToMicrosoft', version: 1 });
  expect(JSON.stringify(fake.host.roamingSettings.get(CONSENT_SETTING))).not.toMatch(/token|code|aiko/i);

  // Reload: a new pane over the same roaming settings and device.
  view.unmount();
  renderPane(fake, store, dialog);
  expect(await screen.findByText(cardStrings.mutualCount(12))).toBeInTheDocument();

  // Disconnect.
  await userEvent.click(await screen.findByRole('button', { name: connectStrings.disconnect }));
  await userEvent.click(screen.getByRole('button', { name: connectStrings.disconnectYes }));
  expect(await screen.findByText(connectStrings.disconnected, { exact: false })).toBeInTheDocument();
  expect(screen.getByText(connectStrings.remainsLinkedIn, { exact: false })).toBeInTheDocument();
  // "LinkedIn to Microsoft only" imports no contacts into LinkedIn: nothing to say about them.
  expect(screen.queryByText(connectStrings.contactsRemain, { exact: false })).not.toBeInTheDocument();
  expect(linkedInRequests().some((r) => r.method === 'DELETE')).toBe(true);
  await waitFor(() => expect(screen.queryByText(cardStrings.mutualCount(12))).not.toBeInTheDocument());
  expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
  expect(fake.host.roamingSettings.get(CONSENT_SETTING)).toBeUndefined();
  const afterRevoke = linkedInRequests().slice(linkedInRequests().findIndex((r) => r.method === 'DELETE'));
  expect(afterRevoke.some((r) => r.url.endsWith('/profiles/insights'))).toBe(false);
  // The public card is shown again, but nothing of LinkedIn is written to this device for the rest of the session.
  expect([...store.data.keys()].filter((key) => /linkedin/i.test(key))).toEqual([]);
});

test('a connection removed on the service clears the record and says so once', async () => {
  const fake = createFakeHost({ consent: 'twoWay' });
  controls = { ...controls, connection: { status: 'notConnected' } };
  renderPane(fake, memoryStorage(), allowingDialog());
  expect(await screen.findByText(connectStrings.removedOnService)).toBeInTheDocument();
  expect(fake.host.roamingSettings.get(CONSENT_SETTING)).toBeUndefined();
  expect(await screen.findByRole('button', { name: connectStrings.open })).toBeInTheDocument();
});

test('LinkedIn Cancel: "Not connected", nothing saved', async () => {
  const fake = createFakeHost();
  renderPane(fake, memoryStorage(), cancellingDialog());
  await userEvent.click(await screen.findByRole('button', { name: connectStrings.open }));
  await userEvent.click(screen.getByRole('button', { name: connectStrings.continue }));
  expect(await screen.findByText(/Not connected: the sign-in was cancelled/)).toBeInTheDocument();
  expect(fake.host.roamingSettings.get(CONSENT_SETTING)).toBeUndefined();
});

test('an admin turning LinkedIn off later still leaves Disconnect available', async () => {
  server.use(http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'no' })));
  renderPane(createFakeHost({ consent: 'twoWay' }), memoryStorage(), allowingDialog());
  expect(await screen.findByRole('button', { name: connectStrings.disconnect })).toBeInTheDocument();
  expect(linkedInRequests()).toEqual([]);
});

test('while the service cannot confirm a saved connection, Disconnect is still offered, and removes it', async () => {
  const fake = createFakeHost({ consent: 'twoWay' });
  controls = { ...DEFAULT_INSIGHTS_CONTROLS, faults: { ...DEFAULT_INSIGHTS_CONTROLS.faults, status: 'server' } };
  renderPane(fake, memoryStorage(), allowingDialog());
  await userEvent.click(await screen.findByRole('button', { name: connectStrings.disconnect }));
  controls = DEFAULT_INSIGHTS_CONTROLS;
  await userEvent.click(await screen.findByRole('button', { name: connectStrings.disconnect }));
  await waitFor(() => expect(fake.host.roamingSettings.get(CONSENT_SETTING)).toBeUndefined());
});

test('a saved "both ways" that the service holds as "LinkedIn to Microsoft only": Settings says the stricter one, and nothing goes to LinkedIn', async () => {
  controls = {
    ...DEFAULT_INSIGHTS_CONTROLS,
    connection: { status: 'connected', consent: 'linkedInToMicrosoft', connectedAt: '2026-11-20T09:00:00Z' },
  };
  const fake = createFakeHost({ consent: 'twoWay' });
  renderPane(fake, memoryStorage(), allowingDialog());
  expect(await screen.findByText(cardStrings.mutualCount(12))).toBeInTheDocument();
  expect(await screen.findByText(/Connected — LinkedIn to Microsoft only — since/)).toBeInTheDocument();
  expect(screen.queryByText(/data shared both ways/)).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: cardStrings.suggestionsShow })).not.toBeInTheDocument();
  expect(linkedInRequests().some((r) => r.url.endsWith('/suggestions'))).toBe(false);
});

describe('when the service no longer accepts the connection, Reconnect signs in again in one step, with the saved choice', () => {
  const CONNECTED_INBOUND = { status: 'connected', consent: 'linkedInToMicrosoft', connectedAt: '2026-11-20T09:00:00Z' } as const;

  test('on start (the status check is refused): the notice offers Reconnect; afterwards connected insights are back', async () => {
    controls = { ...DEFAULT_INSIGHTS_CONTROLS, connection: CONNECTED_INBOUND };
    server.use(http.get('*/api/v1/connection', () => HttpResponse.json({ error: 'notConnected' }, { status: 401 })));
    const fake = createFakeHost({ consent: 'linkedInToMicrosoft' });
    const dialog = allowingDialog();
    renderPane(fake, memoryStorage(), dialog);
    expect(await screen.findByText(connectStrings.reconnect)).toBeInTheDocument();
    expect(screen.queryByText(cardStrings.mutualCount(12))).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: connectStrings.reconnectAction }));
    expect(await screen.findByText(cardStrings.mutualCount(12))).toBeInTheDocument();
    // One sign-in, no consent panel: the choice saved before is the one sent, and saved again.
    expect(dialog.opened).toBe(1);
    expect(screen.queryByRole('button', { name: connectStrings.continue })).not.toBeInTheDocument();
    const posted = linkedInRequests().filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/connection'));
    expect(posted).toHaveLength(1);
    expect(JSON.parse(await (posted[0] as { body: Promise<string> }).body)).toMatchObject({ consent: 'linkedInToMicrosoft' });
    expect(fake.host.roamingSettings.get(CONSENT_SETTING)).toMatchObject({ consent: 'linkedInToMicrosoft' });
  });

  test('on the card (insights refused): the section offers Reconnect instead of Retry; afterwards the insights are asked for again', async () => {
    controls = {
      ...DEFAULT_INSIGHTS_CONTROLS,
      connection: CONNECTED_INBOUND,
      faults: { ...DEFAULT_INSIGHTS_CONTROLS.faults, insights: 'notConnected' },
    };
    const dialog = allowingDialog();
    renderPane(createFakeHost({ consent: 'linkedInToMicrosoft' }), memoryStorage(), dialog);
    expect(await screen.findByText(cardStrings.reconnect)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: cardStrings.retry })).not.toBeInTheDocument();
    controls = { ...controls, faults: DEFAULT_INSIGHTS_CONTROLS.faults };
    await userEvent.click(screen.getByRole('button', { name: connectStrings.reconnectAction }));
    expect(await screen.findByText(cardStrings.mutualCount(12))).toBeInTheDocument();
    expect(dialog.opened).toBe(1);
    expect(screen.queryByText(cardStrings.reconnect)).not.toBeInTheDocument();
    // Connected again, as Settings and the badge say (the refusal was the old connection's, not the new one's).
    expect(await screen.findByText(/Connected — LinkedIn to Microsoft only — since/)).toBeInTheDocument();
    expect(screen.getByText(paneStrings.levelLabel.connected)).toBeInTheDocument();
  });

  test('without a sign-in dialog here, the card says how to reconnect in Settings', async () => {
    controls = {
      ...DEFAULT_INSIGHTS_CONTROLS,
      connection: CONNECTED_INBOUND,
      faults: { ...DEFAULT_INSIGHTS_CONTROLS.faults, insights: 'notConnected' },
    };
    const fake = createFakeHost({ consent: 'linkedInToMicrosoft' });
    render(<App deps={testPaneDependencies(fake.host)} />);
    expect(await screen.findByText(cardStrings.reconnectInSettings)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: connectStrings.reconnectAction })).not.toBeInTheDocument();
  });
});

test('an expired LinkedIn sign-in says so, asks for nothing connected, and Reconnect signs in again with the saved choice', async () => {
  const fake = createFakeHost({ consent: 'twoWay' });
  controls = { ...controls, connection: { status: 'expired', consent: 'twoWay', connectedAt: '2026-09-01T10:00:00Z' } };
  const dialog = allowingDialog();
  renderPane(fake, memoryStorage(), dialog);
  expect(await screen.findByText(connectStrings.expired)).toBeInTheDocument();
  expect(await screen.findByText('Partnerships lead at Fabrikam · B2B SaaS')).toBeInTheDocument();
  expect(linkedInRequests().some((r) => r.url.endsWith('/profiles/insights'))).toBe(false);
  // The choice is kept (the user did not disconnect): Reconnect is one step.
  expect(fake.host.roamingSettings.get(CONSENT_SETTING)).toMatchObject({ consent: 'twoWay' });

  controls = { ...controls, connection: { status: 'connected', consent: 'twoWay', connectedAt: '2026-12-04T10:00:00Z' } };
  await userEvent.click(screen.getAllByRole('button', { name: connectStrings.reconnectAction })[0]);
  expect(await screen.findByText(cardStrings.mutualCount(12))).toBeInTheDocument();
  expect(dialog.opened).toBe(1);
});
