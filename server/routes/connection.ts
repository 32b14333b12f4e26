import type { FastifyInstance } from 'fastify';
import type { ConnectionStatusWire, RevokedWire } from '../../src/contract/insights';
import { userOf } from '../auth/authenticate';
import type { ServiceContext } from './context';
import { isExpired, recordExpiry } from '../linkedin/expiry';

/** GET and DELETE api/v1/connection. Completing a connection (POST) and the LinkedIn sign-in are the sign-in module's. */
export async function connectionRoutes(app: FastifyInstance, context: ServiceContext): Promise<void> {
  app.get('/connection', async (request): Promise<ConnectionStatusWire> => {
    const user = userOf(request);
    const connection = await context.connections.find(user);
    if (!connection) return { apiVersion: '1', status: 'notConnected' };
    if (isExpired(connection)) {
      await recordExpiry(context.database.db, user);
      return { apiVersion: '1', status: 'expired', consent: connection.consent, connectedAt: connection.connectedAt.toISOString() };
    }
    return { apiVersion: '1', status: 'connected', consent: connection.consent, connectedAt: connection.connectedAt.toISOString() };
  });

  // Always allowed, whatever the rules say now: a user can always remove what the service kept. The connection is gone
  // at once; its token is revoked at LinkedIn now, or queued and tried again until LinkedIn confirms or it lapses.
  app.delete('/connection', async (request): Promise<RevokedWire> => {
    await context.connections.remove(userOf(request), 'disconnect');
    return { apiVersion: '1', status: 'notConnected' };
  });
}
