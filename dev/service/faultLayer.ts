import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorEnvelope } from '../../src/contract/errors';
import type { FaultTarget, WorkbenchFault } from '../workbenchControls';
import { API_PREFIX } from '../../server/app';
import type { WorkbenchSettings } from './controls';

/**
 * Development mode only: latency and the workbench's faults, injected in front of the real API (before the token
 * check and the routes), so the pane meets each failure over a real connection: a dropped connection (offline),
 * 401 (a refused token, or the LinkedIn connection gone), 403, 429 with Retry-After, 500, a payload of the wrong shape, a
 * body cut short.
 */
const TARGETS: Record<string, { target: FaultTarget; methods: readonly string[] }> = {
  [`${API_PREFIX}/profiles/lookup`]: { target: 'lookup', methods: ['POST'] },
  [`${API_PREFIX}/profiles/insights`]: { target: 'insights', methods: ['POST'] },
  [`${API_PREFIX}/suggestions`]: { target: 'insights', methods: ['POST'] },
  [`${API_PREFIX}/connection`]: { target: 'connection', methods: ['GET', 'POST', 'DELETE'] },
};

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function faultLayer(app: FastifyInstance, settings: WorkbenchSettings): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith(`${API_PREFIX}/`)) return;
    const controls = settings.controls();
    if (controls.latencyMs > 0) await pause(controls.latencyMs);
    const aimed = TARGETS[path];
    if (aimed?.methods.includes(request.method)) return injectFault(controls.faults[aimed.target] ?? 'none', request, reply);
  });
}

function injectFault(fault: WorkbenchFault, request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  // Written here, not by the route's serializer: a fault's body need not be the route's answer (invalidPayload is not).
  const json = (status: number, body: ErrorEnvelope | Record<string, unknown>, headers: Record<string, string> = {}) =>
    reply
      .code(status)
      .headers({ 'cache-control': 'no-store', ...headers })
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(body));
  switch (fault) {
    case 'none':
      return undefined;
    case 'offline':
      // No answer at all: the connection is dropped, as when the network goes away. The request's body is read
      // first: closing with it unread in the socket resets the connection instead (the browser reports
      // ERR_CONNECTION_RESET or ERR_EMPTY_RESPONSE by a race), so the pane always meets the same empty answer.
      reply.hijack();
      if (request.raw.readableEnded) request.raw.socket.destroy();
      else request.raw.once('end', () => request.raw.socket.destroy()).resume();
      return reply;
    case 'unauthorized':
      return json(
        401,
        { error: 'invalidToken', message: 'Workbench fault: the access token was refused.' },
        { 'www-authenticate': 'Bearer error="invalid_token"' },
      );
    case 'notConnected':
      // The user's LinkedIn connection is gone (removed elsewhere, or its 60-day sign-in lapsed): "Reconnect LinkedIn".
      return json(401, { error: 'notConnected', message: 'Workbench fault: the LinkedIn connection is gone.', reason: 'not-connected' });
    case 'forbidden':
      // A refusal that names no rule (as a gateway in front of the service might answer): the pane's generic text.
      return json(403, { error: 'refused', message: 'Workbench fault: access refused.' });
    case 'throttled':
      return json(429, { error: 'throttled', message: 'Workbench fault: too many requests.', retryAfter: 30 }, { 'retry-after': '30' });
    case 'server':
      return json(500, { error: 'server', message: 'Workbench fault: the service failed.' });
    case 'invalidPayload':
      return json(200, { apiVersion: '1', results: 'not a list', recentActivity: 7 });
    case 'truncated':
      // A JSON answer cut off mid-way (a proxy that dropped the rest): the pane must not trust any of it.
      return reply.code(200).type('application/json; charset=utf-8').send('{"apiVersion":"1","resu');
  }
}
