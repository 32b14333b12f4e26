import {
  connectionReducer,
  initialConnectionState,
  type ConnectionEvent,
  type ConnectionState,
  type ConnectionStatus,
  type ServiceAnswer,
} from '../../src/app/connect/connectionState';
import type { ConsentRecord } from '../../src/app/connect/consentRecord';
import { roamingWithConsent } from './fakeHost';

/** A connection state as the pane holds it, and whether what the pane keeps stays in it only since (a purge on disconnect). */
export interface ConnectionFixture {
  state: ConnectionState;
  keptInPaneOnly: boolean;
}

const BOTH: ConsentRecord = { consent: 'twoWay', connectedAt: '2026-11-27T10:00:00.000Z', version: 1 };
const INBOUND: ConsentRecord = { ...BOTH, consent: 'linkedInToMicrosoft' };

const reduce = (state: ConnectionState, ...events: ConnectionEvent[]): ConnectionState => events.reduce(connectionReducer, state);
const checked = (answer: ServiceAnswer): ConnectionEvent => ({ type: 'checked', answer });
/** The pane's first state: from what the roaming settings hold, before the service is asked. */
const saved = (consent: 'twoWay' | 'linkedInToMicrosoft' = 'twoWay') => initialConnectionState(roamingWithConsent(consent));
const neverConnected = initialConnectionState(roamingWithConsent('none'));
const connected = reduce(saved(), checked({ status: 'connected', record: BOTH, consent: 'twoWay' }));
const expiredAtStart = reduce(saved(), checked({ status: 'expired', record: BOTH, cause: 'linkedIn' }));
const disconnected = (from: ConnectionState, remains: 'microsoftAndLinkedIn' | 'linkedInOnly'): ConnectionFixture => ({
  state: reduce(from, { type: 'disconnectStarted' }, { type: 'disconnectEnded', outcome: { ok: true, remains, forgotPeople: 3 } }),
  keptInPaneOnly: true,
});
const as = (state: ConnectionState): ConnectionFixture => ({ state, keptInPaneOnly: false });

/**
 * Every state the connection can be in, each reached through the reducer by the events that lead there (the pane's
 * own path, not a hand-made value). Typed by the status union: a status added to CONNECTION_STATUSES does not compile
 * until it has its rows here, so the contradiction table cannot leave a state out.
 */
export const CONNECTIONS = {
  connected: {
    'confirmed, both ways': as(connected),
    'confirmed, LinkedIn to Microsoft only': as(
      reduce(saved('linkedInToMicrosoft'), checked({ status: 'connected', record: INBOUND, consent: 'linkedInToMicrosoft' })),
    ),
    'saved both ways, held one way by the service': as(
      reduce(saved(), checked({ status: 'connected', record: BOTH, consent: 'linkedInToMicrosoft' })),
    ),
    'just connected': as(reduce(neverConnected, { type: 'connectStarted' }, { type: 'connectEnded', outcome: { ok: true, record: BOTH } })),
  },
  unconfirmed: {
    'not checked yet': as(saved()),
    'the check timed out': as(reduce(saved(), checked({ status: 'unconfirmed', record: BOTH, problem: 'timeout' }))),
  },
  expired: {
    'at start: LinkedIn ended the sign-in': as(expiredAtStart),
    'at start: the service refuses it (401)': as(reduce(saved(), checked({ status: 'expired', record: BOTH, cause: 'service' }))),
    'connected insights refused (401)': as(reduce(connected, { type: 'insightsRefused' })),
    'a reconnect cancelled': as(
      reduce(expiredAtStart, { type: 'connectStarted' }, { type: 'connectEnded', outcome: { ok: false, reason: 'cancelled' } }),
    ),
    'a disconnect the service could not do': as(
      reduce(
        expiredAtStart,
        { type: 'disconnectStarted' },
        { type: 'disconnectEnded', outcome: { ok: false, reason: 'service', kind: 'server' } },
      ),
    ),
  },
  removed: {
    'removed on the service': { state: reduce(saved(), checked({ status: 'removed' })), keptInPaneOnly: true },
  },
  notConnected: {
    'never connected': as(neverConnected),
    'a saved choice this version cannot read': as(initialConnectionState(roamingWithConsent('unknown'))),
    'just disconnected (both ways)': disconnected(connected, 'microsoftAndLinkedIn'),
    'just disconnected (LinkedIn to Microsoft only)': disconnected(
      reduce(saved('linkedInToMicrosoft'), checked({ status: 'connected', record: INBOUND, consent: 'linkedInToMicrosoft' })),
      'linkedInOnly',
    ),
  },
  connecting: {
    'connecting for the first time': as(reduce(neverConnected, { type: 'connectStarted' })),
    reconnecting: as(reduce(expiredAtStart, { type: 'connectStarted' })),
  },
  disconnecting: {
    'disconnecting a confirmed connection': as(reduce(connected, { type: 'disconnectStarted' })),
  },
} satisfies Record<ConnectionStatus, Record<string, ConnectionFixture>>;

/** Every row of CONNECTIONS as [status, name, fixture]. */
export const CONNECTION_ROWS: [ConnectionStatus, string, ConnectionFixture][] = Object.entries(CONNECTIONS).flatMap(([status, rows]) =>
  Object.entries(rows).map(([name, fixture]): [ConnectionStatus, string, ConnectionFixture] => [status as ConnectionStatus, name, fixture]),
);
