import type { PolicyFileRefusal } from '../../src/contract/errors';
import type { DeviceStatement } from '../../src/contract/requests';
import {
  accessInputOf,
  decideAccess,
  viewerInputOf,
  type AccessDecision,
  type AdminPolicy,
  type Consent,
  type DetectedEnvironment,
  type GroupMembership,
  type MemberVisibility,
  type ViewerDevice,
  type ViewerInput,
} from '../../src/policy';
import type { EntraUser } from '../auth/entraVerifier';
import type { PolicyFileReading, PolicyFileSource } from './policyFileSource';

/**
 * The rules as the service enforces them: the pane's engine (src/policy's decideAccess) over the pane's own assembly
 * of its inputs (src/policy's viewerInputOf), fed with what the service knows — the policy file as it is now (the
 * same file the pane reads, followed as it changes), what the service detects of its tenant (its SERVICE_* settings),
 * the selected group from the token's `groups` claim, the consent in its own database, the device the pane states
 * (the service cannot see it), and the member's visibility from the source. A file that cannot be trusted refuses
 * everything, as the pane refuses to run on it.
 */
export interface ServiceRules {
  readonly file: PolicyFileSource;
  /** The viewer's inputs, or why the policy file refuses everything now. */
  viewer: (user: EntraUser, device: ViewerDevice, consent: Consent) => ViewerVerdict;
  /**
   * The inputs before the viewer is known (the sign-in's first steps carry no Entra identity): what depends on the user
   * at its most permissive — in the selected group, no consent yet, the device unstated — so what the rules refuse
   * here, they refuse whoever signs in (the policy file, the mode, the cloud, the data location, the country).
   */
  anyViewer: () => ViewerVerdict;
  /** The policy file's statements as enforced now; undefined while the file cannot be trusted. */
  admin: () => AdminPolicy | undefined;
}

export type ViewerVerdict = { viewer: ViewerInput; refusal?: undefined } | { refusal: PolicyFileRefusal; viewer?: undefined };

/** What the service detects of its tenant: its SERVICE_* settings, 'unknown' where none is set. */
export interface ServiceEnvironment {
  cloud?: DetectedEnvironment['cloud'];
  mailboxGeo?: string;
  tenantCountry?: string;
}

/** Where the device is not stated (a client that says nothing), the service decides as for Outlook on the web. */
export const UNSTATED_DEVICE: ViewerDevice = Object.freeze({ platform: 'web', userOption: true });

export function deviceOf(statement: DeviceStatement | undefined): ViewerDevice {
  return statement ? { platform: statement.platform, userOption: statement.showLinkedInFeatures } : UNSTATED_DEVICE;
}

/** The viewer in the selected group as the token says: its `groups` claim; absent (or overflowed) is unknown. */
export function groupMembershipOf(user: EntraUser, selectedGroupId: string | undefined): GroupMembership {
  if (!selectedGroupId || !user.groups) return 'unknown';
  return user.groups.includes(selectedGroupId.toLowerCase()) ? 'member' : 'notMember';
}

export function createServiceRules(file: PolicyFileSource, environment: () => ServiceEnvironment): ServiceRules {
  const trusted = (reading: PolicyFileReading): AdminPolicy | PolicyFileRefusal => {
    if (reading.status === 'none' || reading.status === 'valid') return reading.policy;
    return reading.status === 'invalid' ? 'policy-file-invalid' : 'policy-file-unreadable';
  };
  return {
    file,
    admin() {
      const admin = trusted(file.read());
      return typeof admin === 'string' ? undefined : admin;
    },
    viewer(user, device, consent) {
      const admin = trusted(file.read());
      if (typeof admin === 'string') return { refusal: admin };
      const detected = detectedFor(environment(), user, admin);
      return { viewer: viewerInputOf(admin, detected, device, consent) };
    },
    anyViewer() {
      const admin = trusted(file.read());
      if (typeof admin === 'string') return { refusal: admin };
      const detected = { ...detectedFor(environment(), ANY_USER, admin), groupMembership: 'member' as const };
      return { viewer: viewerInputOf(admin, detected, UNSTATED_DEVICE, 'none') };
    },
  };
}

/** No one in particular: `anyViewer` states the group membership itself. */
const ANY_USER: EntraUser = Object.freeze({ tenantId: '', objectId: '', groups: undefined });

function detectedFor(environment: ServiceEnvironment, user: EntraUser, admin: AdminPolicy): DetectedEnvironment {
  return {
    cloud: environment.cloud ?? 'unknown',
    mailboxGeo: environment.mailboxGeo ?? 'unknown',
    tenantCountry: environment.tenantCountry ?? 'unknown',
    groupMembership: groupMembershipOf(user, admin.selectedGroupId),
  };
}

/** The decision for a viewer and the person viewed (a refused verdict has no viewer: answer its refusal first). */
export function decisionFor(viewer: ViewerInput, visibility: MemberVisibility): AccessDecision {
  return decideAccess(accessInputOf(viewer, visibility));
}
