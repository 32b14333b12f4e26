import { readFileSync } from 'node:fs';
import { adminPolicyFromFile, DEFAULT_ADMIN_POLICY, policyFileSchema, type AdminPolicy } from '../../src/contract/policyFile';
import { decideAccess, type AccessDecision, type Consent, type Membership, type MemberVisibility, type ReasonCode } from '../../src/policy';
import type { EntraUser } from '../auth/entraVerifier';
import type { ServiceConfig } from '../config';

/**
 * The same rules as the pane (src/policy's decideAccess over the same linkedin-policy.json), fed with what the
 * service can know: its configured cloud, mailbox location and tenant country, the tenant mode, the selected group
 * from the token's `groups` claim, the consent in its own database and the member's visibility from the source.
 * Device policies are the pane's: the service cannot see the device, so it decides as for Outlook on the web.
 */
export interface ServerPolicy {
  readonly admin: AdminPolicy;
  decide: (user: EntraUser, consent: Consent, memberVisibility: MemberVisibility) => AccessDecision;
}

export class PolicyFileError extends Error {}

export function loadServerPolicy(config: Pick<ServiceConfig, 'policyFile' | 'cloud' | 'mailboxGeo' | 'tenantCountry'>): ServerPolicy {
  return createServerPolicy(readAdminPolicy(config.policyFile), config);
}

export function readAdminPolicy(path: string | undefined): AdminPolicy {
  if (!path) return DEFAULT_ADMIN_POLICY;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new PolicyFileError(`POLICY_FILE ${path} is not valid JSON`);
  }
  const parsed = policyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new PolicyFileError(`POLICY_FILE ${path} is not valid:\n- ${problems.join('\n- ')}`);
  }
  return adminPolicyFromFile(parsed.data);
}

export function createServerPolicy(
  admin: AdminPolicy,
  environment: Pick<ServiceConfig, 'cloud' | 'mailboxGeo' | 'tenantCountry'>,
): ServerPolicy {
  const cloud = environment.cloud ?? admin.environment.cloud ?? 'unknown';
  const mailboxGeo = environment.mailboxGeo ?? admin.environment.mailboxGeo ?? 'unknown';
  const tenantCountry = environment.tenantCountry ?? admin.environment.tenantCountry ?? 'unknown';
  return {
    admin,
    decide(user, consent, memberVisibility) {
      return decideAccess({
        cloud,
        mailboxGeo,
        tenantCountry,
        tenantMode: admin.tenantMode,
        membership: membershipOf(admin, user),
        platform: 'web',
        officePolicy: { ...DEFAULT_ADMIN_POLICY.officePolicy },
        userOption: true,
        consent,
        memberVisibility,
        availability: admin.availability,
      });
    },
  };
}

/**
 * Member of the selected group only when the token's `groups` claim names it. An absent or overflowed claim, or a
 * legacy user list the service cannot check against a verified address, is unknown (and unknown is refused).
 */
export function membershipOf(admin: AdminPolicy, user: EntraUser): Membership {
  if (!admin.selectedGroupId || !user.groups) return 'unknown';
  if (user.groups.includes(admin.selectedGroupId.toLowerCase())) return 'member';
  return admin.selectedUsers.length > 0 ? 'unknown' : 'notMember';
}

/** The first reason that leaves the viewer with nothing (level none), if any. */
export function viewerRefusal(decision: AccessDecision): ReasonCode | undefined {
  return decision.level === 'none' ? decision.reasons[0]?.code : undefined;
}
