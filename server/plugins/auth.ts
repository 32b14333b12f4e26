import type { onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { authenticateWith } from '../auth/authenticate';
import type { EntraVerifier } from '../auth/entraVerifier';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Entra token check, an onRequest hook: a scope that adds it answers only callers with a valid token. */
    authenticate: onRequestHookHandler;
  }
}

export const authPlugin = fp<{ verifier: EntraVerifier }>(
  async (app, { verifier }) => {
    app.decorateRequest('entraUser', null);
    app.decorate('authenticate', authenticateWith(verifier));
  },
  { name: 'auth' },
);
