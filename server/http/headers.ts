import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** One year, this host only: what `Strict-Transport-Security` says, and only ever over HTTPS (RFC 6797 §7.2). */
export const HSTS = 'max-age=31536000';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route sets its own headers (the add-in's files), not the API's helmet set. */
    apiHeaders?: false;
  }
}

/** helmet's options for the API: its Content Security Policy (nothing loads, nothing frames it), no X-Frame-Options or HSTS. */
export const API_HELMET_OPTIONS: Readonly<HelmetOptions> = Object.freeze({
  contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  xFrameOptions: false,
  strictTransportSecurity: false,
});

/**
 * The headers helmet sets with these options, worked out once: helmet's middleware run against a response that
 * records them. Its answer depends on its options alone (no nonces, nothing from the request), so every answer gets
 * this same set without helmet being built again for each request (the Fastify plugin does that per request).
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  // helmet (8.1 and later) throws a bad option at once rather than passing it on: nothing comes to `next`.
  helmet(options)({} as never, recorder as never, () => undefined);
  return Object.freeze(headers);
}

/**
 * The headers every answer of the service carries, API and add-in files alike:
 * - helmet's set, with the API's Content Security Policy (nothing loads, nothing frames it); a route with
 *   `config: { apiHeaders: false }` (the add-in's files) sets its own instead;
 * - one framing policy: CSP `frame-ancestors` (the API's `'none'`, the add-in pages' Outlook origins). No
 *   `X-Frame-Options` beside it, which could only repeat it or contradict it (helmet's default SAMEORIGIN did);
 * - `Cache-Control: no-store` unless a route says otherwise (the add-in's files do): API answers carry personal data
 *   and are never kept by a browser or a proxy;
 * - `Strict-Transport-Security` only on answers that went out over HTTPS (directly, or from a trusted reverse proxy's
 *   `X-Forwarded-Proto`): sent over plain HTTP it is ignored at best, and pins a host that has no HTTPS at worst.
 */
export async function securityHeaders(app: FastifyInstance): Promise<void> {
  const apiHeaders = helmetHeaders(API_HELMET_OPTIONS);
  // A callback hook, not an async one: nothing here waits, and every request would pay for a promise and a turn.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.config.apiHeaders !== false) reply.headers(apiHeaders);
    reply.header('cache-control', 'no-store');
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    done();
  });
}
