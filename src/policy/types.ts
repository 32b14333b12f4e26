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
  | 'member-hidden';

export interface Reason {
  code: ReasonCode;
  changeableBy: ChangeableBy;
  /** One plain sentence; the UI shows it verbatim. */
  message: string;
  /** Where it can be changed, when there is such a place. */
  where?: string;
}

export interface AccessDecision {
  level: Level;
  canConnect: boolean;
  canDisconnect: boolean;
  outboundSharing: boolean;
  userOption: { value: boolean; locked: boolean };
  reasons: Reason[];
}
