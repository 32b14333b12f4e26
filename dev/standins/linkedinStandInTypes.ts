import type { LinkedInEndpoints, SignInEnvironment } from '../../server/linkedinConfig';

/** The simulated LinkedIn provider's shapes: what it is started with, what it plays, what its holder may do. */

export interface StandInMember {
  sub: string;
  name: string;
  given_name: string;
  family_name: string;
  picture: string;
  email: string;
  email_verified: boolean;
}

/** One-shot corruptions of the next id_token, so tests can prove the service refuses each. */
export interface IdTokenTampering {
  issuer?: string;
  audience?: string;
  nonce?: string;
  /** Signed with a key that is not in the JWKS (same `kid`). */
  foreignKey?: boolean;
}

export interface LinkedInStandInOptions {
  environment: SignInEnvironment;
  clientId: string;
  clientSecret: string;
  /** The redirect URLs registered for the client (the service's callback). */
  redirectUris: readonly string[];
  /**
   * Where the service's callback sends the browser next (its dialog pages, e.g. at http://localhost:3000 while the
   * callback is on 127.0.0.1): browsers hold a form's form-action to every redirect the submission leads through.
   */
  answerOrigins?: readonly string[];
  member?: StandInMember;
  /** Access token lifetime in seconds (LinkedIn: 60 days). */
  accessTokenLifetime?: number;
}

export interface LinkedInStandIn {
  readonly origin: string;
  readonly endpoints: LinkedInEndpoints;
  readonly member: StandInMember;
  tamperNextIdToken: (tampering: IdTokenTampering) => void;
  /** The next token request answers this status (or never answers, for timeouts). */
  failNextTokenRequest: (answer: number | 'hang') => void;
  /** Access tokens revoked through the revoke endpoint, in order. */
  revokedTokens: () => readonly string[];
  /** Every access token the token endpoint issued, in order. */
  issuedTokens: () => readonly string[];
  /** The next `count` revoke requests answer `status` (LinkedIn down or refusing); 0 ends it. */
  failRevokes: (count: number, status?: number) => void;
  /** How many revoke requests arrived (confirmed or not). */
  revokeRequests: () => number;
  /** How many token requests arrived (accepted or not). */
  tokenRequests: () => number;
  close: () => Promise<void>;
}
