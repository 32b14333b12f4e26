import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, connectionStoreFor } from '../app';
import { createEntraVerifier } from '../auth/entraVerifier';
import type { ServiceConfig } from '../config';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { addinFileRoutes } from '../hosting/addinFiles';
import { loggerOptions } from '../logging';
import { createProfileSource } from '../sources';
import { startEntraStandIn, type EntraStandIn } from '../standins/entraIssuer';
import { startLinkedInStandIn, type LinkedInStandIn } from '../standins/linkedinProvider';
import { createWorkbenchSettings } from './controls';
import { faultLayer } from './faultLayer';
import { workbenchRoutes, type WorkbenchIdentity } from './workbenchRoutes';

/**
 * The insights service in development mode, as `npm start` and the browser tests run it: the real service (its
 * routes, token check, rules, LinkedIn sign-in and database) with local stand-ins where the outside world would be —
 * the local Entra issuer in place of Microsoft Entra (and of MSAL for the workbench's pane), the simulated LinkedIn
 * provider in place of linkedin.com, the fixture people as the profile source, PGlite in memory or in a data folder —
 * plus the workbench's pages and its controls (latency and faults injected in front of the API). Loopback only;
 * it refuses production configuration (both stand-ins do).
 */
export interface DevServiceOptions {
  /** 0: any free port. */
  port: number;
  /** The built workbench (npm run build:workbench, or npm start's watch build). */
  addinDir: string;
  /** Keep the database in this folder across restarts; in memory when not given. */
  dataDir?: string;
  logLevel?: ServiceConfig['logLevel'];
  /** For `port: 0`, how a free port is found (tests make it race); `freePort` otherwise. */
  choosePort?: () => Promise<number>;
}

export interface DevService {
  /** http://localhost:<port>/: the workbench. */
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** The workbench's Microsoft 365 tenant, user and the service's app registration (made-up ids, development only). */
export const WORKBENCH_IDENTITY: WorkbenchIdentity = {
  tenantId: '72f988bf-0000-4000-8000-00000000c0de',
  objectId: '3c5f8a1e-0000-4000-8000-00000000b0b0',
  appId: '5e3ce6c0-0000-4000-8000-00000000a11d',
};

const HOST = '127.0.0.1';

/**
 * A fixed key for development data only: a data folder kept across restarts stays readable. It protects nothing real
 * (the stand-in's LinkedIn tokens); production keys come from TOKEN_ENCRYPTION_KEYS and are never derived.
 */
const DEVELOPMENT_KEY = { id: 'workbench', key: createHash('sha256').update('linkedin-card workbench development data').digest() };

/**
 * A free loopback port, for `port: 0`: the LinkedIn callback and the dialog's address must be known before listening.
 * Free when asked, not reserved: by the time the service listens, another socket (one of its own stand-ins, which
 * listen in between) may hold it, so startDevService tries again on another.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function developmentConfig(
  port: number,
  options: DevServiceOptions,
  entra: EntraStandIn,
  linkedIn: LinkedInStandIn,
  secret: string,
): ServiceConfig {
  const origins = workbenchOrigins(port);
  return {
    environment: 'development',
    host: HOST,
    port,
    basePath: '/',
    logLevel: options.logLevel ?? 'warn',
    entra: { appId: WORKBENCH_IDENTITY.appId, allowedTenants: [WORKBENCH_IDENTITY.tenantId], authority: entra.authority },
    pgliteDir: options.dataDir ?? 'memory://',
    encryptionKeys: [DEVELOPMENT_KEY],
    profileSource: 'fixtures',
    linkedin: {
      clientId: 'workbench-client',
      clientSecret: secret,
      callbackUrl: `http://${HOST}:${port}/api/v1/connection/callback`,
      dialogRedirectUris: origins.map((origin) => `${origin}/dialog.html`),
      endpoints: linkedIn.endpoints,
      timeoutMs: 5_000,
    },
    // The workbench shows throttling with its fault control; the real limits would only trip the browser tests.
    rateLimit: { perUserPerMinute: 1_000_000, perIpPerMinute: 1_000_000 },
  };
}

/** Where a user opens the workbench: the address it prints, and the loopback address it listens on. */
const workbenchOrigins = (port: number) => [`http://localhost:${port}`, `http://${HOST}:${port}`];

/** How many free ports `port: 0` tries before it gives up (each taken in the meantime by another socket). */
const PORT_ATTEMPTS = 3;

export async function startDevService(options: DevServiceOptions): Promise<DevService> {
  if (options.port !== 0) return startOn(options.port, options);
  const choosePort = options.choosePort ?? freePort;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOn(await choosePort(), options);
    } catch (error) {
      const taken = (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
      if (!taken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

async function startOn(port: number, options: DevServiceOptions): Promise<DevService> {
  const entra = await startEntraStandIn('development');
  const secret = randomBytes(24).toString('base64url');
  const callbackUrl = `http://${HOST}:${port}/api/v1/connection/callback`;
  const linkedIn = await startLinkedInStandIn({
    environment: 'development',
    clientId: 'workbench-client',
    clientSecret: secret,
    redirectUris: [callbackUrl],
    // The workbench opened at the address it prints (localhost) or at 127.0.0.1: the sign-in ends on either.
    answerOrigins: workbenchOrigins(port),
  });
  const config = developmentConfig(port, options, entra, linkedIn, secret);
  let database: DatabaseHandle | undefined;
  let app: FastifyInstance | undefined;
  const stopStandIns = async () => {
    await Promise.allSettled([entra.close(), linkedIn.close()]);
  };
  try {
    database = await openDatabase({ pgliteDir: config.pgliteDir });
    const settings = createWorkbenchSettings();
    const server = await buildApp({
      config,
      database,
      rules: settings.rules,
      source: createProfileSource(config),
      verifier: createEntraVerifier(config.entra),
      logger: loggerOptions(config.logLevel),
      beforeRoutes: (instance) => faultLayer(instance, settings),
    });
    app = server;
    const { connections } = connectionStoreFor(database, config, server.log);
    await server.register((scope) => workbenchRoutes(scope, { settings, entra, identity: WORKBENCH_IDENTITY, connections }));
    const hosting = { addinDir: options.addinDir, frameAncestors: ["'self'"], trustProxy: false };
    await server.register((scope) => addinFileRoutes(scope, hosting, async () => settings.controls().policyText));
    await server.listen({ host: HOST, port });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    await stopStandIns();
    throw error;
  }
  const opened = { app, database };
  return {
    url: `http://localhost:${port}/`,
    port,
    async close() {
      await opened.app.close();
      await opened.database.close();
      await stopStandIns();
    },
  };
}
