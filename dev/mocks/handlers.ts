import { http, HttpResponse, type RequestHandler } from 'msw';
import type { Cloud } from '../../src/policy';
import { OPENID_HOST } from '../../src/services/tenantCloud';
import { openIdConfigurationFor } from '../fixtures/openIdConfiguration';

export { openIdConfigurationFor };

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
