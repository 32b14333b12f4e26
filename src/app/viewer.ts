import type { AccessInput, Cloud } from '../policy';
import type { AdminPolicy } from '../contract/policyFile';
import type { CurrentUser, Platform } from '../office';

export type Consent = AccessInput['consent'];
export type Membership = AccessInput['membership'];

/** What Microsoft 365 told us about the viewer; 'unknown' wherever a lookup failed or was not possible. */
export interface DetectedEnvironment {
  cloud: Cloud;
  mailboxGeo: string;
  tenantCountry: string;
  /** Result of checking the viewer against the policy file's selected group; 'unknown' when it could not be checked. */
  groupMembership: Membership;
}

export const UNKNOWN_ENVIRONMENT: DetectedEnvironment = {
  cloud: 'unknown',
  mailboxGeo: 'unknown',
  tenantCountry: 'unknown',
  groupMembership: 'unknown',
};

/** Everything about the viewer and this device that the decision needs; only the viewed person is missing. */
export type ViewerInput = Omit<AccessInput, 'memberVisibility'>;

/**
 * Membership for mode "selected": the legacy user list is checked here (it is in the policy file), the group by
 * Microsoft Graph. A listed user is a member; otherwise the group check decides; with no group configured, not a member.
 */
export function resolveMembership(policy: AdminPolicy, viewerAddress: string, groupMembership: Membership): Membership {
  if (policy.selectedUsers.includes(viewerAddress.toLowerCase())) return 'member';
  if (!policy.selectedGroupId) return 'notMember';
  return groupMembership;
}

/** Policy-file values override detection; detection fills what the admin left out. */
export function viewerInput(args: {
  policy: AdminPolicy;
  detected: DetectedEnvironment;
  user: CurrentUser;
  platform: Platform;
  userOption: boolean;
  consent: Consent;
}): ViewerInput {
  const { policy, detected } = args;
  const input: ViewerInput = {
    cloud: policy.environment.cloud ?? detected.cloud,
    mailboxGeo: policy.environment.mailboxGeo ?? detected.mailboxGeo,
    tenantCountry: policy.environment.tenantCountry ?? detected.tenantCountry,
    tenantMode: policy.tenantMode,
    membership: resolveMembership(policy, args.user.address, detected.groupMembership),
    platform: args.platform,
    officePolicy: { ...policy.officePolicy },
    userOption: args.userOption,
    consent: args.consent,
  };
  if (policy.availability) input.availability = policy.availability;
  return input;
}

export function accessInputFor(viewer: ViewerInput, memberVisibility: AccessInput['memberVisibility']): AccessInput {
  return { ...viewer, memberVisibility };
}
