/**
 * The connection's one writer (connectionState.ts): what each event does in each state, and the consent the rules see.
 * The pane-wide consequences are held by paneTruths.test.tsx and connectionAgreement.test.tsx.
 */
import {
  connectionReducer,
  consentOf,
  initialConnectionState,
  type ConnectionEvent,
  type ConnectionState,
} from '../../src/app/connect/connectionState';
import type { ConsentRecord } from '../../src/app/connect/consentRecord';
import { roamingWithConsent } from '../support/fakeHost';

const RECORD: ConsentRecord = { consent: 'twoWay', connectedAt: '2026-11-27T10:00:00.000Z', version: 1 };
const reduce = (state: ConnectionState, ...events: ConnectionEvent[]) => events.reduce(connectionReducer, state);
const saved = () => initialConnectionState(roamingWithConsent('twoWay'));
const connected = () => reduce(saved(), { type: 'checked', answer: { status: 'connected', record: RECORD, consent: 'twoWay' } });

test('on start: a saved choice waits to be confirmed, asking nothing connected yet; none or an unreadable one is not connected', () => {
  expect(saved()).toMatchObject({ status: 'unconfirmed', check: 'pending' });
  expect(consentOf(saved())).toBe('twoWay');
  expect(initialConnectionState(roamingWithConsent('none'))).toEqual({ status: 'notConnected', notice: null });
  expect(consentOf(initialConnectionState(roamingWithConsent('unknown')))).toBe('unknown');
});

test('expired at start is expired (not "unconfirmed"), keeps the saved choice for Reconnect, and grants nothing connected', () => {
  for (const cause of ['linkedIn', 'service'] as const) {
    const expired = reduce(saved(), { type: 'checked', answer: { status: 'expired', record: RECORD, cause } });
    expect(expired).toEqual({ status: 'expired', record: RECORD, cause, notice: null });
    expect(consentOf(expired)).toBe('unknown');
  }
});

test('a check that failed leaves the connection unconfirmed (nothing connected) and says why, once', () => {
  const state = reduce(saved(), { type: 'checked', answer: { status: 'unconfirmed', record: RECORD, problem: 'timeout' } });
  expect(state).toMatchObject({ status: 'unconfirmed', check: 'timeout', notice: { kind: 'statusUnknown', errorKind: 'timeout' } });
  expect(consentOf(state)).toBe('unknown');
});

test('the stricter consent applies when the service holds one way', () => {
  const state = reduce(saved(), { type: 'checked', answer: { status: 'connected', record: RECORD, consent: 'linkedInToMicrosoft' } });
  expect(consentOf(state)).toBe('linkedInToMicrosoft');
});

test('a 401 on connected insights expires a confirmed connection, and nothing else', () => {
  expect(reduce(connected(), { type: 'insightsRefused' })).toMatchObject({ status: 'expired', cause: 'service', record: RECORD });
  for (const state of [saved(), initialConnectionState(roamingWithConsent('none'))])
    expect(reduce(state, { type: 'insightsRefused' })).toBe(state);
});

test('an answer to a check arriving during a sign-in or a disconnect, or a second time, changes nothing', () => {
  const removed = { type: 'checked', answer: { status: 'removed' } } as const;
  for (const started of ['connectStarted', 'disconnectStarted'] as const) {
    const busy = reduce(saved(), { type: started });
    expect(reduce(busy, removed)).toBe(busy);
  }
  expect(reduce(connected(), removed).status).toBe('connected');
});

test('a reconnect that fails goes back to expired (still offering Reconnect), saying why; one that works is connected', () => {
  const expired = reduce(saved(), { type: 'checked', answer: { status: 'expired', record: RECORD, cause: 'linkedIn' } });
  const reconnecting = reduce(expired, { type: 'connectStarted' });
  expect(reconnecting).toMatchObject({ status: 'connecting', before: { status: 'expired' } });
  expect(reduce(reconnecting, { type: 'connectEnded', outcome: { ok: false, reason: 'cancelled' } })).toMatchObject({
    status: 'expired',
    notice: { kind: 'connectFailed', failure: { reason: 'cancelled' } },
  });
  const renewed = { ...RECORD, connectedAt: '2026-12-04T10:00:00.000Z' };
  expect(reduce(reconnecting, { type: 'connectEnded', outcome: { ok: true, record: renewed } })).toEqual({
    status: 'connected',
    record: renewed,
    consent: 'twoWay',
    notice: { kind: 'connected', record: renewed },
  });
});

test('disconnecting asks nothing connected from the start; the service refusing puts the connection back as it was', () => {
  const disconnecting = reduce(connected(), { type: 'disconnectStarted' });
  expect(consentOf(disconnecting)).toBe('none');
  const failed = reduce(disconnecting, { type: 'disconnectEnded', outcome: { ok: false, reason: 'service', kind: 'server' } });
  expect(failed).toMatchObject({ status: 'connected', consent: 'twoWay', notice: { kind: 'disconnectFailed', serviceDown: true } });
  const done = reduce(disconnecting, { type: 'disconnectEnded', outcome: { ok: true, remains: 'microsoftAndLinkedIn', forgotPeople: 3 } });
  expect(done).toEqual({ status: 'notConnected', notice: { kind: 'disconnected', remains: 'microsoftAndLinkedIn', forgotPeople: 3 } });
});
