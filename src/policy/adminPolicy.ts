import type { Availability, OfficePolicy } from './types';
import type { Cloud, TenantMode } from './vocabulary';

/**
 * What the admin states in the policy file (linkedin-policy.json), every field resolved to a value or to "not set".
 * src/contract/policyFile.ts reads the file into it; the pane and the service both decide from it.
 */
export interface AdminPolicy {
  tenantMode: TenantMode;
  selectedGroupId?: string;
  /** The legacy list of users (addresses / UPNs, lower case). Kept for compatibility: alone, it admits nobody. */
  selectedUsers: string[];
  /** The admin's mirror of the device policies (Office's Group Policy / Cloud Policy): desktop Outlook only. */
  officePolicy: OfficePolicy;
  /** What the admin states of the tenant: each value given here wins over what is detected. */
  environment: { cloud?: Cloud; mailboxGeo?: string; tenantCountry?: string };
  availability?: Availability;
}

/** The documented defaults, used when no policy file is configured. */
export const DEFAULT_ADMIN_POLICY: AdminPolicy = Object.freeze<AdminPolicy>({
  tenantMode: 'unset',
  selectedUsers: [],
  officePolicy: {
    showLinkedInFeatures: 'notConfigured',
    connectedExperiences: 'notConfigured',
    optionalConnectedExperiences: 'notConfigured',
  },
  environment: {},
});
