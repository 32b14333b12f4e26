/**
 * What the pane tells people is always true (issues 13, 22): for every combination of decision × connection state ×
 * lookup outcome, the pane is derived (derivePane, pure) and rendered (PaneView, static props), and what is on screen
 * is held against itself. The connection states come from the status union itself (test/support/connectionStates.ts,
 * typed by it), each reached through the connection's reducer. Each check names the contradiction it would catch.
 */
import { calendarNotRead } from '../../src/app/today/useTodayCalendar';
import { todayViewFor } from '../../src/app/today/useTodayView';
import { act, render } from '@testing-library/react';
import { CONNECTION_STATUSES, connectionReducer, type ConnectionState, type ConnectionStatus } from '../../src/app/connect/connectionState';
import { derivePane, type DerivedPane, type PaneInputs } from '../../src/app/pane/derive';
import type { PaneState } from '../../src/app/pane/paneState';
import { INERT_PANE_ACTIONS } from '../../dev/mocks/inertPaneActions';
import type { ConnectedState, ProfileReadings, PublicState } from '../../src/app/profileLoader';
import { DEFAULT_ADMIN_POLICY, policyProblem, type AdminPolicy } from '../../src/contract/policyFile';
import { SAMPLE_VIEWER } from '../../dev/mocks/sampleItems';
import { ServiceError } from '../../src/services/errors';
import type { PolicyFileState } from '../../src/services/policyFile';
import { PaneView } from '../../src/taskpane/components/PaneView';
import { cardStrings } from '../../src/taskpane/i18n/en/card';
import { connectStrings } from '../../src/taskpane/i18n/en/connect';
import { PaneFrame } from '../../src/taskpane/frame/PaneFrame';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { describeReason } from '../../src/policy';
import type { DetectedEnvironment } from '../../src/app/viewer';
import { CONNECTION_ROWS, CONNECTIONS, type ConnectionFixture } from '../support/connectionStates';
import { sampleItem } from '../support/fakeHost';

const policy = (patch: Partial<AdminPolicy> = {}): AdminPolicy => ({ ...DEFAULT_ADMIN_POLICY, tenantMode: 'yes', ...patch });
const DETECTED: DetectedEnvironment = { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' };

/** Every state of the admin's policy and environment: LinkedIn allowed, off for a reason, or a file the pane can't trust. */
const DECISIONS: Record<string, { policyState: PolicyFileState; detected?: Partial<DetectedEnvironment> }> = {
  allowed: { policyState: { status: 'valid', policy: policy() } },
  'tenant off': { policyState: { status: 'valid', policy: policy({ tenantMode: 'no' }) } },
  'environment unknown': { policyState: { status: 'valid', policy: policy() }, detected: { cloud: 'unknown' } },
  'policy file invalid': {
    policyState: {
      status: 'invalid',
      ...policyProblem('linkedInAccountConnections', { kind: 'notOneOf', options: ['yes', 'selected', 'no'] }),
    },
  },
  'policy file unreachable': { policyState: { status: 'unreachable', error: new ServiceError('server', 'The server answered 500.') } },
};
/** A policy file the pane cannot trust looks nobody up: one lookup row is enough there. */
const UNTRUSTED = new Set(['policy file invalid', 'policy file unreachable']);

const PROFILE = { id: 'li-aiko', name: 'Aiko Tanaka', headline: 'Partnerships lead at Fabrikam' };
/** What LinkedIn answered for the person shown (public lookup, and connected insights where asked). */
const LOOKUPS: Record<string, { public: PublicState; connected: ConnectedState; cached: number }> = {
  'a match, insights loading': { public: { status: 'match', profile: PROFILE }, connected: { status: 'loading' }, cached: 2 },
  'a match, insights refused (401)': {
    public: { status: 'match', profile: PROFILE },
    connected: { status: 'error', kind: 'unauthorized' },
    cached: 2,
  },
  'a match, insights failing (500)': {
    public: { status: 'match', profile: PROFILE },
    connected: { status: 'error', kind: 'server' },
    cached: 1,
  },
  'no match': { public: { status: 'noMatch' }, connected: { status: 'idle' }, cached: 1 },
  'a hidden member': { public: { status: 'hidden' }, connected: { status: 'idle' }, cached: 0 },
  'still loading': { public: { status: 'loading' }, connected: { status: 'idle' }, cached: 0 },
  'lookup failing': { public: { status: 'error', kind: 'timeout' }, connected: { status: 'idle' }, cached: 0 },
};

function inputs(decision: string, connection: ConnectionState, fixture: ConnectionFixture, lookup: string): PaneInputs {
  const d = DECISIONS[decision];
  const l = LOOKUPS[lookup];
  const readings: ProfileReadings = {
    publicState: () => l.public,
    connectedState: () => l.connected,
    cachedCount: l.cached,
    keptInPaneOnly: fixture.keptInPaneOnly,
  };
  return {
    settled: { policyState: d.policyState, detected: { ...DETECTED, ...d.detected } },
    user: SAMPLE_VIEWER,
    platform: 'web',
    userOption: true,
    item: sampleItem('external-sender'),
    chosenAddress: null,
    visibleAddresses: null,
    profiles: readings,
    connection,
    signInAvailable: true,
    suggestions: { itemKey: null, state: { status: 'idle' } },
    todayView: todayViewFor(sampleItem('external-sender'), true),
    today: calendarNotRead(Date.UTC(2026, 11, 5, 10), 'Europe/Berlin'),
    timeZone: 'Europe/Berlin',
  };
}

/**
 * The pane as painted: derived, and when the derivation reports that connected insights were refused, derived again
 * after the connection's reducer heard it — what usePane does in a layout effect, before the browser paints.
 */
function painted(decision: string, fixture: ConnectionFixture, lookup: string): { derived: DerivedPane; connection: ConnectionState } {
  let connection = fixture.state;
  let derived = derivePane(inputs(decision, connection, fixture, lookup));
  if (derived.work.insightsRefused) {
    connection = connectionReducer(connection, { type: 'insightsRefused' });
    derived = derivePane(inputs(decision, connection, fixture, lookup));
  }
  return { derived, connection };
}

async function renderPane(state: PaneState) {
  const view = render(
    <PaneFrame theme="light" displayLanguage="en-US">
      <PaneView state={state} actions={INERT_PANE_ACTIONS} revealed />
    </PaneFrame>,
  );
  // The sections below the card come in a chunk of their own: wait until they are in.
  await act(async () => {
    await import('../../src/taskpane/components/sections');
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return view;
}

/** What Settings' status line says for a connection resting in each state (busy ones say the state before). */
const SETTINGS_LINE: Record<Exclude<ConnectionStatus, 'connecting' | 'disconnecting'>, RegExp> = {
  connected: /^Connected — /,
  unconfirmed: /not confirmed by the LinkedIn service yet$/,
  expired: /no longer accepts the connection: reconnect, or disconnect$/,
  removed: new RegExp(`^${connectStrings.notConnected}$`),
  notConnected: new RegExp(`^${connectStrings.notConnected}$`),
};
const EXISTS: ReadonlySet<ConnectionStatus> = new Set(['connected', 'unconfirmed', 'expired']);

const ROWS = Object.keys(DECISIONS).flatMap((decision) =>
  CONNECTION_ROWS.flatMap(([status, name, fixture]) =>
    (UNTRUSTED.has(decision) ? Object.keys(LOOKUPS).slice(0, 1) : Object.keys(LOOKUPS)).map(
      (lookup) => [decision, `${status}: ${name}`, lookup, status, fixture] as const,
    ),
  ),
);

const text = (container: HTMLElement) => container.textContent ?? '';
/** The buttons with this label (plain DOM queries: ByRole over Fluent's tree is slow for hundreds of renders). */
const buttons = (name: string) => [...document.querySelectorAll('button')].filter((b) => b.textContent?.trim() === name);
const button = (name: string) => buttons(name)[0] ?? null;
/** What the "What the add-in may do" table says for a row ('Allowed' / 'Not allowed'), or undefined when not listed. */
const row = (label: string) =>
  [...document.querySelectorAll('[data-allowed]')].find((cell) => cell.previousElementSibling?.textContent === label)?.textContent ??
  undefined;
const NOT_CONNECTED_REASON = describeReason('not-connected').message;

test('the table covers every connection status of the type, each row reaching the status it is listed under', () => {
  expect(Object.keys(CONNECTIONS)).toEqual([...CONNECTION_STATUSES]);
  for (const [status, name, fixture] of CONNECTION_ROWS) expect([name, fixture.state.status]).toEqual([name, status]);
});

describe(`the pane never contradicts itself (${ROWS.length} combinations of decision × connection × lookup)`, () => {
  test.each(ROWS)('%s × %s × %s', async (decision, _name, lookup, listedStatus, fixture) => {
    const { derived, connection } = painted(decision, fixture, lookup);
    const { state } = derived;
    const { container } = await renderPane(state);
    const l = LOOKUPS[lookup];
    // A 401 on connected insights expires a confirmed connection (the reducer's event); nothing else moves it.
    const status = connection.status;
    if (status !== listedStatus) expect([listedStatus, status, l.connected]).toEqual(['connected', 'expired', l.connected]);
    const resting =
      connection.status === 'connecting' || connection.status === 'disconnecting' ? connection.before.status : connection.status;
    const exists = EXISTS.has(resting);
    const busy = resting !== status;
    const all = text(container);

    // Must 1: Disconnect is offered in every state while a connection exists (and no sign-in or disconnect is under
    // way, when Settings says so instead) — and only then.
    expect(Boolean(button(connectStrings.disconnect))).toBe(exists && !busy);
    // Settings' status line is the state's, whatever the notices say.
    const settingsLine = container.querySelector('[data-connection]')?.firstElementChild?.textContent;
    if (state.phase === 'ready' || exists) expect(settingsLine).toMatch(SETTINGS_LINE[resting]);
    // "Not connected" never beside Disconnect; a connection that exists is never called "not connected".
    if (exists) {
      expect(all).not.toContain(connectStrings.notConnected);
      expect(all).not.toContain(NOT_CONNECTED_REASON);
    }
    // Nothing offers to connect a user who has a connection, nor what the decision forbids.
    if (exists || state.phase !== 'ready' || !state.viewerDecision.canConnect) expect(button(paneStrings.can.connect)).toBeNull();
    // A connected user is not told "Connect your LinkedIn account: Not allowed".
    if (exists) expect(row(paneStrings.can.connect)).toBeUndefined();
    // "No longer accepts" / "expired" is said exactly while the connection is expired, and Reconnect is offered then —
    // wherever the rules would let this viewer connect — and never otherwise.
    const saysExpired = [connectStrings.expired, connectStrings.reconnect].some((sentence) => all.includes(sentence));
    if (saysExpired) expect(status).toBe('expired');
    // "Public information only until you reconnect" is never said where nothing of LinkedIn is shown.
    if (state.phase !== 'ready' || state.viewerDecision.level === 'none') expect(saysExpired).toBe(false);
    const mayConnect = state.phase === 'ready' && decision === 'allowed';
    expect(buttons(connectStrings.reconnectAction).length > 0).toBe(status === 'expired' && mayConnect);
    if (status === 'expired' && state.phase === 'ready' && state.viewerDecision.level !== 'none') {
      expect(saysExpired || all.includes(cardStrings.reconnect)).toBe(true);
    }
    itemEightHolds(container, connection, fixture, l.cached, state.phase === 'ready' && state.viewerDecision.level !== 'none');
    if (state.phase !== 'ready') {
      // An untrusted policy file: nothing of LinkedIn, no decision shown — the person as Outlook knows them only.
      expect(container.querySelector('[data-level]:not([data-level="none"])')).toBeNull();
      expect(container.querySelector('.fui-Badge')).toBeNull();
      expect(container.querySelector('[data-state="outlook-only"]')).not.toBeNull();
      return;
    }
    const badge = container.querySelector('.fui-Badge')?.textContent;
    // Connected insights are claimed only on a connection the service confirmed, never beside "no longer accepts".
    if (badge === paneStrings.levelLabel.connected) {
      expect(status).toBe('connected');
      expect(all).not.toMatch(/no longer accepts/);
    }
    // The reasons name the connection's limit as Settings does ("not confirmed" / "no longer accepts").
    const limit = container.querySelector('[data-connection-limit]')?.getAttribute('data-connection-limit');
    if (badge !== undefined && badge !== paneStrings.levelLabel.none && !busy) {
      expect(limit ?? null).toBe(status === 'unconfirmed' || status === 'expired' ? status : null);
    }
    // Connected insights (or their loading) appear only on a confirmed connection; an expired one keeps the refusal only.
    if (container.querySelector('[data-state="connected-card"], [data-state="connected-loading"]')) expect(status).toBe('connected');
    // A person of whom nothing is shown is never explained with "you see public information".
    if (badge === paneStrings.levelLabel.none) expect(all).not.toContain(NOT_CONNECTED_REASON);
    // Outbound sharing allowed only where connected insights are shown.
    const outbound = row(paneStrings.can.outbound);
    const level = container.querySelector('section[data-level]')?.getAttribute('data-level');
    if (outbound === paneStrings.capability.allowed) expect(level).toBe('connected');
    // The badge never claims information over a card that shows none (no match, can't be looked up, an error).
    if (!container.querySelector('[data-state="public-card"], [data-state="loading"]'))
      expect([paneStrings.levelLabel.public, paneStrings.levelLabel.connected]).not.toContain(badge);
    // "After you connect" only where connecting is offered (or under way); the badge never claims insights not on screen.
    if (row(paneStrings.can.showConnected) === paneStrings.capability.afterConnect)
      expect(button(paneStrings.can.connect) !== null || status === 'connecting').toBe(true);
    if (badge === paneStrings.levelLabel.connected)
      expect(container.querySelector('[data-state="connected-card"], [data-state="connected-loading"]')).not.toBeNull();
    // The actions listed agree with the buttons offered.
    const connectRow = row(paneStrings.can.connect);
    if (connectRow === paneStrings.capability.allowed) {
      // Offered, or the sign-in it started is under way and says so.
      expect(button(paneStrings.can.connect) !== null || (status === 'connecting' && all.includes(connectStrings.connecting))).toBe(true);
    }
    // "Kept nothing" is never said (it fetched again at once): what was removed is said, the count says what is kept now.
    expect(all).not.toMatch(/kept nothing/);
    const kept = container.querySelector('[data-cached]');
    if (kept) expect(kept.getAttribute('data-cached')).toBe(String(l.cached));
    if (l.cached === 0 && kept) expect(kept.textContent).toMatch(/^Nothing from LinkedIn is kept/);
  });
});

/**
 * After a disconnect the pane says exactly what it removed and what stays: never "removed everything" while Settings
 * counts people kept; what stays said in the same words by the message and Settings; contacts imported into LinkedIn
 * only after "both ways" (LinkedIn to Microsoft only imports none).
 */
function itemEightHolds(
  container: HTMLElement,
  connection: ConnectionState,
  fixture: ConnectionFixture,
  cached: number,
  showsCards: boolean,
): void {
  const all = text(container);
  expect(all).not.toMatch(/removed everything|everything it had kept/);
  const notice = connection.notice;
  const message = container.querySelector('[data-notice="disconnected"]');
  expect(Boolean(message)).toBe(notice?.kind === 'disconnected');
  if (!message || notice?.kind !== 'disconnected') return;
  expect(message.textContent).toContain(connectStrings.removedKept(notice.forgotPeople));
  expect(message.textContent?.includes(connectStrings.contactsRemain)).toBe(notice.remains === 'microsoftAndLinkedIn');
  // What stays is said where cards are shown, and Settings says the same, with its count.
  expect(message.textContent?.includes(connectStrings.keptInPane)).toBe(showsCards);
  const note = container.querySelector('[data-cached]');
  if (!note) return;
  expect(fixture.keptInPaneOnly).toBe(true);
  expect([note.getAttribute('data-kept'), note.textContent]).toEqual(['pane', paneStrings.cacheNoteInPane(cached)]);
}
