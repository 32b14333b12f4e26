/**
 * What the pane tells people is always true (issue 13): for every combination of decision × connection state ×
 * lookup outcome, the pane is derived (derivePane, pure) and rendered (PaneView, static props), and what is on screen
 * is held against itself. Each check names the contradiction it would catch.
 */
import { act, render } from '@testing-library/react';
import type { ConnectionState } from '../../src/app/connect/useConnection';
import type { ConsentRecord } from '../../src/app/connect/consentRecord';
import { connectionExists, connectionTruthOf } from '../../src/app/pane/connectionTruth';
import { derivePane, type PaneInputs, type PaneState } from '../../src/app/pane/derive';
import type { PaneActions } from '../../src/app/pane/usePane';
import type { ConnectedState, ProfileReadings, PublicState } from '../../src/app/profileLoader';
import { DEFAULT_ADMIN_POLICY, type AdminPolicy } from '../../src/contract/policyFile';
import { SAMPLE_VIEWER } from '../../src/mocks/sampleItems';
import { sampleItem } from '../support/fakeHost';
import { ServiceError } from '../../src/services/errors';
import type { PolicyFileState } from '../../src/services/policyFile';
import { PaneView } from '../../src/taskpane/components/PaneView';
import { connectStrings } from '../../src/taskpane/connect/strings';
import { PaneFrame } from '../../src/taskpane/PaneFrame';
import { paneStrings } from '../../src/taskpane/strings';
import { describeReason } from '../../src/policy';
import type { DetectedEnvironment } from '../../src/app/viewer';

const RECORD: ConsentRecord = { consent: 'twoWay', connectedAt: '2026-11-20T09:00:00Z', version: 1 };
const base: ConnectionState = { consent: 'none', record: null, busy: null, notice: null, verified: true };

/** Every connection state the pane can be in, as useConnection and the reconciliation leave it. */
const CONNECTIONS: Record<string, ConnectionState> = {
  'not connected': base,
  'connected (both ways)': { ...base, consent: 'twoWay', record: RECORD },
  'connected (LinkedIn to Microsoft)': { ...base, consent: 'linkedInToMicrosoft', record: { ...RECORD, consent: 'linkedInToMicrosoft' } },
  'connected, not confirmed yet': { ...base, consent: 'twoWay', record: RECORD, verified: false },
  'connected, service unreachable (timeout)': {
    ...base,
    consent: 'unknown',
    record: RECORD,
    notice: { kind: 'statusUnknown', errorKind: 'timeout' },
  },
  'connected, service refuses it (401)': {
    ...base,
    consent: 'unknown',
    record: RECORD,
    notice: { kind: 'statusUnknown', errorKind: 'unauthorized' },
  },
  'removed on the service': { ...base, notice: { kind: 'removedOnService' } },
  'just disconnected': { ...base, notice: { kind: 'disconnected', remains: 'microsoftAndLinkedIn' } },
};

const policy = (patch: Partial<AdminPolicy> = {}): AdminPolicy => ({ ...DEFAULT_ADMIN_POLICY, tenantMode: 'yes', ...patch });
const DETECTED: DetectedEnvironment = { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' };

/** Every state of the admin's policy and environment: LinkedIn allowed, off for a reason, or a file the pane can't trust. */
const DECISIONS: Record<string, { policyState: PolicyFileState; detected?: Partial<DetectedEnvironment> }> = {
  allowed: { policyState: { status: 'valid', policy: policy() } },
  'tenant off': { policyState: { status: 'valid', policy: policy({ tenantMode: 'no' }) } },
  'environment unknown': { policyState: { status: 'valid', policy: policy() }, detected: { cloud: 'unknown' } },
  'policy file invalid': {
    policyState: { status: 'invalid', field: 'linkedInAccountConnections', problem: 'is not one of yes, selected, no' },
  },
  'policy file unreachable': { policyState: { status: 'unreachable', error: new ServiceError('server', 'The server answered 500.') } },
};

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

function inputs(decision: string, connection: string, lookup: string): PaneInputs {
  const d = DECISIONS[decision];
  const l = LOOKUPS[lookup];
  const readings: ProfileReadings = { publicState: () => l.public, connectedState: () => l.connected, cachedCount: l.cached };
  return {
    settled: { policyState: d.policyState, detected: { ...DETECTED, ...d.detected } },
    user: SAMPLE_VIEWER,
    platform: 'web',
    userOption: true,
    item: sampleItem('external-sender'),
    chosenAddress: null,
    visibleAddresses: null,
    profiles: readings,
    connection: CONNECTIONS[connection],
    signInAvailable: true,
    suggestions: { itemKey: null, state: { status: 'idle' } },
  };
}

const noop = (): void => undefined;
const ACTIONS: PaneActions = {
  selectPerson: noop,
  refreshItem: noop,
  setShowLinkedInFeatures: noop,
  setVisiblePeople: noop,
  retry: noop,
  clearCache: noop,
  copyText: () => Promise.resolve(false),
  connection: { connect: noop, reconnect: noop, disconnect: noop, dismissNotice: noop },
  requestSuggestions: noop,
};

async function renderPane(state: PaneState) {
  const view = render(
    <PaneFrame theme="light" displayLanguage="en-US">
      <PaneView state={state} actions={ACTIONS} revealed />
    </PaneFrame>,
  );
  // The sections below the card come in a chunk of their own: wait until they are in.
  await act(async () => {
    await import('../../src/taskpane/sections');
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return view;
}

const ROWS = Object.keys(DECISIONS).flatMap((decision) =>
  Object.keys(CONNECTIONS).flatMap((connection) => Object.keys(LOOKUPS).map((lookup) => [decision, connection, lookup] as const)),
);

const text = (container: HTMLElement) => container.textContent ?? '';
/** The button with this label, if offered (plain DOM queries: ByRole over Fluent's tree is slow for 280 renders). */
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) ?? null;
/** What the "What the add-in may do" table says for a row ('Allowed' / 'Not allowed'), or undefined when not listed. */
const row = (label: string) =>
  [...document.querySelectorAll('[data-allowed]')].find((cell) => cell.previousElementSibling?.textContent === label)?.textContent ??
  undefined;
const NOT_CONNECTED_REASON = describeReason('not-connected').message;

describe(`the pane never contradicts itself (${ROWS.length} combinations of decision × connection × lookup)`, () => {
  test.each(ROWS)('%s × %s × %s', async (decision, connectionName, lookup) => {
    const { state } = derivePane(inputs(decision, connectionName, lookup));
    const { container } = await renderPane(state);
    const connection = CONNECTIONS[connectionName];
    const l = LOOKUPS[lookup];
    const truth = connectionTruthOf(connection, l.connected);
    const exists = connectionExists(truth);
    const all = text(container);

    // Must 1: Disconnect is offered in every state while a connection exists — and only then.
    expect(Boolean(button(connectStrings.disconnect))).toBe(exists);
    // "Not connected" never beside Disconnect; a connection that exists is never called "not connected".
    if (exists) {
      expect(all).not.toContain(connectStrings.notConnected);
      expect(all).not.toContain(NOT_CONNECTED_REASON);
    }
    // Nothing offers to connect a user who has a connection, nor what the decision forbids.
    if (exists || state.phase !== 'ready' || !state.viewerDecision.canConnect) expect(button(paneStrings.can.connect)).toBeNull();
    // A connected user is not told "Connect your LinkedIn account: Not allowed".
    if (exists) expect(row(paneStrings.can.connect)).toBeUndefined();
    if (state.phase !== 'ready') {
      // An untrusted policy file: nothing of LinkedIn, no decision shown.
      expect(container.querySelector('[data-level]')).toBeNull();
      return;
    }
    const badge = container.querySelector('.fui-Badge')?.textContent;
    // Connected insights are claimed only on a connection the service confirmed, never beside "no longer accepts".
    if (badge === paneStrings.levelLabel.connected) {
      expect(truth).toBe('connected');
      expect(all).not.toMatch(/no longer accepts/);
    }
    // A person of whom nothing is shown is never explained with "you see public information".
    if (badge === paneStrings.levelLabel.none) expect(all).not.toContain(NOT_CONNECTED_REASON);
    // Outbound sharing allowed only where connected insights are shown.
    const outbound = row(paneStrings.can.outbound);
    if (outbound === paneStrings.allowed) expect(badge).toBe(paneStrings.levelLabel.connected);
    // The actions listed agree with the buttons offered.
    const disconnectRow = row(paneStrings.can.disconnect);
    if (disconnectRow !== undefined) expect(disconnectRow === paneStrings.allowed).toBe(exists);
    const connectRow = row(paneStrings.can.connect);
    if (connectRow === paneStrings.allowed) expect(button(paneStrings.can.connect)).not.toBeNull();
    // "Kept nothing" is never said (it fetched again at once): what was removed is said, the count says what is kept now.
    expect(all).not.toMatch(/kept nothing/);
    const kept = container.querySelector('[data-cached]');
    if (kept) expect(kept.getAttribute('data-cached')).toBe(String(l.cached));
    if (l.cached === 0 && kept) expect(kept.textContent).toMatch(/^Nothing from LinkedIn is kept/);
  });
});
