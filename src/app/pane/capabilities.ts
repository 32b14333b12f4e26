import type { Level, Reason } from '../../policy';
import type { ConnectedState, PublicState } from '../profileLoader';
import type { ShownDecision } from './connectionView';

/**
 * What the card shows of the person now, for the badge: nothing of LinkedIn (the rules), only what Outlook knows
 * (LinkedIn answered nothing usable: no match, can't be looked up, an error), public information, or connected
 * insights as well. Never more than is on screen: connected insights that failed leave public information.
 */
export type Showing = 'none' | 'outlookOnly' | 'public' | 'connected';

export function showingOf(level: Level, publicState: PublicState, connectedState: ConnectedState): Showing {
  if (level === 'none') return 'none';
  if (publicState.status !== 'match' && publicState.status !== 'loading' && publicState.status !== 'idle') return 'outlookOnly';
  if (level === 'connected' && (connectedState.status === 'ready' || connectedState.status === 'loading')) return 'connected';
  return 'public';
}

/** What the add-in may do, listed for the person shown ("What the add-in may do"). */
export type Capability = 'showPublic' | 'showConnected' | 'connect' | 'disconnect' | 'outbound';

/**
 * Each capability's standing, in the user's terms: allowed; possible after something the user can do (connect,
 * share both ways, reconnect) or the service does (confirm the connection); or held back by someone (the
 * organisation, IT on this computer, the user's own option, the person viewed) or by nothing anyone can change here.
 */
export type CapabilityStatus =
  | 'allowed'
  | 'afterConnect'
  | 'afterConnectBothWays'
  | 'onlyBothWays'
  | 'afterConfirm'
  | 'afterReconnect'
  | 'byOrganization'
  | 'byDevice'
  | 'byYou'
  | 'byMember'
  | 'unavailable'
  | 'noSignIn';

const CONSENT_CODES: ReadonlySet<Reason['code']> = new Set(['not-connected', 'inbound-only']);
const BY_WHOM: Record<Reason['changeableBy'], CapabilityStatus> = {
  admin: 'byOrganization',
  deviceAdmin: 'byDevice',
  user: 'byYou',
  member: 'byMember',
  nobody: 'unavailable',
};

/** Who holds a capability back: the first reason that is not about the user's consent. */
function heldBackBy(shown: ShownDecision): CapabilityStatus | null {
  const reason = shown.reasons.find((candidate) => !CONSENT_CODES.has(candidate.code));
  return reason ? BY_WHOM[reason.changeableBy] : null;
}

const has = (shown: ShownDecision, code: Reason['code']): boolean => shown.reasons.some((reason) => reason.code === code);

function connectedInsights(shown: ShownDecision): CapabilityStatus {
  if (shown.level === 'connected') return 'allowed';
  if (shown.level !== 'none' && shown.connectionLimit) return shown.connectionLimit === 'expired' ? 'afterReconnect' : 'afterConfirm';
  if (shown.level !== 'none' && has(shown, 'not-connected')) return shown.offers.connect ? 'afterConnect' : 'noSignIn';
  return heldBackBy(shown) ?? 'unavailable';
}

function outbound(shown: ShownDecision): CapabilityStatus {
  if (shown.offers.outbound) return 'allowed';
  if (shown.level !== 'none' && shown.connectionLimit) return shown.connectionLimit === 'expired' ? 'afterReconnect' : 'afterConfirm';
  if (shown.level !== 'none' && has(shown, 'inbound-only')) return 'onlyBothWays';
  if (shown.level !== 'none' && has(shown, 'not-connected')) return shown.offers.connect ? 'afterConnectBothWays' : 'noSignIn';
  return heldBackBy(shown) ?? 'unavailable';
}

/** The rows of "What the add-in may do": connecting listed only without a connection, disconnecting only with one. */
export function capabilitiesOf(shown: ShownDecision): { capability: Capability; status: CapabilityStatus }[] {
  const rows: { capability: Capability; status: CapabilityStatus }[] = [
    { capability: 'showPublic', status: shown.level !== 'none' ? 'allowed' : (heldBackBy(shown) ?? 'unavailable') },
    { capability: 'showConnected', status: connectedInsights(shown) },
  ];
  if (shown.hasConnection) rows.push({ capability: 'disconnect', status: 'allowed' });
  else rows.push({ capability: 'connect', status: shown.offers.connect ? 'allowed' : (heldBackBy(shown) ?? 'noSignIn') });
  rows.push({ capability: 'outbound', status: outbound(shown) });
  return rows;
}
