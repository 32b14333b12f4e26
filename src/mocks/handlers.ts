import { http, HttpResponse, type RequestHandler } from 'msw';
import type { Cloud } from '../policy';
import { OPENID_HOST } from '../services/tenantCloud';

/** Serves linkedin-policy.json from whatever text the caller holds; null means "no file" (404). */
export function policyFileHandlers(getPolicyText: () => string | null): RequestHandler[] {
  return [
    http.get('*/linkedin-policy.json', () => {
      const text = getPolicyText();
      if (text === null) return new HttpResponse(null, { status: 404 });
      return new HttpResponse(text, { headers: { 'Content-Type': 'application/json' } });
    }),
  ];
}

/** What a tenant's OpenID configuration says in each cloud (the fields the add-in reads; the rest left out). */
export function openIdConfigurationFor(tenant: string, cloud: Exclude<Cloud, 'unknown'>): Record<string, string | null> {
  const id = '9188040d-6c67-4c5b-b112-36a304b66dad';
  const on = (host: string, scope: string, subScope: string | null, instance: string) => ({
    issuer: `https://${host}/${id}/v2.0`,
    authorization_endpoint: `https://${host}/${tenant}/oauth2/v2.0/authorize`,
    tenant_region_scope: scope,
    tenant_region_sub_scope: subScope,
    cloud_instance_name: instance,
  });
  switch (cloud) {
    case 'worldwide':
      return on('login.microsoftonline.com', 'NA', null, 'microsoftonline.com');
    case 'gcc':
      return on('login.microsoftonline.com', 'NA', 'GCC', 'microsoftonline.com');
    case 'gccHigh':
      return on('login.microsoftonline.us', 'USGov', 'DODCON', 'microsoftonline.us');
    case 'dod':
      return on('login.microsoftonline.us', 'USGov', 'DOD', 'microsoftonline.us');
    case 'china':
      return on('login.partner.microsoftonline.cn', 'AS', null, 'partner.microsoftonline.cn');
    case 'germany':
      return on('login.microsoftonline.de', 'EU', null, 'microsoftonline.de');
  }
}

/**
 * Serves every tenant's OpenID configuration as the caller's cloud says; 'unknown' answers as Entra does for a tenant
 * it cannot find (400), so the add-in cannot tell the cloud.
 */
export function openIdConfigurationHandlers(getCloud: () => Cloud): RequestHandler[] {
  return [
    http.get(`${OPENID_HOST}:tenant/v2.0/.well-known/openid-configuration`, ({ params }) => {
      const cloud = getCloud();
      if (cloud === 'unknown') return HttpResponse.json({ error: 'invalid_tenant' }, { status: 400 });
      return HttpResponse.json(openIdConfigurationFor(String(params.tenant), cloud));
    }),
  ];
}
