import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { openIdConfigurationFor } from '../fixtures/openIdConfiguration';
import {
  WORKBENCH_API,
  workbenchConnectionSchema,
  workbenchControlsSchema,
  workbenchTokenRequestSchema,
  type WorkbenchControls,
} from '../workbenchControls';
import type { EntraUser } from '../../server/auth/entraVerifier';
import type { ContractTypeProvider } from '../../server/http/contractSchemas';
import type { EntraStandIn } from '../standins/entraIssuer';
import type { ConnectionStore } from '../../server/store/connections';
import type { WorkbenchIdentity, WorkbenchSettings } from './controls';
import { GRAPH_RESOURCE, graphStandIn } from './graphStandIn';

/**
 * Development mode only (`npm start`): what the workbench page needs from the service beside the real API — its
 * controls, a token from the local Entra issuer in MSAL's place, the tenant's OpenID configuration as the Cloud
 * control says (the pane's own detection code reads it), and the workbench user's connection as a shared link or
 * the Consent control states it. Never registered outside development mode.
 */

/** A group id that is never the selected one: the token of a viewer outside the pilot group carries only this. */
const OTHER_GROUP = '0f0f0f0f-0000-4000-8000-000000000000';
const LINKEDIN_TOKEN_LIFETIME_MS = 60 * 24 * 60 * 60 * 1000;

export interface WorkbenchRouteDeps {
  settings: WorkbenchSettings;
  entra: EntraStandIn;
  identity: WorkbenchIdentity;
  connections: ConnectionStore;
}

/** The `groups` claim as the Selected-group control says: the pilot group, another group, or none at all (unknown). */
function groupsFor(controls: WorkbenchControls, selectedGroupId: string | undefined): string[] | undefined {
  if (controls.groupMembership === 'unknown') return undefined;
  if (controls.groupMembership === 'member') return selectedGroupId ? [selectedGroupId.toLowerCase()] : [OTHER_GROUP];
  return [OTHER_GROUP];
}

export async function workbenchRoutes(service: FastifyInstance, deps: WorkbenchRouteDeps): Promise<void> {
  const app = service.withTypeProvider<ContractTypeProvider>();
  const { settings, entra, identity, connections } = deps;
  const user = (): EntraUser => ({
    tenantId: identity.tenantId,
    objectId: identity.objectId,
    groups: groupsFor(settings.controls(), settings.rules.admin()?.selectedGroupId),
  });

  app.post(`${WORKBENCH_API}/controls`, { schema: { body: workbenchControlsSchema } }, async (request) => {
    settings.set(request.body);
    return { applied: true };
  });

  // A token from the local Entra issuer, in MSAL's place: for the service, or for one Microsoft Graph permission (the
  // calendar's only when the Calendar permission control says the admin granted it, as Entra would).
  app.post(`${WORKBENCH_API}/token`, { schema: { body: workbenchTokenRequestSchema } }, async (request, reply) => {
    const scope = request.body?.scope ?? 'service';
    const { tenantId, objectId, groups } = user();
    if (scope === 'Calendars.ReadBasic' && settings.controls().calendarPermission === 'notGranted')
      return reply
        .code(403)
        .header('cache-control', 'no-store')
        .send({ error: 'consent_required', message: 'AADSTS65001: The admin has not granted Calendars.ReadBasic to the add-in.' });
    const accessToken =
      scope === 'service'
        ? await entra.issue({ tenantId, objectId, appId: identity.appId, ...(groups ? { groups: [...groups] } : {}) })
        : await entra.issue({ tenantId, objectId, appId: GRAPH_RESOURCE, claims: { scp: scope } });
    return reply.header('cache-control', 'no-store').send({ accessToken });
  });

  await graphStandIn(app, { settings, entra, identity });

  app.get(`${WORKBENCH_API}/openid/:tenant/v2.0/.well-known/openid-configuration`, async (request, reply) => {
    const { cloud } = settings.controls();
    // Entra answers 400 for a tenant it cannot find: the pane then cannot tell the cloud.
    if (cloud === 'unknown') return reply.code(400).send({ error: 'invalid_tenant' });
    return openIdConfigurationFor((request.params as { tenant: string }).tenant, cloud);
  });

  // Makes the service hold what the link states: a connection with this consent (kept as it is when it already
  // matches, so one made through the real sign-in stays that one), or none.
  app.post(`${WORKBENCH_API}/connection`, { schema: { body: workbenchConnectionSchema } }, async (request) => {
    const { consent } = request.body;
    const existing = await connections.find(user());
    if (consent === 'none') {
      if (existing) await connections.remove(user());
      return { status: 'notConnected', changed: Boolean(existing) };
    }
    if (existing?.consent === consent)
      return { status: 'connected', consent, connectedAt: existing.connectedAt.toISOString(), changed: false };
    const saved = await connections.save(user(), {
      consent,
      accessToken: `workbench-${randomBytes(16).toString('base64url')}`,
      tokenExpiresAt: new Date(Date.now() + LINKEDIN_TOKEN_LIFETIME_MS),
    });
    return { status: 'connected', consent, connectedAt: saved.connectedAt.toISOString(), changed: true };
  });
}
