import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** One year, this host only: what `Strict-Transport-Security` says, and only ever over HTTPS (RFC 6797 §7.2). */
export const HSTS = 'max-age=31536000';

/**
 * The headers every answer of the service carries, API and add-in files alike:
 * - helmet's set, with the API's Content Security Policy (nothing loads, nothing frames it);
 * - one framing policy: CSP `frame-ancestors` (the API's `'none'`, the add-in pages' Outlook origins). No
 *   `X-Frame-Options` beside it, which could only repeat it or contradict it (helmet's default SAMEORIGIN did);
 * - `Cache-Control: no-store` unless a route says otherwise (the add-in's files do): API answers carry personal data
 *   and are never kept by a browser or a proxy;
 * - `Strict-Transport-Security` only on answers that went out over HTTPS (directly, or from a trusted reverse proxy's
 *   `X-Forwarded-Proto`): sent over plain HTTP it is ignored at best, and pins a host that has no HTTPS at worst.
 */
export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    xFrameOptions: false,
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
