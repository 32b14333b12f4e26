export { decideAccess, isDesktop } from './decide';
export { DEFAULT_AVAILABILITY, DEFAULT_OFF_COUNTRIES } from './availability';
export { REASON_CODES, describeReason } from './reasons';
export { DEFAULT_ADMIN_POLICY, type AdminPolicy } from './adminPolicy';
export {
  UNKNOWN_ENVIRONMENT,
  accessInputOf,
  membershipOf,
  viewerInputOf,
  type DetectedEnvironment,
  type ViewerDevice,
  type ViewerInput,
} from './inputs';
export {
  CLOUDS,
  CONSENTS,
  GIVEN_CONSENTS,
  GROUP_MEMBERSHIPS,
  KNOWN_CLOUDS,
  MEMBERSHIPS,
  PLATFORMS,
  POLICY_STATES,
  STATED_TENANT_MODES,
  TENANT_MODES,
  isConsentGiven,
  isOneOf,
  type GivenConsent,
  type GroupMembership,
  type KnownCloud,
} from './vocabulary';
export type {
  AccessDecision,
  AccessInput,
  Availability,
  ChangeableBy,
  Cloud,
  Consent,
  Level,
  MemberVisibility,
  Membership,
  OfficePolicy,
  Platform,
  PolicyState,
  Reason,
  ReasonCode,
  TenantMode,
  TodayDecision,
} from './types';
