/**
 * The connection's one state, as a user meets it in the whole pane (issue 22, items 6 and 8): Settings, the bar, the
 * reasons and the actions say the same thing about the connection, whatever the notices say; and after a disconnect
 * the pane says exactly what it removed and what stays, in the same words as Settings.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { CONSENT_SETTING } from '../../src/app/connect/consentRecord';
import { DEFAULT_INSIGHTS_CONTROLS, insightsService, type InsightsControls } from '../support/insightsService';
import { cardStrings } from '../../src/taskpane/i18n/en/card';
import { connectStrings } from '../../src/taskpane/i18n/en/connect';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { allowingDialog as allowing, cancellingDialog as cancelling, renderPane } from '../support/connectHarness';
import { createFakeHost, POLICY_URL, sampleItem } from '../support/fakeHost';
import { createTestServer } from '../support/mswServer';
import { memoryStorage } from '../support/memoryStorage';

let controls: InsightsControls = DEFAULT_INSIGHTS_CONTROLS;
const service = insightsService(() => controls);
const { server } = createTestServer(...service.handlers);
const allowingDialog = () => allowing(service.signIn);
const cancellingDialog = () => cancelling(service.signIn);
const SINCE = '2026-09-01T10:00:00Z';

beforeEach(() => {
  controls = DEFAULT_INSIGHTS_CONTROLS;
  server.use(http.get(POLICY_URL, () => HttpResponse.json({ linkedInAccountConnections: 'yes' })));
});

/** Settings' status line about the connection. */
const settingsLine = async () =>
  (await waitFor(() => expectElement(document.querySelector('[data-connection]')))).firstElementChild?.textContent;
function expectElement(element: Element | null): Element {
  expect(element).not.toBeNull();
  return element as Element;
}

describe('a connection the service no longer accepts, from the start', () => {
  test.each([
    ['LinkedIn ended the sign-in (60 days)', 'expired', connectStrings.expired],
    ['the service refuses it (401)', 'unauthorized', connectStrings.reconnect],
  ] as const)('%s: the bar, Settings and the reasons all say so, and Reconnect and Disconnect are offered', async (_, answer, barText) => {
    controls = { ...controls, connection: { status: 'expired', consent: 'twoWay', connectedAt: SINCE } };
    if (answer === 'unauthorized')
      server.use(http.get('*/api/v1/connection', () => HttpResponse.json({ error: 'notConnected' }, { status: 401 })));
    renderPane(createFakeHost({ consent: 'twoWay' }), memoryStorage(), allowingDialog());

    expect(await screen.findByText(barText)).toBeInTheDocument();
    expect(await screen.findByText(connectStrings.statusExpired('twoWay', 'Nov 27, 2026'))).toBeInTheDocument();
    expect(await settingsLine()).toMatch(/no longer accepts the connection/);
    expect(screen.queryByText(/not confirmed/)).not.toBeInTheDocument();
    expect(document.querySelector('[data-connection-limit]')?.getAttribute('data-connection-limit')).toBe('expired');
    expect(document.querySelector('.fui-Badge')?.textContent).toBe(paneStrings.levelLabel.public);
    expect(screen.getByRole('button', { name: connectStrings.reconnectAction })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: connectStrings.disconnect })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: paneStrings.can.connect })).not.toBeInTheDocument();
  });

  test('a reconnect the user cancels says so, and the connection stays expired with Reconnect still offered', async () => {
    controls = { ...controls, connection: { status: 'expired', consent: 'linkedInToMicrosoft', connectedAt: SINCE } };
    renderPane(createFakeHost({ consent: 'linkedInToMicrosoft' }), memoryStorage(), cancellingDialog());
    await userEvent.click(await screen.findByRole('button', { name: connectStrings.reconnectAction }));
    expect(await screen.findByText(/Not connected: the sign-in was cancelled/)).toBeInTheDocument();
    // The notice is about the sign-in; the connection's state (and so its Reconnect) is not the notice's to decide.
    expect(screen.getByText(connectStrings.expired)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: connectStrings.reconnectAction })).toBeInTheDocument();
    expect(await settingsLine()).toMatch(/no longer accepts the connection/);
  });
});

describe('after a disconnect, the pane says exactly what it removed and what stays', () => {
  test.each([
    ['twoWay', 'microsoftAndLinkedIn'],
    ['linkedInToMicrosoft', 'linkedInOnly'],
  ] as const)('consent %s', async (consent, remains) => {
    controls = { ...controls, connection: { status: 'connected', consent, connectedAt: SINCE } };
    const fake = createFakeHost({ consent });
    const store = memoryStorage();
    renderPane(fake, store, allowingDialog());
    // Three people looked up and kept: the two of the first mail, and one more on the next.
    await screen.findByText(cardStrings.mutualCount(12));
    act(() => fake.selectItem(sampleItem('internal-sender')));
    await waitFor(() => expect(document.querySelector('[data-cached]')?.getAttribute('data-cached')).toBe('3'));
    expect(document.querySelector('[data-cached]')?.getAttribute('data-kept')).toBe('device');

    await userEvent.click(await screen.findByRole('button', { name: connectStrings.disconnect }));
    await userEvent.click(screen.getByRole('button', { name: connectStrings.disconnectYes }));
    const message = await waitFor(() => expectElement(document.querySelector('[data-notice="disconnected"]')));
    // What it removed: the saved choice and the three people it had kept.
    expect(message.textContent).toContain(connectStrings.removedKept(3));
    expect(fake.host.roamingSettings.get(CONSENT_SETTING)).toBeUndefined();
    // What stays: the public cards shown again, kept in the pane only — and Settings says so, counting them.
    await waitFor(() => expect(document.querySelector('[data-cached]')?.getAttribute('data-cached')).toBe('2'));
    const note = expectElement(document.querySelector('[data-cached]'));
    expect(note.getAttribute('data-kept')).toBe('pane');
    expect(note.textContent).toBe(paneStrings.cacheNoteInPane(2));
    expect(message.textContent).toContain(connectStrings.keptInPane);
    expect(document.body.textContent).not.toMatch(/everything/);
    expect([...store.data.keys()].filter((key) => /linkedin/i.test(key))).toEqual([]);
    // What the user still has to do: contacts imported into LinkedIn only after "both ways" (one way imports none).
    expect(within(message as HTMLElement).queryByText(connectStrings.contactsRemain, { exact: false }) !== null).toBe(
      remains === 'microsoftAndLinkedIn',
    );
    expect(within(message as HTMLElement).queryByRole('link', { name: connectStrings.manageContacts }) !== null).toBe(
      remains === 'microsoftAndLinkedIn',
    );
    expect(within(message as HTMLElement).queryByRole('link', { name: connectStrings.myApps }) !== null).toBe(
      remains === 'microsoftAndLinkedIn',
    );
    expect(within(message as HTMLElement).getByRole('link', { name: connectStrings.linkedInPermissions })).toBeInTheDocument();
  });
});
