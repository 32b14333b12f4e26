import type { FastifyInstance } from 'fastify';
import type { ErrorEnvelope } from '../../src/contract/errors';
import { isTrusted, problemsOf } from '../rules/policyFileReport';

/**
 * /healthz: the process answers (whatever else is wrong: an orchestrator must not restart a process for a bad file).
 * /readyz: the service can do its work as the admin configured it: the database answers, and the policy file can be
 * trusted (an invalid or unreadable file refuses every LinkedIn call: not ready, with the reason, until it is fixed).
 */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const { database } = app;
  const policyFile = app.rules.file;
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const reading = policyFile.read();
    const notReady = (envelope: ErrorEnvelope) =>
      reply
        .code(503)
        .header('Retry-After', '5')
        .send({ ...envelope, retryAfter: 5, database: database.kind, policyFile: reading.status });
    if (!isTrusted(reading))
      return notReady({
        error: 'unavailable',
        message: `The policy file ${problemsOf(reading)}`,
        reason: reading.status === 'invalid' ? 'policy-file-invalid' : 'policy-file-unreadable',
      });
    if (!(await database.ping())) return notReady({ error: 'unavailable', message: 'The database does not answer.' });
    return { status: 'ready', database: database.kind, policyFile: reading.status };
  });
}
