import rateLimit from '@fastify/rate-limit';
import type { Server as HttpsServer } from 'node:https';
// Node's own timers (their handles can be unref'd), whatever the global ones are where the service is embedded.
import { clearInterval, setInterval } from 'node:timers';
import Fastify, { LogController, type FastifyHttpsOptions, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { userKey } from './auth/authenticate';
import type { EntraVerifier } from './auth/entraVerifier';
import type { ServiceConfig } from './config';
import type { DatabaseHandle } from './db/database';
import { contractSchemas } from './http/contractSchemas';
import { handleError, isDatabaseUnavailable } from './http/errors';
import { databaseRateLimitStore, sweepRateLimitWindows, windowCounter, windowKeys } from './http/rateLimitStore';
import { securityHeaders } from './http/headers';
import type { Revoke } from './linkedin/revocations';
import { loggerOptions } from './logging';
import type { Metrics } from './metrics';
import { authPlugin } from './plugins/auth';
import { connectionStorePlugin } from './plugins/connectionStore';
import { databasePlugin } from './plugins/database';
import { linkedInPlugin } from './plugins/linkedIn';
import { profileSourcePlugin } from './plugins/profileSource';
import { rulesPlugin } from './plugins/rules';
import { healthRoutes } from './routes/health';
import { AUTHENTICATED_ROUTES, PUBLIC_ROUTES } from './routes';
import type { ServiceRules } from './rules/serviceRules';
import type { ProfileSource } from './sources/types';

declare module 'fastify' {
  interface FastifyInstance {
    /** The service's configuration, parsed once at start (server/config.ts). */
    serviceConfig: ServiceConfig;
  }
}

export interface AppDeps {
  config: ServiceConfig;
  database: DatabaseHandle;
  verifier: EntraVerifier;
  /** Another profile source than the configured one (PROFILE_SOURCE): tests and the workbench. */
  source?: ProfileSource;
  rules: ServiceRules;
  /** How LinkedIn is asked to revoke a token; default: its revoke endpoint (linkedin/revoke.ts). */
  revokeLinkedIn?: Revoke;
  /** How often revokes LinkedIn did not confirm are tried again (default 60 s; 0: never by itself, as tests drive it). */
  revocationRetryEveryMs?: number;
  /** How often the embedded database's deleted rows are purged from its files (default 60 s; 0: only at close). */
  purgeEveryMs?: number;
  /** pino options; default: the service's own (redacting) options at config.logLevel. false: no logs. */
  logger?: FastifyServerOptions['logger'];
  /** `npm run serve`: HTTPS from this certificate and key, and the reverse proxies to trust (server/hosting/config.ts). */
  tls?: { cert: Buffer; key: Buffer };
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Where each answered request is counted (the process's /metrics); none: not counted. */
  metrics?: Metrics;
  /** Where the rate limits count: the database (shared by instances; the default on PostgreSQL) or this process's memory. */
  rateLimitStore?: 'database' | 'memory';
  /** Runs on the new instance before any route is registered (development mode's fault layer, dev/service/). */
  beforeRoutes?: (app: FastifyInstance) => void;
}

export const BODY_LIMIT = 64 * 1024;
export const API_PREFIX = '/api/v1';

/** Where the API answers under the path the add-in is hosted at ('/linkedin/' → '/linkedin/api/v1'). */
export const apiPrefix = (basePath: string): string => `${basePath.replace(/\/$/, '')}${API_PREFIX}`;

/**
 * The insights service as a Fastify instance (not listening): main.ts listens, tests inject or listen on port 0. One
 * plugin per concern, each a decorator the routes use (app.database, app.linkedIn, app.connections, …: server/plugins/);
 * the routes' bodies, queries and answers are the contract's schemas (http/contractSchemas.ts).
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = fastifyFor(deps);
  app.decorate('serviceConfig', config);
  await app.register(databasePlugin, { database: deps.database, purgeEveryMs: deps.purgeEveryMs });
  await app.register(linkedInPlugin, { config: config.linkedin });
  await app.register(connectionStorePlugin, {
    config,
    revoke: deps.revokeLinkedIn,
    retryEveryMs: deps.revocationRetryEveryMs,
    metrics: deps.metrics,
  });
  await app.register(profileSourcePlugin, { config, source: deps.source });
  await app.register(rulesPlugin, { rules: deps.rules });
  await app.register(authPlugin, { verifier: deps.verifier });
  requestLine(app, deps.metrics);
  deps.beforeRoutes?.(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'notFound', message: 'No such endpoint.' }));
  await app.register(contractSchemas);

  await securityHeaders(app);
  const limits = rateLimitCounting(app, deps);
  // Per client IP, on every request the service routes (not an unknown path's 404), before any token check: a root
  // onRequest hook, so it runs ahead of the authenticated scope's token check (a route's own hooks, where the plugin
  // puts its limit with `global: true`, run after its scope's: a flood of bad tokens would each cost a verification).
  await app.register(rateLimit, {
    global: false,
    max: config.rateLimit.perIpPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `ip:${request.ip}`,
    ...limits('per-ip'),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'throttled',
      message: `Too many requests from this address. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });
  const perIp = app.rateLimit();
  app.addHook('onRequest', async function perIpLimit(request, reply) {
    if (!request.is404) await perIp.call(this, request, reply);
  });

  const prefix = apiPrefix(config.basePath);
  // /healthz and /readyz at the root for a probe on the machine, and under the hosted path for one through the proxy.
  await app.register(healthRoutes);
  if (config.basePath !== '/') await app.register(healthRoutes, { prefix: config.basePath.replace(/\/$/, '') });
  for (const routes of PUBLIC_ROUTES) await app.register(routes, { prefix });
  await app.register(
    async (scope) => {
      scope.addHook('onRequest', scope.authenticate);
      // Per user (tid + oid), after the token check and before the body is checked (a refused body counts): a second
      // registration (its own store and counters) in this scope, as a route hook (preValidation) of each route in it.
      await scope.register(rateLimit, {
        global: true,
        hook: 'preValidation',
        max: config.rateLimit.perUserPerMinute,
        timeWindow: 60_000,
        keyGenerator: (request) => (request.entraUser ? `user:${userKey(request.entraUser)}` : `ip:${request.ip}`),
        ...limits('per-user'),
        errorResponseBuilder: (_request, context) => ({
          statusCode: 429,
          error: 'throttled',
          message: `Too many requests for this user. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
        }),
      });
      for (const routes of AUTHENTICATED_ROUTES) await scope.register(routes);
    },
    { prefix },
  );
  return app;
}

/** A Fastify instance with the service's options: its logger, body limit, one line per request, the proxies it trusts. */
function fastifyFor(deps: AppDeps): FastifyInstance {
  const options: FastifyServerOptions = {
    logger: deps.logger ?? loggerOptions(deps.config.logLevel),
    bodyLimit: BODY_LIMIT,
    // One line per request, written once it is answered (requestLine below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Behind a reverse proxy (TRUST_PROXY, npm run serve) the client is who the trusted proxies say; otherwise the socket.
    trustProxy: deps.trustProxy ?? false,
  };
  // Fastify types an HTTPS server apart; the routes and hooks are the same either way.
  return deps.tls ? Fastify({ ...(options as FastifyHttpsOptions<HttpsServer>), https: deps.tls }) : Fastify(options);
}

/**
 * How the rate limits count. In the database (PostgreSQL's default, so N instances allow the limit once, not N times):
 * a store per limit over one batched counter, finished windows swept every minute, and a database that does not answer skips the count (the
 * call then meets the same database and answers 503). In memory: the plugin's own store (the embedded database's
 * single process).
 */
function rateLimitCounting(app: FastifyInstance, deps: AppDeps): (name: string) => Record<string, unknown> {
  const where = deps.rateLimitStore ?? (deps.database.kind === 'postgres' ? 'database' : 'memory');
  if (where === 'memory') return () => ({});
  const { db } = deps.database;
  const sweeper = setInterval(() => void sweepRateLimitWindows(db).catch(() => undefined), 60_000);
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));
  const [current] = deps.config.encryptionKeys;
  if (!current) throw new Error('TOKEN_ENCRYPTION_KEYS has no key');
  const keys = windowKeys(current);
  // One counter for both limits: a request's per-IP and another's per-user hits can share a statement.
  const count = windowCounter(db);
  return (name) => ({ store: databaseRateLimitStore(count, name, keys), skipOnError: true });
}

/**
 * Every answered request: one log line (method, path without its query, status, milliseconds; the logger's serializers
 * keep anything personal out) and, with metrics, its count and latency by route pattern; a database that did not
 * answer is counted too.
 */
function requestLine(app: FastifyInstance, metrics: Metrics | undefined): void {
  // A callback hook: nothing here waits (an async one costs every request a promise and a turn).
  app.addHook('onResponse', (request, reply, done) => {
    const milliseconds = reply.elapsedTime;
    request.log.info({ req: request, res: reply, responseTime: Math.round(milliseconds * 10) / 10 }, 'request answered');
    metrics?.request(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode, milliseconds / 1000);
    done();
  });
  if (metrics)
    app.addHook('onError', async (_request, _reply, error) => {
      if (isDatabaseUnavailable(error)) metrics.databaseError();
    });
}
