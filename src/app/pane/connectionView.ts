import type { AccessDecision, Level, Reason } from '../../policy';
import {
  settled,
  type ConnectionState,
  type ConnectionStatus,
  type GivenConsent,
  type SettledConnection,
} from '../connect/connectionState';

/**
 * What Settings, the badge, the reasons and the actions read of the connection: all from its one state
 * (connectionState.ts), never from a notice, so they cannot disagree.
 */
export interface ConnectionView {
  status: ConnectionStatus;
  /** The state the connection rests in: its own, or the one before a sign-in or a disconnect under way. */
  standing: SettledConnection['status'];
  /** Whether a connection exists (through a sign-in or a disconnect under way): "Connect" is then never offered. */
  hasConnection: boolean;
  /** The consent that applies (what the service holds when it said; the saved choice otherwise); with a connection only. */
  consent?: GivenConsent;
  /** When the saved connection was made; with a connection only. */
  since?: string;
  /** Why the service no longer accepts the connection; while it is expired only. */
  expiredBy?: 'linkedIn' | 'service';
  /** Disconnect is offered while a connection exists and no sign-in or disconnect is under way. */
  canDisconnect: boolean;
  /** Reconnect is offered while the service no longer accepts the connection and a sign-in is possible here. */
  canReconnect: boolean;
}

/**
 * `reconnectPossible`: there is a sign-in dialog here and the rules would let this viewer connect were they not
 * connected (false where the pane cannot tell, e.g. a policy file it cannot trust).
 */
export function connectionViewOf(connection: ConnectionState, reconnectPossible: boolean): ConnectionView {
  const { status } = connection;
  const resting = settled(connection);
  const busy = status === 'connecting' || status === 'disconnecting';
  const base = { status, standing: resting.status, canReconnect: false };
  if (resting.status === 'removed' || resting.status === 'notConnected') return { ...base, hasConnection: false, canDisconnect: false };
  return {
    ...base,
    hasConnection: true,
    // The stricter of the two once the service said (a saved "both ways" it holds as one way reads one way).
    consent: resting.status === 'connected' ? resting.consent : resting.record.consent,
    since: resting.record.connectedAt,
    ...(resting.status === 'expired' ? { expiredBy: resting.cause } : {}),
    canDisconnect: !busy,
    canReconnect: status === 'expired' && reconnectPossible,
  };
}

/**
 * The decision as the pane shows it for the person on screen, consistent with the connection: the level shown (never
 * connected insights on a connection the service has not confirmed), the reasons that speak to it, and the actions
 * offered — each offered only when the decision allows it and the connection makes it meaningful.
 */
export interface ShownDecision {
  level: Level;
  reasons: readonly Reason[];
  /** Whether a connection exists (through a sign-in or a disconnect under way): "Connect" is then never listed. */
  hasConnection: boolean;
  /** Why connected insights are not shown although a connection exists (unconfirmed or expired); none otherwise. */
  connectionLimit?: 'unconfirmed' | 'expired';
  offers: {
    /** "Connect your LinkedIn account": the rules allow it, no connection exists, and a sign-in is possible here. */
    connect: boolean;
    /** "Reconnect LinkedIn": the service no longer accepts the saved connection and the rules would allow connecting. */
    reconnect: boolean;
    disconnect: boolean;
    outbound: boolean;
  };
}

/** Reasons about consent: they say what the viewer sees ("public information only"), so they go when nothing is shown. */
const CONSENT_REASONS: ReadonlySet<Reason['code']> = new Set(['not-connected', 'inbound-only']);

export function shownDecisionOf(decision: AccessDecision, view: ConnectionView, options: { signInAvailable: boolean }): ShownDecision {
  const { hasConnection } = view;
  const limited = view.status !== 'disconnecting' && (view.standing === 'unconfirmed' || view.standing === 'expired');
  const level: Level = decision.level === 'connected' && view.status !== 'connected' ? 'public' : decision.level;
  const reasons = decision.reasons.filter((reason) => {
    if (level === 'none') return !CONSENT_REASONS.has(reason.code);
    // A connection that exists was not "not connected": the connection limit says why insights are missing instead.
    if (reason.code === 'not-connected') return !hasConnection;
    return true;
  });
  return {
    level,
    reasons,
    hasConnection,
    ...(limited && level !== 'none' ? { connectionLimit: view.standing as 'unconfirmed' | 'expired' } : {}),
    offers: {
      connect: decision.canConnect && !hasConnection && options.signInAvailable,
      reconnect: view.canReconnect,
      disconnect: view.canDisconnect,
      outbound: decision.outboundSharing && view.status === 'connected' && level === 'connected',
    },
  };
}
