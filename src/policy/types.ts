/** The inputs and result of the policy engine. These names and literals are a contract with the rest of the add-in. */

import type { Cloud, Consent, Membership, Platform, PolicyState, TenantMode } from './vocabulary';

export type { Cloud, Consent, Membership, Platform, PolicyState, TenantMode };
export type MemberVisibility = 'visible' | 'hidden' | 'unknown';
export type Level = 'none' | 'public' | 'connected';
export type ChangeableBy = 'user' | 'admin' | 'deviceAdmin' | 'member' | 'nobody';

export interface OfficePolicy {
  showLinkedInFeatures: PolicyState;
  connectedExperiences: PolicyState;
  optionalConnectedExperiences: PolicyState;
}

export interface Availability {
  excludedClouds?: Cloud[];
  excludedMailboxGeos?: string[];
}

export interface AccessInput {
  cloud: Cloud;
  /** Microsoft 365 data location, 3 letters ('NAM', 'EUR', 'AUS', 'DEU', ...) or 'unknown'. */
  mailboxGeo: string;
  /** ISO 3166 alpha-2 ('US', 'DE', ...) or 'unknown'. */
  tenantCountry: string;
  tenantMode: TenantMode;
  /** The viewer in the selected group ('unverifiable': the pilot is a legacy list of users only). */
  membership: Membership;
  platform: Platform;
  officePolicy: OfficePolicy;
  /** "Show LinkedIn features" on this device. */
  userOption: boolean;
  consent: Consent;
  /** Of the person viewed; 'unknown' before any lookup. */
  memberVisibility: MemberVisibility;
  /** Replaces the built-in availability table (each list given replaces its built-in counterpart). */
  availability?: Availability;
}

export type ReasonCode =
  | 'cloud-unavailable'
  | 'mailbox-geo-unavailable'
  | 'environment-unknown'
  | 'tenant-off'
  | 'tenant-default-off'
  | 'tenant-mode-unknown'
  | 'not-in-selected-group'
  | 'selected-users-unverifiable'
  | 'membership-unknown'
  | 'office-policy-off'
  | 'connected-experiences-off'
  | 'optional-connected-experiences-off'
  | 'user-option-off'
  | 'not-connected'
  | 'inbound-only'
  | 'member-hidden'
  | 'today-not-connected'
  | 'today-inbound-only';

export interface Reason {
  code: ReasonCode;
  changeableBy: ChangeableBy;
  /** One plain sentence; the UI shows it verbatim. */
  message: string;
  /** Where it can be changed, when there is such a place. */
  where?: string;
}

/**
 * Today: the people on the viewer's calendar today, read from their calendar and looked up on LinkedIn. It sends
 * Microsoft data (who the viewer meets) to LinkedIn, so it is a capability of its own, with its own reasons.
 */
export interface TodayDecision {
  /** Whether the pane may read today's calendar and look up its attendees. */
  allowed: boolean;
  /**
   * Why not (empty when allowed): the reasons that turn LinkedIn features off for this viewer, as for the card, or
   * Today's own (it needs a connection made with consent to share both ways).
   */
  reasons: Reason[];
}

export interface AccessDecision {
  level: Level;
  canConnect: boolean;
  canDisconnect: boolean;
  outboundSharing: boolean;
  userOption: { value: boolean; locked: boolean };
  /** Every reason that limited what is shown of the person viewed, in order of precedence. */
  reasons: Reason[];
  /** The Today view: decided for the viewer, whoever is viewed. */
  today: TodayDecision;
}
