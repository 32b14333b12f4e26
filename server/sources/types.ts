import type { ConnectedInsights, PublicProfile, Suggestions } from '../../src/contract/insights';
import type { EntraUser } from '../auth/entraVerifier';
import type { StoredConnection } from '../store/connections';

/**
 * Where profiles come from. A source declares what it can do; what it cannot do it answers `unavailable` ("can't be
 * looked up from here"), never `noMatch` and never invented data. The rules are checked BEFORE a source is asked:
 * a refused call never reaches it.
 */
export interface SourceCapabilities {
  /** Public profiles of any address (fixtures; a LinkedIn partner source). */
  publicProfiles: boolean;
  /** Connected insights (mutual connections, shared history, activity). */
  connectedInsights: boolean;
  /** "People you work with on LinkedIn" (sends the item's addresses to LinkedIn: both-ways consent only). */
  suggestions: boolean;
}

/** Who is asking: the Entra user, and their LinkedIn connection when they have one (a source may use its token). */
export interface SourceViewer {
  user: EntraUser;
  connection: StoredConnection | undefined;
}

export type MemberVisibility = 'visible' | 'hidden' | 'noMatch' | 'unavailable';

export type SourceLookupResult =
  { status: 'match'; profile: PublicProfile } | { status: 'noMatch' } | { status: 'hidden' } | { status: 'unavailable' };

export type SourceInsights = Omit<ConnectedInsights, 'apiVersion' | 'email'>;
export type SourceSuggestion = Suggestions['suggestions'][number];

export interface ProfileSource {
  readonly name: string;
  readonly capabilities: SourceCapabilities;
  /** Whether the member behind an address lets Microsoft apps show them (asked before any data about them). */
  memberVisibility: (email: string, viewer: SourceViewer) => Promise<MemberVisibility>;
  /** One result per address, in order. Addresses are already validated and lower-cased. */
  lookup: (emails: readonly string[], viewer: SourceViewer) => Promise<SourceLookupResult[]>;
  /** Connected insights for a visible member; only called once the rules allow `connected`. */
  insights: (email: string, viewer: SourceViewer) => Promise<SourceInsights | 'unavailable'>;
  /** Only called with both-ways consent. */
  suggestions: (emails: readonly string[], viewer: SourceViewer) => Promise<SourceSuggestion[] | 'unavailable'>;
}
