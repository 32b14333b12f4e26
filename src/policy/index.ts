export { decideAccess, isDesktop } from './decide';
export { DEFAULT_AVAILABILITY, DEFAULT_OFF_COUNTRIES } from './availability';
export { REASON_CODES, describeReason } from './reasons';
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
} from './types';
