import type { FastifyInstance } from 'fastify';
import { connectionStatusSchema, revokedSchema } from '../../src/contract/insights';
import { userOf } from '../auth/authenticate';
import type { ContractTypeProvider } from '../http/contractSchemas';
import { isExpired } from '../store/expiry';

/** GET and DELETE api/v1/connection. Completing a connection (POST) and the LinkedIn sign-in are the sign-in module's. */
export async function connectionRoutes(service: FastifyInstance): Promise<void> {
  const app = service.withTypeProvider<ContractTypeProvider>();
  app.get('/connection', { schema: { response: { 200: connectionStatusSchema } } }, async (request) => {
    const user = userOf(request);
    const connection = await app.connections.find(user);
    if (!connection) return { apiVersion: '1', status: 'notConnected' } as const;
    if (isExpired(connection)) {
      await app.connections.recordExpiry(user);
      return {
        apiVersion: '1',
        status: 'expired',
        consent: connection.consent,
        connectedAt: connection.connectedAt.toISOString(),
      } as const;
    }
    return {
      apiVersion: '1',
      status: 'connected',
      consent: connection.consent,
      connectedAt: connection.connectedAt.toISOString(),
    } as const;
  });

  // Always allowed, whatever the rules say now: a user can always remove what the service kept. The connection is gone
  // at once; its token is revoked at LinkedIn now, or queued and tried again until LinkedIn confirms or it lapses.
  app.delete('/connection', { schema: { response: { 200: revokedSchema } } }, async (request) => {
    await app.connections.remove(userOf(request), 'disconnect');
    return { apiVersion: '1', status: 'notConnected' } as const;
  });
}
