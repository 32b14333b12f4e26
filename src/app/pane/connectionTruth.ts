import type { AccessDecision, Level, Reason } from '../../policy';
import type { ConnectionState } from '../connect/useConnection';
import type { ConnectedState } from '../profileLoader';

/**
 * The user's LinkedIn connection, as one value every part of the pane reads (the badge, the reasons, the actions
 * offered and Settings):
 * - connected: a saved connection the service confirmed;
 * - unconfirmed: a saved connection the service has not confirmed (not asked yet, or it couldn't be reached);
 * - expired: a saved connection the service no longer accepts (it answered 401): reconnect;
 * - removed: the service no longer has the connection, so the saved one was cleared;
 * - notConnected: no saved connection.
 */
export type ConnectionTruth = 'connected' | 'unconfirmed' | 'expired' | 'removed' | 'notConnected';

/** Whether a connection exists that the user can remove: Disconnect is offered in every one of these, whatever else. */
export function connectionExists(truth: ConnectionTruth): boolean {
  return truth === 'connected' || truth === 'unconfirmed' || truth === 'expired';
}

/** The connection's one value, from what the pane knows of it (and whether connected insights were refused: 401). */
export function connectionTruthOf(connection: ConnectionState, connected: ConnectedState = { status: 'idle' }): ConnectionTruth {
  if (!connection.record) return connection.notice?.kind === 'removedOnService' ? 'removed' : 'notConnected';
  const refused = connected.status === 'error' && connected.kind === 'unauthorized';
  if (refused || (connection.notice?.kind === 'statusUnknown' && connection.notice.errorKind === 'unauthorized')) return 'expired';
  const given = connection.consent === 'twoWay' || connection.consent === 'linkedInToMicrosoft';
  return connection.verified && given ? 'connected' : 'unconfirmed';
}

/** What Settings says of the connection, and whether it offers Disconnect: both from the truth, never apart. */
export interface ConnectionView {
  truth: ConnectionTruth;
  /** The consent that applies (what the service holds when it said; the saved choice otherwise); with a connection only. */
  consent?: 'twoWay' | 'linkedInToMicrosoft';
  /** When the saved connection was made; with a connection only. */
  since?: string;
  /** Disconnect is offered exactly while a connection exists. */
  canDisconnect: boolean;
}

export function connectionViewOf(connection: ConnectionState, connected?: ConnectedState): ConnectionView {
  const truth = connectionTruthOf(connection, connected);
  const { record } = connection;
  if (!record || !connectionExists(truth)) return { truth, canDisconnect: false };
  // The stricter of the two when the service said (a saved "both ways" it holds as one way reads one way).
  const consent = connection.consent === 'twoWay' || connection.consent === 'linkedInToMicrosoft' ? connection.consent : record.consent;
  return { truth, consent, since: record.connectedAt, canDisconnect: true };
}

/**
 * The decision as the pane shows it for the person on screen, consistent with the connection: the level shown (never
 * connected insights on a connection the service has not confirmed), the reasons that speak to it, and the actions
 * offered — each offered only when the decision allows it and the connection makes it meaningful.
 */
export interface ShownDecision {
  level: Level;
  reasons: readonly Reason[];
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

export function shownDecisionOf(
  decision: AccessDecision,
  view: ConnectionView,
  options: { signInAvailable: boolean; canReconnect: boolean },
): ShownDecision {
  const connectionLimit = view.truth === 'unconfirmed' || view.truth === 'expired' ? view.truth : undefined;
  const level: Level = decision.level === 'connected' && view.truth !== 'connected' ? 'public' : decision.level;
  const reasons = decision.reasons.filter((reason) => {
    if (level === 'none') return !CONSENT_REASONS.has(reason.code);
    // A connection that exists was not "not connected": the connection limit says why insights are missing instead.
    if (reason.code === 'not-connected') return !connectionExists(view.truth);
    return true;
  });
  const noConnection = !connectionExists(view.truth);
  return {
    level,
    reasons,
    ...(connectionLimit && level !== 'none' ? { connectionLimit } : {}),
    offers: {
      connect: decision.canConnect && noConnection && options.signInAvailable,
      reconnect: view.truth === 'expired' && options.canReconnect,
      disconnect: view.canDisconnect,
      outbound: decision.outboundSharing && view.truth === 'connected' && level === 'connected',
    },
  };
}
