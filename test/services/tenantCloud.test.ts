import { http, HttpResponse } from 'msw';
import { detectEnvironmentOf } from '../../src/app/detectEnvironment';
import { DEFAULT_ADMIN_POLICY, type AdminPolicy } from '../../src/contract/policyFile';
import { openIdConfigurationFor, openIdConfigurationHandlers } from '../../dev/mocks/handlers';
import type { Cloud } from '../../src/policy';
import { cloudOfConfiguration, detectTenantCloud, OPENID_HOST, tenantOfAddress } from '../../src/services/tenantCloud';
import { createTestServer } from '../support/mswServer';
import { memoryStorage } from '../support/memoryStorage';

const { server, requests } = createTestServer();
const user = { address: 'megan.bowen@contoso.com', displayName: 'Megan Bowen' };
const policy = (patch: Partial<AdminPolicy> = {}): AdminPolicy => ({ ...DEFAULT_ADMIN_POLICY, ...patch });
const openIdRequests = () => requests.filter((r) => r.url.includes('/.well-known/openid-configuration'));

describe("the tenant's cloud, from its OpenID configuration", () => {
  // As Azure Government's identity documentation describes the fields; China and Germany by their sign-in hosts.
  test.each<[string, Record<string, string | null>, Cloud]>([
    ['worldwide (region NA)', { tenant_region_scope: 'NA', issuer: 'https://login.microsoftonline.com/x/v2.0' }, 'worldwide'],
    ['worldwide (region EU)', { tenant_region_scope: 'EU', issuer: 'https://login.microsoftonline.com/x/v2.0' }, 'worldwide'],
    ['GCC', { tenant_region_scope: 'NA', tenant_region_sub_scope: 'GCC', issuer: 'https://login.microsoftonline.com/x/v2.0' }, 'gcc'],
    [
      'GCC High',
      { tenant_region_scope: 'USGov', tenant_region_sub_scope: 'DODCON', issuer: 'https://login.microsoftonline.us/x/v2.0' },
      'gccHigh',
    ],
    ['DoD', { tenant_region_scope: 'USGov', tenant_region_sub_scope: 'DOD', issuer: 'https://login.microsoftonline.us/x/v2.0' }, 'dod'],
    [
      'US Government without a known sub-scope',
      { tenant_region_scope: 'USGov', issuer: 'https://login.microsoftonline.us/x/v2.0' },
      'unknown',
    ],
    ['China by its sign-in host', { tenant_region_scope: 'AS', issuer: 'https://login.partner.microsoftonline.cn/x/v2.0' }, 'china'],
    ['China by its instance name', { tenant_region_scope: 'AS', cloud_instance_name: 'partner.microsoftonline.cn' }, 'china'],
    [
      'Germany by its sign-in host',
      { tenant_region_scope: 'EU', authorization_endpoint: 'https://login.microsoftonline.de/x/oauth2/authorize' },
      'germany',
    ],
    ['no region scope', { issuer: 'https://login.microsoftonline.com/x/v2.0' }, 'unknown'],
    ['an unknown host', { tenant_region_scope: 'NA', issuer: 'https://login.example.com/x/v2.0' }, 'unknown'],
    ['a look-alike host', { tenant_region_scope: 'NA', issuer: 'https://login.evilmicrosoftonline.com/x/v2.0' }, 'unknown'],
  ])('%s', (_name, config, cloud) => {
    expect(cloudOfConfiguration(config)).toBe(cloud);
  });

  test('every cloud the workbench simulates reads back as itself', () => {
    for (const cloud of ['worldwide', 'gcc', 'gccHigh', 'dod', 'china', 'germany'] as const) {
      expect(cloudOfConfiguration(openIdConfigurationFor('contoso.com', cloud))).toBe(cloud);
    }
  });

  test("the tenant is the address's domain, never the person's part", () => {
    expect(tenantOfAddress('Megan.Bowen@Contoso.com')).toBe('contoso.com');
    expect(tenantOfAddress('no-domain')).toBeNull();
    expect(tenantOfAddress('x@bad/../host')).toBeNull();
  });

  test('asked once per tenant and cached; the request names the domain only', async () => {
    server.use(...openIdConfigurationHandlers(() => 'gcc'));
    const storage = memoryStorage();
    let now = 1_000_000;
    const options = { storage, now: () => now };
    expect(await detectTenantCloud('contoso.com', options)).toBe('gcc');
    now += 60 * 60 * 1000;
    expect(await detectTenantCloud('contoso.com', options)).toBe('gcc');
    expect(openIdRequests().map((r) => r.url)).toEqual([`${OPENID_HOST}contoso.com/v2.0/.well-known/openid-configuration`]);
    // Another tenant is its own entry; a week later the cache has expired.
    expect(await detectTenantCloud('fabrikam.com', options)).toBe('gcc');
    now += 8 * 24 * 60 * 60 * 1000;
    await detectTenantCloud('contoso.com', options);
    expect(openIdRequests()).toHaveLength(3);
  });

  test('a configuration that cannot be read is unknown and not cached (fail closed, ask again next time)', async () => {
    server.use(...openIdConfigurationHandlers(() => 'unknown'));
    const storage = memoryStorage();
    expect(await detectTenantCloud('contoso.com', { storage })).toBe('unknown');
    expect(storage.data.size).toBe(0);
    server.use(http.get(`${OPENID_HOST}:tenant/v2.0/.well-known/openid-configuration`, () => HttpResponse.json({ issuer: 42 })));
    expect(await detectTenantCloud('contoso.com', { storage })).toBe('unknown');
    server.use(http.get(`${OPENID_HOST}:tenant/v2.0/.well-known/openid-configuration`, () => HttpResponse.error()));
    expect(await detectTenantCloud('contoso.com', { storage })).toBe('unknown');
  });

  test('a tampered cache entry is not trusted', async () => {
    server.use(...openIdConfigurationHandlers(() => 'dod'));
    const storage = memoryStorage();
    storage.setItem('linkedin.tenantCloud.v1', JSON.stringify({ 'contoso.com': { cloud: 'mars', at: Date.now() } }));
    expect(await detectTenantCloud('contoso.com', { storage })).toBe('dod');
  });

  test('the policy file wins: a stated cloud is not asked for', async () => {
    server.use(...openIdConfigurationHandlers(() => 'worldwide'));
    const sources = { graph: null, cloud: {} };
    expect((await detectEnvironmentOf(sources, policy(), user)).cloud).toBe('worldwide');
    expect(openIdRequests()).toHaveLength(1);
    await detectEnvironmentOf(sources, policy({ environment: { cloud: 'gcc' } }), user);
    expect(openIdRequests()).toHaveLength(1);
  });
});
