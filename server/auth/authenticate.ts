import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidTokenError, type EntraUser, type EntraVerifier } from './entraVerifier';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authenticate hook on every authenticated route; null elsewhere. */
    entraUser: EntraUser | null;
  }
}

/** The one answer for any missing or refused token: nothing about why (the log has the reason, never the token). */
function refuse(reply: FastifyReply): FastifyReply {
  return reply
    .code(401)
    .header('WWW-Authenticate', 'Bearer error="invalid_token"')
    .send({ error: 'invalidToken', message: 'A valid Microsoft Entra access token for this service is required.' });
}

/** An onRequest hook: runs before the body is read, so a refused call reads and writes nothing. */
export function authenticateWith(verify: EntraVerifier) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match?.[1]) {
      request.log.info({ reason: 'no bearer token' }, 'access token refused');
      return void refuse(reply);
    }
    try {
      request.entraUser = await verify(match[1]);
    } catch (error) {
      request.log.info({ reason: error instanceof InvalidTokenError ? error.reason : 'verification failed' }, 'access token refused');
      return void refuse(reply);
    }
  };
}

/** The authenticated user; only inside authenticated routes (the hook guarantees it is set). */
export function userOf(request: FastifyRequest): EntraUser {
  if (!request.entraUser) throw new Error('userOf called on a route without the authenticate hook');
  return request.entraUser;
}

export const userKey = (user: EntraUser): string => `${user.tenantId}:${user.objectId}`;
