import type { Server } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { createEntraVerifier } from './auth/entraVerifier';
import { ConfigError, type ServiceConfig } from './config';
import { assertKeysInUseConfigured } from './crypto/sealedTokens';
import { openDatabase, type DatabaseHandle } from './db/database';
import { addinFileRoutes, policyTextReaderOf } from './hosting/addinFiles';
import type { BuildInfo } from './hosting/buildInfo';
import type { HostingConfig } from './hosting/config';
import { metrics } from './metrics';
import { startMetricsServer } from './metricsServer';
import { logPolicyFileChange, PolicyFileError } from './rules/policyFileReport';
import { watchedPolicyFile, type PolicyFileSource } from './rules/policyFileSource';
import { createServiceRules } from './rules/serviceRules';
import { databaseError, listenError, StartError } from './startErrors';
import { startLine } from './startLine';

/**
 * Starts the insights service as a process runs it (`npm run service`, or `npm run serve` with `hosting`: the add-in's
 * files beside the API, HTTPS or a trusted proxy): opens the database, listens (and serves /metrics on its own port
 * when asked), says how it runs in one line, and on SIGINT/SIGTERM stops taking requests, closes everything and says so.
 * Every failure to start names the setting to change (startErrors.ts).
 */
export async function runService(config: ServiceConfig, hosting?: HostingConfig, build: BuildInfo = {}): Promise<void> {
  // The policy file is followed as it changes (each change logged once); an invalid file stops the start, every
  // problem named, since an admin starting the service is there to fix it.
  const logTo: { log?: FastifyBaseLogger } = {};
  const policyFile = watchedPolicyFile(config.policyFile, (reading) => logTo.log && logPolicyFileChange(logTo.log, policyFile, reading));
  const first = policyFile.read();
  if (first.status === 'invalid') throw new PolicyFileError(policyFile.origin, first);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir }).catch((error: unknown) => {
    throw databaseError(error, config);
  });
  let app: FastifyInstance | undefined;
  let metricsServer: Server | undefined;
  try {
    // Fail closed: tokens sealed with a key that is no longer configured cannot be read; said at once, naming the key.
    await assertKeysInUseConfigured(database.db, config.encryptionKeys);
    app = await serviceApp(config, database, policyFile, hosting);
    logTo.log = app.log;
    const address = await app.listen({ host: config.host, port: config.port }).catch((error: unknown) => {
      throw listenError(error, config.host, config.port);
    });
    metricsServer = config.metrics ? await metricsOn(config.metrics) : undefined;
    const metricsAddress = metricsServer ? addressOf(metricsServer) : undefined;
    app.log.info(
      startLine({ address, config, build, ...(hosting ? { hosting } : {}), ...(metricsAddress ? { metrics: metricsAddress } : {}) }),
    );
  } catch (error) {
    await held(async () => {
      await app?.close();
      metricsServer?.close();
      await database.close();
    });
    throw error;
  }
  const running = app;
  const stop = async (signal: string) => {
    running.log.info(`stopping on ${signal}: no new requests, finishing those in flight, then closing the database`);
    await held(async () => {
      metricsServer?.close();
      await running.close();
      await database.close();
    });
    running.log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * Runs `work` with the process held open: closing the embedded database ends with its thread's exit, and an exiting
 * thread holds nothing, so without this the process could end (code 0, before saying why) while a close is awaited.
 */
async function held(work: () => Promise<void>): Promise<void> {
  const hold = setInterval(() => undefined, 60_000);
  try {
    await work();
  } finally {
    clearInterval(hold);
  }
}

async function serviceApp(
  config: ServiceConfig,
  database: DatabaseHandle,
  policyFile: PolicyFileSource,
  hosting: HostingConfig | undefined,
): Promise<FastifyInstance> {
  const trustProxy = hosting?.trustProxy;
  const app = await buildApp({
    config,
    database,
    rules: createServiceRules(policyFile, () => config),
    verifier: createEntraVerifier(config.entra),
    metrics,
    ...(hosting?.tls ? { tls: hosting.tls } : {}),
    // A number of hops: the nearest that many proxies are trusted (Fastify's types take it as a function).
    ...(trustProxy !== undefined
      ? { trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy }
      : {}),
  });
  if (hosting)
    await app.register((scope) => addinFileRoutes(scope, hosting, policyTextReaderOf(policyFile)), {
      prefix: config.basePath.replace(/\/$/, ''),
    });
  return app;
}

async function metricsOn({ host, port }: NonNullable<ServiceConfig['metrics']>): Promise<Server> {
  return startMetricsServer(metrics, host, port).catch((error: unknown) => {
    throw listenError(error, host, port, { host: 'METRICS_HOST', port: 'METRICS_PORT' });
  });
}

function addressOf(server: Server): string {
  const address = server.address();
  return typeof address === 'object' && address ? `http://${address.address}:${address.port}` : String(address);
}

/** Runs a process's start; a bad configuration is printed as its own message (every problem named), then exit 1. */
export function startOrExit(start: () => Promise<void>, what: string): void {
  Promise.resolve()
    .then(start)
    .catch((error: unknown) => {
      if (error instanceof ConfigError || error instanceof PolicyFileError || error instanceof StartError) console.error(error.message);
      else console.error(`${what} did not start:`, error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
