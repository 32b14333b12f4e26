import * as z from '../contract/zod';
import { isOneOf, KNOWN_CLOUDS, type Cloud } from '../policy';
import { requestJson } from './http';
import type { KeyValueStorage } from './profileCache';

/** Where Microsoft Entra publishes every tenant's OpenID configuration (the worldwide sign-in host answers for all clouds). */
export const OPENID_HOST = 'https://login.microsoftonline.com/';
export const CLOUD_CACHE_KEY = 'linkedin.tenantCloud.v1';
/** A tenant does not change clouds; a week keeps the detection off the pane's start almost always. */
export const CLOUD_CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const text = z.optional(z.nullable(z.string().check(z.maxLength(300))));
const openIdConfigurationSchema = z.object({
  issuer: text,
  authorization_endpoint: text,
  tenant_region_scope: text,
  tenant_region_sub_scope: text,
  cloud_instance_name: text,
});
export type OpenIdConfiguration = z.output<typeof openIdConfigurationSchema>;

function hostOf(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The Microsoft cloud a tenant's OpenID configuration describes, as Azure Government's identity documentation reads
 * it: region scope "USGov" is Azure Government, where sub-scope "DOD" is DoD and "DODCON" GCC High; sub-scope "GCC"
 * in the public cloud is GCC; China (21Vianet) and the old German cloud by their sign-in hosts. Anything the
 * configuration does not make clear is 'unknown' (the rules fail closed on it).
 */
export function cloudOfConfiguration(config: OpenIdConfiguration): Cloud {
  const scope = (config.tenant_region_scope ?? '').toUpperCase();
  const subScope = (config.tenant_region_sub_scope ?? '').toUpperCase();
  const hosts = [hostOf(config.issuer), hostOf(config.authorization_endpoint), (config.cloud_instance_name ?? '').toLowerCase()];
  const on = (suffix: string): boolean => hosts.some((host) => host === suffix || host.endsWith(`.${suffix}`));
  if (on('partner.microsoftonline.cn') || on('chinacloudapi.cn')) return 'china';
  if (on('microsoftonline.de')) return 'germany';
  if (scope === 'USGOV' || on('microsoftonline.us')) {
    if (subScope === 'DOD') return 'dod';
    return subScope === 'DODCON' ? 'gccHigh' : 'unknown';
  }
  if (!on('microsoftonline.com') || scope === '') return 'unknown';
  return subScope === 'GCC' ? 'gcc' : 'worldwide';
}

/** The tenant to ask about: the domain of the viewer's address (the organisation's, never the person's part). */
export function tenantOfAddress(address: string): string | null {
  const domain = address.trim().toLowerCase().split('@')[1] ?? '';
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) && domain.length <= 253 ? domain : null;
}

export interface TenantCloudOptions {
  storage?: KeyValueStorage;
  partitionKey?: string;
  now?: () => number;
  signal?: AbortSignal;
  base?: string;
}

interface CachedClouds {
  [tenant: string]: { cloud: Cloud; at: number };
}

function readCache(storage: KeyValueStorage | undefined, key: string): CachedClouds {
  try {
    const parsed = JSON.parse(storage?.getItem(key) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as CachedClouds) : {};
  } catch {
    return {};
  }
}

/**
 * Detects the tenant's cloud from its OpenID configuration, cached per tenant for a week. What could not be read is
 * 'unknown' and is not cached, so the next start asks again.
 */
export async function detectTenantCloud(tenant: string | null, options: TenantCloudOptions = {}): Promise<Cloud> {
  if (!tenant) return 'unknown';
  const now = options.now ?? Date.now;
  const key = `${options.partitionKey ?? ''}${CLOUD_CACHE_KEY}`;
  const cache = readCache(options.storage, key);
  const hit = cache[tenant];
  if (hit && isOneOf(KNOWN_CLOUDS, hit.cloud) && typeof hit.at === 'number' && now() - hit.at < CLOUD_CACHE_MAX_AGE_MS && hit.at <= now()) {
    return hit.cloud;
  }
  let cloud: Cloud;
  try {
    const config = await requestJson({
      url: `${options.base ?? OPENID_HOST}${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`,
      schema: openIdConfigurationSchema,
      timeoutMs: 5000,
      signal: options.signal,
    });
    cloud = cloudOfConfiguration(config);
  } catch {
    return 'unknown';
  }
  if (cloud !== 'unknown') {
    try {
      options.storage?.setItem(key, JSON.stringify({ ...cache, [tenant]: { cloud, at: now() } }));
    } catch {
      // Storage full or refused: detection simply runs again next time.
    }
  }
  return cloud;
}
