import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { createEntraVerifier } from '../../server/auth/entraVerifier';
import type { ServiceConfig } from '../../server/config';
import { openDatabase, type DatabaseHandle } from '../../server/db/database';
import { loggerOptions } from '../../server/logging';
import type { ProfileSource } from '../../server/sources/types';
import { startEntraStandIn, type EntraStandIn } from '../standins/entraIssuer';
import { startLinkedInStandIn, type LinkedInStandIn } from '../standins/linkedinProvider';
import type { ConnectionStore } from '../../server/store/connections';
import { createWorkbenchSettings, type WorkbenchSettings } from './controls';
import { faultLayer } from './faultLayer';
import type { WorkbenchIdentity } from './controls';
import { workbenchRoutes } from './workbenchRoutes';

/**
 * The insights service in development mode, built but not listening: the real service (its routes, token check,
 * rules, LinkedIn sign-in and database) with local stand-ins where the outside world would be — the local Entra issuer
 * in place of Microsoft Entra (and of MSAL for the workbench's pane), the simulated LinkedIn provider in place of
 * linkedin.com, the fixture people as the profile source, PGlite in memory or in a data folder — and the workbench's
 * controls (latency and faults injected in front of the API). `npm start` serves it with the workbench's pages
 * (devService.ts); the pane's tests answer msw's requests with it in process (test/support/insightsService.ts).
 */
export interface DevAppOptions {
  /** The port the service will listen on (its LinkedIn callback's address is on it). */
  port: number;
  /** Every address the sign-in dialog page is served at (each a registered redirect). */
  dialogPages: readonly string[];
  /** Keep the database in this folder across restarts; in memory when not given. */
  dataDir?: string;
  /** PGlite: start from this dumped data directory instead of a fresh one (a migrated template, server/db/pgliteTemplate.ts). */
  pgliteTemplate?: Blob;
  logLevel?: ServiceConfig['logLevel'];
  /** Where profiles come from: the fixture people unless told. */
  source?: ProfileSource;
}

export interface DevApp {
  app: FastifyInstance;
  settings: WorkbenchSettings;
  connections: ConnectionStore;
  database: DatabaseHandle;
  entra: EntraStandIn;
  linkedIn: LinkedInStandIn;
  config: ServiceConfig;
  close: () => Promise<void>;
}

/** The workbench's Microsoft 365 tenant, user and the service's app registration (made-up ids, development only). */
export const WORKBENCH_IDENTITY: WorkbenchIdentity = {
  tenantId: '72f988bf-0000-4000-8000-00000000c0de',
  objectId: '3c5f8a1e-0000-4000-8000-00000000b0b0',
  appId: '5e3ce6c0-0000-4000-8000-00000000a11d',
};

export const HOST = '127.0.0.1';

/**
 * A fixed key for development data only: a data folder kept across restarts stays readable. It protects nothing real
 * (the stand-in's LinkedIn tokens); production keys come from TOKEN_ENCRYPTION_KEYS and are never derived.
 */
const DEVELOPMENT_KEY = { id: 'workbench', key: createHash('sha256').update('linkedin-card workbench development data').digest() };

function developmentConfig(options: DevAppOptions, entra: EntraStandIn, linkedIn: LinkedInStandIn, secret: string): ServiceConfig {
  return {
    environment: 'development',
    host: HOST,
    port: options.port,
    basePath: '/',
    logLevel: options.logLevel ?? 'warn',
    entra: { appId: WORKBENCH_IDENTITY.appId, allowedTenants: [WORKBENCH_IDENTITY.tenantId], authority: entra.authority },
    pgliteDir: options.dataDir ?? 'memory://',
    encryptionKeys: [DEVELOPMENT_KEY],
    profileSource: 'fixtures',
    linkedin: {
      clientId: 'workbench-client',
      clientSecret: secret,
      callbackUrl: callbackUrlFor(options.port),
      dialogRedirectUris: [...options.dialogPages],
      endpoints: linkedIn.endpoints,
      timeoutMs: 5_000,
    },
    // The workbench shows throttling with its fault control; the real limits would only trip the browser tests.
    rateLimit: { perUserPerMinute: 1_000_000, perIpPerMinute: 1_000_000 },
  };
}

const callbackUrlFor = (port: number) => `http://${HOST}:${port}/api/v1/connection/callback`;

export async function createDevApp(options: DevAppOptions): Promise<DevApp> {
  const entra = await startEntraStandIn('development');
  const secret = randomBytes(24).toString('base64url');
  const linkedIn = await startLinkedInStandIn({
    environment: 'development',
    clientId: 'workbench-client',
    clientSecret: secret,
    redirectUris: [callbackUrlFor(options.port)],
    // The sign-in ends on the dialog page, wherever it is served (e.g. localhost while the callback is on 127.0.0.1).
    answerOrigins: options.dialogPages,
  });
  const config = developmentConfig(options, entra, linkedIn, secret);
  let database: DatabaseHandle | undefined;
  let app: FastifyInstance | undefined;
  const stopStandIns = async () => {
    await Promise.allSettled([entra.close(), linkedIn.close()]);
  };
  try {
    database = await openDatabase({
      pgliteDir: config.pgliteDir,
      ...(options.pgliteTemplate ? { pgliteTemplate: options.pgliteTemplate } : {}),
    });
    const settings = createWorkbenchSettings();
    const built = await buildApp({
      config,
      database,
      rules: settings.rules,
      ...(options.source ? { source: options.source } : {}),
      verifier: createEntraVerifier(config.entra),
      logger: loggerOptions(config.logLevel),
      beforeRoutes: (instance) => faultLayer(instance, settings),
    });
    app = built;
    const { connections } = built;
    await built.register((scope) => workbenchRoutes(scope, { settings, entra, identity: WORKBENCH_IDENTITY, connections }));
    const opened = { app: built, database };
    return {
      ...opened,
      settings,
      connections,
      entra,
      linkedIn,
      config,
      async close() {
        await opened.app.close();
        await opened.database.close();
        await stopStandIns();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    await stopStandIns();
    throw error;
  }
}
