import type { RoamingSettings } from '../../office';
import type { ServiceErrorKind } from '../../services/errors';
import type { Consent } from '../viewer';
import type { ConnectFailure, ConnectOutcome } from './connectFlow';
import { readConsentRecord, type ConsentRecord } from './consentRecord';
import type { DisconnectOutcome, WhatRemains } from './disconnectFlow';

/**
 * Every state the user's LinkedIn connection can be in. The type is this list: the pane's contradiction table is
 * typed by it, so a state added here does not compile until the table covers it.
 * - connected: a saved connection the service confirmed;
 * - unconfirmed: a saved connection the service has not confirmed (not asked yet, or it couldn't be reached);
 * - expired: a saved connection the service no longer accepts (LinkedIn's sign-in lapsed, or it answered 401): reconnect;
 * - removed: the service no longer had the connection, so the saved one was cleared;
 * - notConnected: no saved connection;
 * - connecting, disconnecting: a sign-in or a disconnect is under way.
 */
export const CONNECTION_STATUSES = [
  'connected',
  'unconfirmed',
  'expired',
  'removed',
  'notConnected',
  'connecting',
  'disconnecting',
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export type GivenConsent = ConsentRecord['consent'];

/** A state the connection rests in (no sign-in or disconnect under way). */
export type SettledConnection =
  /** `consent`: what applies — the stricter of the saved choice and what the service holds. */
  | { status: 'connected'; record: ConsentRecord; consent: GivenConsent }
  /** `check`: not asked yet ('pending'; the reconciliation asks once the rules allow it), or why it couldn't be. */
  | { status: 'unconfirmed'; record: ConsentRecord; check: 'pending' | ServiceErrorKind }
  /** `cause`: LinkedIn's 60-day sign-in lapsed ('linkedIn'), or the service answered 401 ('service'). */
  | { status: 'expired'; record: ConsentRecord; cause: 'linkedIn' | 'service' }
  | { status: 'removed' }
  /** `unreadable`: something is saved that this version cannot read (consent unknown: fail closed). */
  | { status: 'notConnected'; unreadable?: boolean };

/** The connection with a sign-in or a disconnect under way; `before` is what a failure returns to. */
export type BusyConnection = { status: 'connecting' | 'disconnecting'; before: SettledConnection };

/**
 * What the pane tells the user about their connection, once. A message only: it never decides the connection's state
 * (the status does), and it goes when the next thing happens. What lasts as long as a state (an expired connection
 * and its Reconnect) is said from the state, not from a notice.
 */
export type ConnectionNotice =
  | { kind: 'connected'; record: ConsentRecord }
  | { kind: 'connectFailed'; failure: ConnectFailure }
  /** `forgotPeople`: how many people's LinkedIn information the add-in removed from this device. */
  | { kind: 'disconnected'; remains: WhatRemains; forgotPeople: number }
  | {
      kind: 'disconnectFailed';
      remains?: WhatRemains;
      serviceDown: boolean;
      errorKind?: ServiceErrorKind;
      /** Revoked, but this device's storage refused to let go of what was kept. */
      deviceStorage?: boolean;
    }
  | { kind: 'removedOnService' }
  /** The connection's status could not be checked on start: public information only until it can. */
  | { kind: 'statusUnknown'; errorKind: ServiceErrorKind };

export type ConnectionState = (SettledConnection | BusyConnection) & { notice: ConnectionNotice | null };

/** What the service answered when asked whether the saved connection still exists (reconcile.ts). */
export type ServiceAnswer =
  | { status: 'connected'; record: ConsentRecord; consent: GivenConsent }
  | { status: 'expired'; record: ConsentRecord; cause: 'linkedIn' | 'service' }
  | { status: 'unconfirmed'; record: ConsentRecord; problem: ServiceErrorKind }
  | { status: 'removed' }
  | { status: 'notConnected'; unreadable: boolean };

/** What the service said: the reconciliation's answer, or a 401 to connected insights (the connection is expired). */
export type ServiceEvent = { type: 'checked'; answer: ServiceAnswer } | { type: 'insightsRefused' };

/** What the user did, and how it ended. */
export type UserEvent =
  | { type: 'connectStarted' }
  | { type: 'connectEnded'; outcome: ConnectOutcome | 'crashed' }
  | { type: 'disconnectStarted' }
  | { type: 'disconnectEnded'; outcome: (DisconnectOutcome & { forgotPeople?: number }) | 'crashed' }
  | { type: 'noticeDismissed' };

export type ConnectionEvent = ServiceEvent | UserEvent;

/** The connection as the roaming record says, before the service is asked (no request). */
export function initialConnectionState(roaming: RoamingSettings): ConnectionState {
  const record = readConsentRecord(roaming);
  if (record === 'none') return { status: 'notConnected', notice: null };
  if (record === 'unknown') return { status: 'notConnected', unreadable: true, notice: null };
  return { status: 'unconfirmed', record, check: 'pending', notice: null };
}

/**
 * The connection's one writer: every change of state is an event from the reconciliation, the sign-in, the service's
 * answers or Disconnect, and this decides what it does. Events that make no sense in the current state change nothing
 * (a status from before a sign-in says nothing about its result).
 */
export function connectionReducer(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'checked':
      return state.status === 'unconfirmed' && state.check === 'pending' ? afterCheck(event.answer) : state;
    case 'insightsRefused':
      return state.status === 'connected' ? { status: 'expired', record: state.record, cause: 'service', notice: state.notice } : state;
    case 'connectStarted':
    case 'disconnectStarted':
      if (isBusy(state)) return state;
      return { status: event.type === 'connectStarted' ? 'connecting' : 'disconnecting', before: settled(state), notice: null };
    case 'connectEnded':
      return state.status === 'connecting' ? afterConnect(state.before, event.outcome) : state;
    case 'disconnectEnded':
      return state.status === 'disconnecting' ? afterDisconnect(state.before, event.outcome) : state;
    case 'noticeDismissed':
      return { ...state, notice: null };
  }
}

function afterCheck(answer: ServiceAnswer): ConnectionState {
  switch (answer.status) {
    case 'connected':
      return { ...answer, notice: null };
    case 'expired':
      return { ...answer, notice: null };
    case 'unconfirmed':
      return {
        status: 'unconfirmed',
        record: answer.record,
        check: answer.problem,
        notice: { kind: 'statusUnknown', errorKind: answer.problem },
      };
    case 'removed':
      return { status: 'removed', notice: { kind: 'removedOnService' } };
    case 'notConnected':
      return { status: 'notConnected', ...(answer.unreadable ? { unreadable: true } : {}), notice: null };
  }
}

/** Connected only once the service confirmed and the choice was saved; otherwise the state before, and why. */
function afterConnect(before: SettledConnection, outcome: ConnectOutcome | 'crashed'): ConnectionState {
  if (outcome === 'crashed') {
    // Unexpected (e.g. no Web Crypto in this browser): nothing was saved; say the sign-in failed.
    return { ...before, notice: { kind: 'connectFailed', failure: { reason: 'signInFailed' } } };
  }
  if (outcome.ok)
    return {
      status: 'connected',
      record: outcome.record,
      consent: outcome.record.consent,
      notice: { kind: 'connected', record: outcome.record },
    };
  if (outcome.reason === 'inProgress') return { ...before, notice: null };
  return { ...before, notice: { kind: 'connectFailed', failure: outcome } };
}

/**
 * After a disconnect: not connected, saying what was removed and what remains, when it worked; the state before,
 * unchanged, when the service could not revoke (nothing was removed) or it is not known whether it did; otherwise
 * disconnected on this device, saying what could not be done.
 */
function afterDisconnect(before: SettledConnection, outcome: (DisconnectOutcome & { forgotPeople?: number }) | 'crashed'): ConnectionState {
  if (outcome === 'crashed') return { ...before, notice: { kind: 'disconnectFailed', serviceDown: true } };
  if (outcome.ok)
    return {
      status: 'notConnected',
      notice: { kind: 'disconnected', remains: outcome.remains, forgotPeople: outcome.forgotPeople ?? 0 },
    };
  if (outcome.reason === 'service') return { ...before, notice: { kind: 'disconnectFailed', serviceDown: true, errorKind: outcome.kind } };
  return {
    status: 'notConnected',
    notice: {
      kind: 'disconnectFailed',
      remains: outcome.remains,
      serviceDown: false,
      deviceStorage: outcome.reason === 'deviceStorageFailed',
    },
  };
}

export function isBusy(state: ConnectionState): state is BusyConnection & { notice: ConnectionNotice | null } {
  return state.status === 'connecting' || state.status === 'disconnecting';
}

/** The state the connection rests in: its own, or, while a sign-in or a disconnect is under way, the one before. */
export function settled(state: ConnectionState): SettledConnection {
  return isBusy(state) ? state.before : state;
}

/** The saved choice, while one exists (through a sign-in or a disconnect under way too). */
export function savedRecordOf(state: ConnectionState): ConsentRecord | null {
  const resting = settled(state);
  return 'record' in resting ? resting.record : null;
}

/**
 * The consent the rules see: the one that applies on a confirmed connection; the saved one while it waits to be
 * confirmed (nothing connected is asked for meanwhile); unknown once it could not be confirmed or is refused; none
 * from the moment the user confirms Disconnect.
 */
export function consentOf(state: ConnectionState): Consent {
  if (state.status === 'disconnecting') return 'none';
  const resting = settled(state);
  switch (resting.status) {
    case 'connected':
      return resting.consent;
    case 'unconfirmed':
      return resting.check === 'pending' ? resting.record.consent : 'unknown';
    case 'expired':
      return 'unknown';
    case 'removed':
      return 'none';
    case 'notConnected':
      return resting.unreadable ? 'unknown' : 'none';
  }
}
