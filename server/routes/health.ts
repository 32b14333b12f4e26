import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/database';

/** /healthz: the process answers. /readyz: the database answers too (503 + Retry-After when it does not). */
export async function healthRoutes(app: FastifyInstance, database: DatabaseHandle): Promise<void> {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await database.ping();
    if (ready) return { status: 'ready', database: database.kind };
    return reply
      .code(503)
      .header('Retry-After', '5')
      .send({ error: 'unavailable', message: 'The database does not answer.', database: database.kind });
  });
}
