import type { CurrentUser } from '../office';
import type { GraphClient } from '../services/graphClient';
import type { AdminPolicy } from '../contract/policyFile';
import type { Cloud } from '../policy';
import { detectTenantCloud, tenantOfAddress, type TenantCloudOptions } from '../services/tenantCloud';
import { UNKNOWN_ENVIRONMENT, type DetectedEnvironment } from './viewer';

/**
 * What Microsoft Graph can tell about the viewer, each lookup on its own: one that fails (or that Graph cannot
 * answer) leaves its field 'unknown', and the rules fail closed on it. What the policy file states is not asked.
 * Graph cannot tell the cloud (it answers the same for worldwide and GCC tenants): detectEnvironmentOf asks the
 * tenant's OpenID configuration for it.
 */
export async function detectWithGraph(
  graph: GraphClient | null,
  policy: AdminPolicy,
  _user: CurrentUser,
  signal?: AbortSignal,
): Promise<DetectedEnvironment> {
  if (!graph) return UNKNOWN_ENVIRONMENT;
  const needGeo = policy.environment.mailboxGeo === undefined;
  const needCountry = policy.environment.tenantCountry === undefined && policy.tenantMode === 'unset';
  const needMembership = policy.tenantMode === 'selected' && Boolean(policy.selectedGroupId);
  const [geo, country, membership] = await Promise.all([
    needGeo
      ? graph.me(signal).then(
          (me) => dataLocation(me.preferredDataLocation),
          () => 'unknown',
        )
      : 'unknown',
    needCountry
      ? graph.organizationCountry(signal).then(
          (code) => code ?? 'unknown',
          () => 'unknown',
        )
      : 'unknown',
    needMembership
      ? graph.checkMemberGroups([policy.selectedGroupId as string], signal).then(
          (groups) =>
            groups.map((g) => g.toLowerCase()).includes((policy.selectedGroupId as string).toLowerCase()) ? 'member' : 'notMember',
          () => 'unknown' as const,
        )
      : ('unknown' as const),
  ]);
  return { cloud: 'unknown', mailboxGeo: geo, tenantCountry: country, groupMembership: membership };
}

/** A Microsoft 365 data location is three letters ("NAM", "EUR", "DEU"); anything else Graph sends is unknown. */
function dataLocation(value: string | null | undefined): string {
  return value && /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : 'unknown';
}

/**
 * Everything the pane detects about the viewer's environment: the cloud from the tenant's OpenID configuration (unless
 * the policy file states it), the rest through Microsoft Graph. Both are asked at once.
 */
export async function detectEnvironmentOf(
  sources: { graph: GraphClient | null; cloud: CloudOptions },
  policy: AdminPolicy,
  user: CurrentUser,
  signal?: AbortSignal,
): Promise<DetectedEnvironment> {
  const [fromGraph, cloud] = await Promise.all([
    detectWithGraph(sources.graph, policy, user, signal),
    detectCloudUnlessStated(policy, user, { ...sources.cloud, signal }),
  ]);
  return { ...fromGraph, cloud };
}

type CloudOptions = Omit<TenantCloudOptions, 'signal'>;

/** The tenant's cloud, asked only when the policy file does not state it (the file always wins). */
export function detectCloudUnlessStated(policy: AdminPolicy, user: CurrentUser, options: TenantCloudOptions): Promise<Cloud> {
  if (policy.environment.cloud !== undefined) return Promise.resolve('unknown');
  return detectTenantCloud(tenantOfAddress(user.address), options);
}
