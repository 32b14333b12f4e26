import type { AdminPolicy } from './adminPolicy';
import type { AccessInput, MemberVisibility } from './types';
import type { Cloud, Consent, GroupMembership, Membership, Platform } from './vocabulary';

/**
 * The one assembly of the decision's inputs, for the pane and the service alike (src/app/viewer.ts,
 * server/rules/): each side says what it detected and what it knows of the device, and this function alone decides
 * how they combine with the admin's policy file, so the two enforcers can never disagree on it.
 *
 * Precedence, written down once: what the admin states in the policy file overrides what is detected. The pane
 * detects with Microsoft Graph and the tenant's OpenID configuration; the service's detection is its SERVICE_*
 * settings. A fact neither states nor detects is 'unknown', and the rules fail closed on it.
 */

/** What one side detected about the viewer's tenant; 'unknown' wherever a lookup failed or was not possible. */
export interface DetectedEnvironment {
  cloud: Cloud;
  /** Microsoft 365 data location, 3 letters, or 'unknown'. */
  mailboxGeo: string;
  /** ISO 3166 alpha-2, or 'unknown'. */
  tenantCountry: string;
  /**
   * The viewer in the policy file's selected group: Graph's checkMemberGroups in the pane, the access token's
   * `groups` claim on the service; 'unknown' when it could not be checked (or no group is set).
   */
  groupMembership: GroupMembership;
}

export const UNKNOWN_ENVIRONMENT: DetectedEnvironment = Object.freeze({
  cloud: 'unknown',
  mailboxGeo: 'unknown',
  tenantCountry: 'unknown',
  groupMembership: 'unknown',
});

/** The device the pane runs on: the service cannot see it, so the pane states it with each request. */
export interface ViewerDevice {
  platform: Platform;
  /** "Show LinkedIn features" on this device. */
  userOption: boolean;
}

/** Everything about the viewer and this device that the decision needs; only the viewed person is missing. */
export type ViewerInput = Omit<AccessInput, 'memberVisibility'>;

/**
 * Membership for mode "selected". The group decides: the pane and the service each check it (see above). The legacy
 * list of users is never trusted on its own: the only identity both sides share is the signed-in name in the access
 * token (`preferred_username`), which Microsoft says must not be used to authorise (it is mutable, and a guest's is
 * their home address), and the pane only knows the mailbox's address, which can differ from it. So a pilot that is a
 * list alone is 'unverifiable' on both sides (the reason tells the admin to select a group), and beside a group the
 * list adds nobody.
 */
export function membershipOf(admin: AdminPolicy, groupMembership: GroupMembership): Membership {
  if (admin.selectedGroupId) return groupMembership;
  return admin.selectedUsers.length > 0 ? 'unverifiable' : 'notMember';
}

/** The inputs for one viewer: the policy file's statements over what was detected, and the device as stated. */
export function viewerInputOf(admin: AdminPolicy, detected: DetectedEnvironment, device: ViewerDevice, consent: Consent): ViewerInput {
  const input: ViewerInput = {
    cloud: admin.environment.cloud ?? detected.cloud,
    mailboxGeo: admin.environment.mailboxGeo ?? detected.mailboxGeo,
    tenantCountry: admin.environment.tenantCountry ?? detected.tenantCountry,
    tenantMode: admin.tenantMode,
    membership: membershipOf(admin, detected.groupMembership),
    platform: device.platform,
    officePolicy: { ...admin.officePolicy },
    userOption: device.userOption,
    consent,
  };
  if (admin.availability) input.availability = admin.availability;
  return input;
}

/** The viewer's inputs with the person viewed. */
export function accessInputOf(viewer: ViewerInput, memberVisibility: MemberVisibility): AccessInput {
  return { ...viewer, memberVisibility };
}
