import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { CONSENT_SETTING } from '../../src/app/connect/consentRecord';
import { DEFAULT_INSIGHTS_CONTROLS, insightsService, type InsightsControls } from '../support/insightsService';
import { describeReason } from '../../src/policy';
import type { ServiceErrorKind } from '../../src/services/errors';
import { REOPEN_WAIT_MS } from '../../src/office/signInDialog';
import { GRAPH_BASE } from '../../src/services/graphClient';
import { cardStrings } from '../../src/taskpane/i18n/en/card';
import { connectStrings } from '../../src/taskpane/i18n/en/connect';
import { paneStrings } from '../../src/taskpane/i18n/en/pane';
import { POLICY_URL } from '../support/fakeHost';
import { createTestServer } from '../support/mswServer';
import { waitForSettled } from '../support/settled';
import {
  API,
  fakeClock,
  faultyEndpoint,
  graphTokens,
  GROUP,
  refusingStorage,
  renderPane,
  scriptedDialog,
  watchedRoaming,
  type DialogBehaviour,
  type Fault,
  insightsTokens,
} from './harness';

/**
 * The fault matrix (issue 6, item 2): for each flow and each way the network, Outlook's roaming settings or the
 * sign-in dialog can fail, the state the user sees, how many requests were made (retries included), and — for the
 * flows that write consent — that the consent record was only ever the old value or the new one.
 */
let controls: InsightsControls = DEFAULT_INSIGHTS_CONTROLS;
const service = insightsService(() => controls);
const { server, requests, linkedInRequests, activity } = createTestServer(
  ...service.handlers,
  http.post(`${GRAPH_BASE}me/checkMemberGroups`, () => HttpResponse.json({ value: [GROUP] })),
);

type Flow = 'public lookup' | 'connected insights' | 'membership check' | 'connect' | 'disconnect' | 'status reconcile';

const CONNECTED = { status: 'connected', consent: 'twoWay', connectedAt: '2026-11-27T10:00:00Z' } as const;
const PUBLIC_CARD = 'Partnerships lead at Fabrikam · B2B SaaS';
const INSIGHTS = cardStrings.mutualCount(12);

const FLOWS: Record<
  Flow,
  { method: 'get' | 'post' | 'delete'; url: string; consent: 'none' | 'twoWay'; policy: Record<string, unknown>; act?: () => Promise<void> }
> = {
  'public lookup': { method: 'post', url: `${API}profiles/lookup`, consent: 'none', policy: { linkedInAccountConnections: 'yes' } },
  'connected insights': {
    method: 'post',
    url: `${API}profiles/insights`,
    consent: 'twoWay',
    policy: { linkedInAccountConnections: 'yes' },
  },
  'membership check': {
    method: 'post',
    url: `${GRAPH_BASE}me/checkMemberGroups`,
    consent: 'none',
    policy: {
      linkedInAccountConnections: 'selected',
      selectedGroupId: GROUP,
      environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' },
    },
  },
  connect: {
    method: 'post',
    url: `${API}connection`,
    consent: 'none',
    policy: { linkedInAccountConnections: 'yes' },
    act: async () => {
      await userEvent.click(await screen.findByRole('button', { name: connectStrings.open }));
      await userEvent.click(screen.getByRole('button', { name: connectStrings.continue }));
    },
  },
  disconnect: {
    method: 'delete',
    url: `${API}connection`,
    consent: 'twoWay',
    policy: { linkedInAccountConnections: 'yes' },
    act: async () => {
      await screen.findByText(INSIGHTS);
      await userEvent.click(await screen.findByRole('button', { name: connectStrings.disconnect }));
      await userEvent.click(screen.getByRole('button', { name: connectStrings.disconnectYes }));
    },
  },
  'status reconcile': { method: 'get', url: `${API}connection`, consent: 'twoWay', policy: { linkedInAccountConnections: 'yes' } },
};

interface Row {
  flow: Flow;
  fault: Fault | 'none';
  /** Answer with the fault only this many times, then normally. */
  failTimes?: number;
  saveFails?: number;
  /** How many saves in a row Outlook refuses (1 unless said): after a dialog closes, the Mac can refuse the first. */
  saveFailTimes?: number;
  /** Roaming saves tried, and the pauses between them (ms). */
  saves?: { tries: number; waits: number[] };
  /** Local storage refuses to let go of what the add-in kept. */
  storageFails?: true;
  /** Times the sign-in dialog was asked to open. */
  opens?: number;
  dialog?: DialogBehaviour;
  /** What the service says about the connection (reconcile). */
  service?: 'notConnected';
  sees: string;
  /** Requests to the flow's endpoint, retries included. */
  tries: number;
  /** Consent record afterwards: the old value or the new one (and never anything else at any point). */
  consent?: 'old' | 'new';
  /** After the final 429: seconds during which Retry sends nothing for this person. */
  locked?: number;
}

const lookupError = (kind: ServiceErrorKind) => cardStrings.error[kind];
const connectService = (kind: ServiceErrorKind) => connectStrings.failure({ reason: 'service', kind });
const statusUnknown = (kind: ServiceErrorKind) => `${cardStrings.error[kind]} ${connectStrings.statusUnknown}`;
const MEMBERSHIP_UNKNOWN = describeReason('membership-unknown').message;
const LIMIT = cardStrings.error.throttled;

const ROWS: Row[] = [
  // Public lookup: each failure its own message; 429/503 tried 3 times; after the final 429 the person is locked.
  { flow: 'public lookup', fault: 'offline', sees: lookupError('offline'), tries: 1 },
  { flow: 'public lookup', fault: 'timeout', sees: lookupError('timeout'), tries: 1 },
  { flow: 'public lookup', fault: '401', sees: lookupError('unauthorized'), tries: 1 },
  // The service refused the add-in's token: one fresh token, never a second; never "Reconnect LinkedIn".
  { flow: 'public lookup', fault: '401 invalidToken', sees: lookupError('unauthorized'), tries: 2 },
  { flow: 'public lookup', fault: '401 invalidToken', failTimes: 1, sees: PUBLIC_CARD, tries: 2 },
  { flow: 'public lookup', fault: '403', sees: lookupError('forbidden'), tries: 1 },
  { flow: 'public lookup', fault: '404', sees: lookupError('notFound'), tries: 1 },
  { flow: 'public lookup', fault: '429', sees: LIMIT, tries: 3, locked: 60 },
  { flow: 'public lookup', fault: '429 Retry-After 2 s', sees: LIMIT, tries: 3, locked: 2 },
  { flow: 'public lookup', fault: '429 Retry-After HTTP date', sees: LIMIT, tries: 3, locked: 3 },
  { flow: 'public lookup', fault: '429 Retry-After 120 s', sees: LIMIT, tries: 1, locked: 120 },
  { flow: 'public lookup', fault: '429', failTimes: 2, sees: PUBLIC_CARD, tries: 3 },
  { flow: 'public lookup', fault: '500', sees: lookupError('server'), tries: 1 },
  { flow: 'public lookup', fault: '503', sees: lookupError('server'), tries: 3 },
  { flow: 'public lookup', fault: '503', failTimes: 1, sees: PUBLIC_CARD, tries: 2 },
  { flow: 'public lookup', fault: 'truncated JSON', sees: lookupError('invalidPayload'), tries: 1 },
  // Connected insights: the public card stays; only the service's 401 notConnected means the connection is gone
  // ("Reconnect LinkedIn"); a refused token (or a 401 naming nothing) is the add-in's sign-in, which reconnecting
  // LinkedIn cannot fix.
  { flow: 'connected insights', fault: 'offline', sees: lookupError('offline'), tries: 1 },
  { flow: 'connected insights', fault: 'timeout', sees: lookupError('timeout'), tries: 1 },
  { flow: 'connected insights', fault: '401', sees: lookupError('unauthorized'), tries: 1 },
  { flow: 'connected insights', fault: '401 invalidToken', sees: lookupError('unauthorized'), tries: 2 },
  { flow: 'connected insights', fault: '401 invalidToken', failTimes: 1, sees: INSIGHTS, tries: 2 },
  { flow: 'connected insights', fault: '401 notConnected', sees: cardStrings.reconnect, tries: 1 },
  { flow: 'connected insights', fault: '403', sees: lookupError('forbidden'), tries: 1 },
  { flow: 'connected insights', fault: '404', sees: lookupError('notFound'), tries: 1 },
  { flow: 'connected insights', fault: '429', sees: LIMIT, tries: 3, locked: 60 },
  { flow: 'connected insights', fault: '429 Retry-After 2 s', sees: LIMIT, tries: 3, locked: 2 },
  { flow: 'connected insights', fault: '429 Retry-After 120 s', sees: LIMIT, tries: 1, locked: 120 },
  { flow: 'connected insights', fault: '500', sees: lookupError('server'), tries: 1 },
  { flow: 'connected insights', fault: '503', sees: lookupError('server'), tries: 3 },
  { flow: 'connected insights', fault: 'truncated JSON', sees: lookupError('invalidPayload'), tries: 1 },
  // Membership (Graph): any failure leaves it unknown = not a member: nothing from LinkedIn, and the reason says why.
  { flow: 'membership check', fault: 'offline', sees: MEMBERSHIP_UNKNOWN, tries: 1 },
  { flow: 'membership check', fault: 'timeout', sees: MEMBERSHIP_UNKNOWN, tries: 1 },
  { flow: 'membership check', fault: '401', sees: MEMBERSHIP_UNKNOWN, tries: 2 },
  { flow: 'membership check', fault: '401', failTimes: 1, sees: PUBLIC_CARD, tries: 2 },
  { flow: 'membership check', fault: '403', sees: MEMBERSHIP_UNKNOWN, tries: 1 },
  { flow: 'membership check', fault: '404', sees: MEMBERSHIP_UNKNOWN, tries: 1 },
  { flow: 'membership check', fault: '429', sees: MEMBERSHIP_UNKNOWN, tries: 3 },
  { flow: 'membership check', fault: '429 Retry-After 2 s', sees: MEMBERSHIP_UNKNOWN, tries: 3 },
  { flow: 'membership check', fault: '500', sees: MEMBERSHIP_UNKNOWN, tries: 1 },
  { flow: 'membership check', fault: '503', sees: MEMBERSHIP_UNKNOWN, tries: 3 },
  { flow: 'membership check', fault: 'truncated JSON', sees: MEMBERSHIP_UNKNOWN, tries: 1 },
  // Connect: the single-use code is sent again only after a 429; the record is saved only after the service confirmed.
  { flow: 'connect', fault: 'none', sees: connectStrings.connectedTitle, tries: 1, consent: 'new' },
  { flow: 'connect', fault: 'offline', sees: connectService('offline'), tries: 1, consent: 'old' },
  { flow: 'connect', fault: 'timeout', sees: connectService('timeout'), tries: 1, consent: 'old' },
  { flow: 'connect', fault: '401', sees: connectService('unauthorized'), tries: 1, consent: 'old' },
  { flow: 'connect', fault: '403', sees: connectService('forbidden'), tries: 1, consent: 'old' },
  { flow: 'connect', fault: '404', sees: connectService('notFound'), tries: 1, consent: 'old' },
  { flow: 'connect', fault: '429', sees: connectService('throttled'), tries: 3, consent: 'old' },
  { flow: 'connect', fault: '429 Retry-After 120 s', sees: connectService('throttled'), tries: 1, consent: 'old' },
  { flow: 'connect', fault: '500', sees: connectService('server'), tries: 1, consent: 'old' },
  { flow: 'connect', fault: '503', sees: connectService('server'), tries: 1, consent: 'old' },
  { flow: 'connect', fault: 'truncated JSON', sees: connectService('invalidPayload'), tries: 1, consent: 'old' },
  // Over 32 KB can't pass: not tried again, revoked, told.
  {
    flow: 'connect',
    fault: 'none',
    saveFails: 9057,
    sees: connectStrings.failure({ reason: 'saveFailed', code: 9057 }),
    tries: 1,
    consent: 'old',
    saves: { tries: 1, waits: [] },
  },
  // Classic Outlook on the Mac fails the first call after a dialog closes (office-js #3211): tried again, stays connected.
  {
    flow: 'connect',
    fault: 'none',
    saveFails: 5001,
    sees: connectStrings.connectedTitle,
    tries: 1,
    consent: 'new',
    saves: { tries: 2, waits: [250] },
  },
  {
    flow: 'connect',
    fault: 'none',
    saveFails: 5001,
    saveFailTimes: 3,
    sees: connectStrings.connectedTitle,
    tries: 1,
    consent: 'new',
    saves: { tries: 4, waits: [250, 1000, 3500] },
  },
  // Saving truly failed (4 tries): only then revoked, and the user told.
  {
    flow: 'connect',
    fault: 'none',
    saveFails: 5001,
    saveFailTimes: Infinity,
    sees: connectStrings.failure({ reason: 'saveFailed', code: 5001 }),
    tries: 1,
    consent: 'old',
    saves: { tries: 4, waits: [250, 1000, 3500] },
  },
  // Reopened right after a close, the dialog can answer 12007 (office-js #6021): wait, try once more.
  {
    flow: 'connect',
    fault: 'none',
    dialog: { openError: 12007, times: 1 },
    sees: connectStrings.connectedTitle,
    tries: 1,
    consent: 'new',
    opens: 2,
  },
  {
    flow: 'connect',
    fault: 'none',
    dialog: { openError: 12007 },
    sees: connectStrings.failure({ reason: 'dialog', code: 12007 }),
    tries: 0,
    consent: 'old',
    opens: 2,
  },
  {
    flow: 'connect',
    fault: 'none',
    dialog: { openError: 12009 },
    sees: connectStrings.failure({ reason: 'dialog', code: 12009 }),
    tries: 0,
    consent: 'old',
    opens: 1,
  },
  {
    flow: 'connect',
    fault: 'none',
    dialog: { openError: 12011 },
    sees: connectStrings.failure({ reason: 'dialog', code: 12011 }),
    tries: 0,
    consent: 'old',
  },
  {
    flow: 'connect',
    fault: 'none',
    dialog: { closed: 12002 },
    sees: connectStrings.failure({ reason: 'dialog', code: 12002 }),
    tries: 0,
    consent: 'old',
  },
  {
    flow: 'connect',
    fault: 'none',
    dialog: { closed: 12006 },
    sees: connectStrings.failure({ reason: 'cancelled' }),
    tries: 0,
    consent: 'old',
  },
  // Disconnect: the service revokes first; if it can't, nothing changes.
  { flow: 'disconnect', fault: 'none', sees: connectStrings.disconnected, tries: 1, consent: 'new' },
  { flow: 'disconnect', fault: 'offline', sees: connectStrings.disconnectFailedService, tries: 1, consent: 'old' },
  { flow: 'disconnect', fault: 'timeout', sees: connectStrings.disconnectFailedService, tries: 1, consent: 'old' },
  { flow: 'disconnect', fault: '401', sees: connectStrings.disconnectFailedService, tries: 1, consent: 'old' },
  { flow: 'disconnect', fault: '403', sees: connectStrings.disconnectFailedService, tries: 1, consent: 'old' },
  { flow: 'disconnect', fault: '404', sees: connectStrings.disconnectFailedService, tries: 1, consent: 'old' },
  { flow: 'disconnect', fault: '429', sees: connectStrings.disconnectFailedLimit, tries: 3, consent: 'old' },
  { flow: 'disconnect', fault: '500', sees: connectStrings.disconnectFailedService, tries: 1, consent: 'old' },
  { flow: 'disconnect', fault: '503', sees: connectStrings.disconnectFailedService, tries: 3, consent: 'old' },
  { flow: 'disconnect', fault: '503', failTimes: 2, sees: connectStrings.disconnected, tries: 3, consent: 'new' },
  { flow: 'disconnect', fault: 'truncated JSON', sees: connectStrings.disconnectFailedService, tries: 1, consent: 'old' },
  { flow: 'disconnect', fault: 'none', saveFails: 5001, sees: connectStrings.disconnectFailedSave, tries: 1, consent: 'old' },
  // Revoked, but this device's storage refuses: a clear error, never "Disconnecting…" forever.
  { flow: 'disconnect', fault: 'none', storageFails: true, sees: connectStrings.disconnectFailedDevice, tries: 1, consent: 'new' },
  // Status reconcile on start: unknown = public information only, said so — a 401 too: the service answers a missing
  // connection with a status, so a 401 is the add-in's own sign-in refused (not "Reconnect LinkedIn").
  { flow: 'status reconcile', fault: 'none', sees: INSIGHTS, tries: 1, consent: 'old' },
  { flow: 'status reconcile', fault: 'offline', sees: statusUnknown('offline'), tries: 1, consent: 'old' },
  { flow: 'status reconcile', fault: 'timeout', sees: statusUnknown('timeout'), tries: 1, consent: 'old' },
  { flow: 'status reconcile', fault: '401', sees: statusUnknown('unauthorized'), tries: 1, consent: 'old' },
  { flow: 'status reconcile', fault: '401 invalidToken', sees: statusUnknown('unauthorized'), tries: 2, consent: 'old' },
  { flow: 'status reconcile', fault: '401 invalidToken', failTimes: 1, sees: INSIGHTS, tries: 2, consent: 'old' },
  { flow: 'status reconcile', fault: '401 notConnected', sees: connectStrings.reconnect, tries: 1, consent: 'old' },
  { flow: 'status reconcile', fault: '403', sees: statusUnknown('forbidden'), tries: 1, consent: 'old' },
  { flow: 'status reconcile', fault: '404', sees: connectStrings.statusUnknown, tries: 1, consent: 'old' },
  { flow: 'status reconcile', fault: '429', sees: statusUnknown('throttled'), tries: 3, consent: 'old' },
  { flow: 'status reconcile', fault: '500', sees: statusUnknown('server'), tries: 1, consent: 'old' },
  { flow: 'status reconcile', fault: '503', sees: statusUnknown('server'), tries: 3, consent: 'old' },
  { flow: 'status reconcile', fault: 'truncated JSON', sees: statusUnknown('invalidPayload'), tries: 1, consent: 'old' },
  { flow: 'status reconcile', fault: 'none', service: 'notConnected', sees: connectStrings.removedOnService, tries: 1, consent: 'new' },
  {
    flow: 'status reconcile',
    fault: 'none',
    service: 'notConnected',
    saveFails: 5001,
    sees: connectStrings.removedOnService,
    tries: 1,
    consent: 'old',
  },
];

const escape = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
/** Every request answered and the pane final: only then are the requests counted (no fixed sleep). */
const settle = () => waitForSettled(activity);
const isFullRecord = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).sort().join() === 'connectedAt,consent,version' &&
  ['twoWay', 'linkedInToMicrosoft'].includes((value as { consent: string }).consent);

beforeEach(() => {
  controls = DEFAULT_INSIGHTS_CONTROLS;
  insightsTokens.reset();
});

/** "connect × 503, answering so 1 time then OK", "connect × roaming save fails (9057)", "connect × dialog closed (12006)"… */
function label(row: Row): string {
  const fault = row.storageFails
    ? 'local storage refuses'
    : row.saveFails
      ? `roaming save fails (${row.saveFails}${row.saveFailTimes ? ` ×${row.saveFailTimes}` : ''})`
      : row.dialog
        ? `dialog ${'openError' in row.dialog ? `cannot open (${row.dialog.openError}${row.dialog.times ? ` ×${row.dialog.times}` : ''})` : 'closed' in row.dialog ? `closed (${row.dialog.closed})` : 'allows'}`
        : row.fault === 'none'
          ? 'no fault'
          : row.fault;
  const more = [row.failTimes ? `only ${row.failTimes}× then OK` : '', row.service ? `service says ${row.service}` : '']
    .filter(Boolean)
    .join(', ');
  return `${row.flow} × ${fault}${more ? ` (${more})` : ''} → "${row.sees.slice(0, 60)}", ${row.tries} request(s)`;
}

test.each(ROWS.map((row) => [label(row), row] as const))('%s', async (_label, row) => {
  const flow = FLOWS[row.flow];
  const clock = fakeClock();
  const roaming = watchedRoaming(flow.consent);
  if (row.saveFails && row.flow !== 'disconnect') roaming.base.failNextSave(row.saveFails, undefined, row.saveFailTimes);
  controls = {
    ...controls,
    connection: flow.consent === 'twoWay' && row.service !== 'notConnected' ? CONNECTED : { status: 'notConnected' },
  };
  server.use(http.get(POLICY_URL, () => HttpResponse.json(flow.policy)));
  const endpoint = faultyEndpoint(
    flow.method,
    flow.url,
    row.fault === 'none' ? 'offline' : row.fault,
    clock,
    row.fault === 'none' ? 0 : row.failTimes,
  );
  server.use(endpoint.handler);
  const graph = row.flow === 'membership check' ? graphTokens() : undefined;
  const dialog = scriptedDialog(row.dialog ?? { answer: 'allow' }, service.signIn);
  renderPane({ clock, roaming, dialog, withGraph: graph, localStore: row.storageFails ? refusingStorage() : undefined });

  if (row.flow === 'connect') controls = { ...controls, connection: { ...CONNECTED, consent: 'linkedInToMicrosoft' } };
  if (row.flow === 'disconnect' && row.saveFails) {
    await screen.findByText(INSIGHTS);
    roaming.base.failNextSave(row.saveFails);
  }
  await flow.act?.();
  expect(await screen.findByText(escape(row.sees))).toBeInTheDocument();
  await settle();

  // Requests: exactly the tries the retry policy allows, no more.
  expect(endpoint.calls).toBe(row.tries);
  const sent = () => requests.filter((r) => r.method === flow.method.toUpperCase() && r.url.split('?')[0] === flow.url).length;
  expect(sent()).toBe(row.tries);

  // The insights service's token: renewed once after the service refused it (invalidToken), never otherwise.
  expect(insightsTokens.tokens.forced).toBe(row.fault === '401 invalidToken' ? 1 : 0);

  // A defined state per flow.
  if (row.flow === 'membership check') {
    if (row.sees === MEMBERSHIP_UNKNOWN) {
      expect(screen.getByText(paneStrings.levelLabel.none)).toBeInTheDocument();
      expect(linkedInRequests()).toEqual([]);
    }
    // 401: one silent token renewal, never a second.
    expect(graph?.tokens.forced).toBe(row.fault === '401' ? 1 : 0);
  }
  if (row.flow === 'connect') {
    // A record Outlook truly refused to save: the service's connection is revoked again, so both sides stay as they
    // were; a save that passed on a later try revokes nothing.
    expect(requests.filter((r) => r.method === 'DELETE').length).toBe(row.saveFails && row.consent === 'old' ? 1 : 0);
  }
  if (row.saves) {
    expect(roaming.tries.saves).toBe(row.saves.tries);
    expect(clock.waits).toEqual(row.saves.waits);
  }
  if (row.opens !== undefined) {
    expect(dialog.opens).toBe(row.opens);
    expect(clock.waits).toEqual(row.opens > 1 ? [REOPEN_WAIT_MS] : []);
  }
  if (row.flow === 'disconnect') {
    // Whatever happened, the pane is not left saying "Disconnecting…".
    expect(screen.queryByText(connectStrings.disconnecting)).not.toBeInTheDocument();
  }
  if (row.flow === 'connected insights') expect(screen.getByText(PUBLIC_CARD)).toBeInTheDocument();
  if (row.flow === 'status reconcile' && row.fault !== 'none' && !row.failTimes) {
    // Unconfirmed consent counts as none: public card, no connected request. The saved connection still exists, so
    // the user is not offered to "connect" it but can remove it (Disconnect).
    expect(screen.getByText(PUBLIC_CARD)).toBeInTheDocument();
    expect(linkedInRequests().some((r) => r.url.endsWith('/profiles/insights'))).toBe(false);
    expect(screen.queryByRole('button', { name: connectStrings.open })).not.toBeInTheDocument();
    expect(await screen.findByRole('button', { name: connectStrings.disconnect })).toBeInTheDocument();
    // Reconnect only where the service said the connection is gone; a refused sign-in never offers it.
    const reconnect = screen.queryByRole('button', { name: connectStrings.reconnectAction });
    if (row.fault === '401 notConnected') expect(reconnect).toBeInTheDocument();
    else expect(reconnect).not.toBeInTheDocument();
  }
  if (row.flow === 'disconnect' && row.consent === 'old' && !row.saveFails) {
    expect(screen.getByRole('button', { name: connectStrings.disconnect })).toBeInTheDocument();
  }

  // Consent: only ever the old record or a whole new one; afterwards the old one unless the flow succeeded.
  for (const value of roaming.seen) expect(value === undefined || isFullRecord(value)).toBe(true);
  const after = [roaming.base.saved[CONSENT_SETTING], roaming.base.get(CONSENT_SETTING)];
  if (row.consent === 'old') expect(after).toEqual([roaming.initial, roaming.initial]);
  if (row.consent === 'new' && row.flow === 'connect')
    for (const value of after) expect(value).toMatchObject({ consent: 'linkedInToMicrosoft', version: 1 });
  if (row.consent === 'new' && row.flow !== 'connect') expect(after).toEqual([undefined, undefined]);

  // A refusal (403) of a card section offers no Retry: trying again cannot change it.
  if (row.fault === '403' && (row.flow === 'public lookup' || row.flow === 'connected insights')) {
    expect(screen.queryByRole('button', { name: cardStrings.retry })).toBeNull();
  }
  // After the final 429: one message with the wait counted down, Retry disabled until it is over, then it asks again.
  if (row.locked !== undefined) {
    const retry = () => screen.getByRole('button', { name: cardStrings.retry });
    expect(retry()).toBeDisabled();
    expect(screen.getByRole('timer')).toHaveTextContent(cardStrings.retryAfter(row.locked));
    expect(screen.getAllByText(cardStrings.error.throttled)).toHaveLength(1);
    await userEvent.click(retry());
    await settle();
    expect(sent()).toBe(row.tries);
    clock.advance(row.locked * 1000 - 1000);
    await waitFor(() => expect(screen.getByRole('timer')).toHaveTextContent(cardStrings.retryAfter(1)));
    expect(retry()).toBeDisabled();
    clock.advance(1000);
    endpoint.failing = false;
    await waitFor(() => expect(retry()).toBeEnabled());
    expect(screen.getByRole('timer')).toHaveTextContent(cardStrings.retryNow);
    await userEvent.click(retry());
    expect(await screen.findByText(row.flow === 'public lookup' ? PUBLIC_CARD : INSIGHTS)).toBeInTheDocument();
    expect(sent()).toBe(row.tries + 1);
  }
});
