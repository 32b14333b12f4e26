import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { sampleCalendarView } from '../fixtures/calendar';
import { WORKBENCH_VIEWER } from '../../server/sources/fixtures/viewer';
import { WORKBENCH_API, type GraphFault } from '../workbenchControls';
import { entraIssuer } from '../../server/auth/entraVerifier';
import type { EntraStandIn } from '../standins/entraIssuer';
import type { WorkbenchSettings } from './controls';
import type { WorkbenchIdentity } from './controls';

/**
 * Development mode only: a Microsoft Graph stand-in for the workbench's pane, so the pane's own Graph client runs there
 * as in Outlook (`npm start`; the Graph code is otherwise only met in jest). It answers what the pane asks — `/me`,
 * `/organization`, `POST /me/checkMemberGroups`, `/me/calendarView` — as the workbench's controls say, with the sample
 * day for the calendar, and only to a token from the local Entra issuer for Graph carrying the permission the call
 * needs (User.Read; Calendars.ReadBasic for the calendar), as Graph does. It keeps nothing and logs nothing.
 */
export const GRAPH_STAND_IN_PATH = `${WORKBENCH_API}/graph/v1.0`;
/** The audience of Microsoft Graph's access tokens. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

type GraphScope = 'User.Read' | 'Calendars.ReadBasic';

const graphError = (reply: FastifyReply, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  reply
    .code(status)
    .headers({ 'cache-control': 'no-store', ...headers })
    .send({ error: { code, message } });

/** The calendar's faults as Graph answers them. */
function calendarFault(reply: FastifyReply, fault: GraphFault): FastifyReply | undefined {
  switch (fault) {
    case 'none':
      return undefined;
    case 'unauthorized':
      return graphError(reply, 401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    case 'forbidden':
      return graphError(reply, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    case 'throttled':
      return graphError(reply, 429, 'TooManyRequests', 'Too many requests.', { 'retry-after': '7' });
    case 'unavailable':
      return graphError(reply, 503, 'ServiceNotAvailable', 'The service is temporarily unavailable.', { 'retry-after': '1' });
  }
}

export async function graphStandIn(
  app: FastifyInstance,
  deps: { settings: WorkbenchSettings; entra: EntraStandIn; identity: WorkbenchIdentity },
): Promise<void> {
  const { settings, entra, identity } = deps;
  /** Whether the request carries a Graph token of the workbench user with `scope`; answers 401/403 as Graph does otherwise. */
  const admitted = async (request: FastifyRequest, reply: FastifyReply, scope: GraphScope): Promise<boolean> => {
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    try {
      if (!token) throw new Error('no token');
      const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [entra.publicJwk] }), {
        issuer: entraIssuer(identity.tenantId),
        audience: GRAPH_RESOURCE,
        algorithms: ['RS256'],
      });
      if (typeof payload.scp === 'string' && payload.scp.split(' ').includes(scope)) return true;
      await graphError(reply, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    } catch {
      await graphError(reply, 401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    }
    return false;
  };
  const known = (value: string) => (value === 'unknown' ? null : value);

  app.get(`${GRAPH_STAND_IN_PATH}/me`, async (request, reply) => {
    if (!(await admitted(request, reply, 'User.Read'))) return reply;
    const { mailboxGeo } = settings.controls();
    return {
      id: identity.objectId,
      userPrincipalName: WORKBENCH_VIEWER.address,
      mail: WORKBENCH_VIEWER.address,
      preferredDataLocation: known(mailboxGeo),
    };
  });

  app.get(`${GRAPH_STAND_IN_PATH}/organization`, async (request, reply) => {
    if (!(await admitted(request, reply, 'User.Read'))) return reply;
    return { value: [{ countryLetterCode: known(settings.controls().tenantCountry) }] };
  });

  app.post(`${GRAPH_STAND_IN_PATH}/me/checkMemberGroups`, async (request, reply) => {
    if (!(await admitted(request, reply, 'User.Read'))) return reply;
    const { groupMembership } = settings.controls();
    if (groupMembership === 'unknown') return graphError(reply, 500, 'InternalServerError', 'The group check failed.');
    const asked = (request.body as { groupIds?: unknown } | undefined)?.groupIds;
    const groupIds = Array.isArray(asked) ? asked.filter((id): id is string => typeof id === 'string').slice(0, 20) : [];
    return { value: groupMembership === 'member' ? groupIds : [] };
  });

  app.get(`${GRAPH_STAND_IN_PATH}/me/calendarView`, async (request, reply) => {
    if (!(await admitted(request, reply, 'Calendars.ReadBasic'))) return reply;
    const faulted = calendarFault(reply, settings.controls().faults.calendar ?? 'none');
    if (faulted) return faulted;
    const query = request.query as { startDateTime?: string; endDateTime?: string };
    const start = Date.parse(query.startDateTime ?? '');
    const end = Date.parse(query.endDateTime ?? '');
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start || end - start > 2 * 86_400_000)
      return graphError(reply, 400, 'ErrorInvalidParameter', 'startDateTime and endDateTime must be a window of at most two days.');
    return { value: sampleCalendarView(start, end) };
  });
}
