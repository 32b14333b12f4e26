import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './app';
import { createEntraVerifier } from './auth/entraVerifier';
import { ConfigError, type ServiceConfig } from './config';
import { openDatabase } from './db/database';
import { addinFileRoutes, policyTextReaderOf } from './hosting/addinFiles';
import type { HostingConfig } from './hosting/config';
import { logPolicyFileChange, PolicyFileError } from './rules/policyFileReport';
import { watchedPolicyFile } from './rules/policyFileSource';
import { createServiceRules } from './rules/serviceRules';
import { createProfileSource } from './sources';

/**
 * Starts the insights service as a process runs it (`npm run service`, or `npm run serve` with `hosting`: the add-in's
 * files beside the API, HTTPS or a trusted proxy): opens the database, listens, and closes both on SIGINT/SIGTERM.
 */
export async function runService(config: ServiceConfig, hosting?: HostingConfig): Promise<void> {
  // The policy file is followed as it changes (each change logged once); an invalid file stops the start, every
  // problem named, since an admin starting the service is there to fix it.
  const logTo: { log?: FastifyBaseLogger } = {};
  const policyFile = watchedPolicyFile(config.policyFile, (reading) => logTo.log && logPolicyFileChange(logTo.log, policyFile, reading));
  const first = policyFile.read();
  if (first.status === 'invalid') throw new PolicyFileError(policyFile.origin, first);
  const rules = createServiceRules(policyFile, () => config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  const trustProxy = hosting?.trustProxy;
  const app = await buildApp({
    config,
    database,
    rules,
    source: createProfileSource(config),
    verifier: createEntraVerifier(config.entra),
    ...(hosting?.tls ? { tls: hosting.tls } : {}),
    // A number of hops: the nearest that many proxies are trusted (Fastify's types take it as a function).
    ...(trustProxy !== undefined
      ? { trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy }
      : {}),
  });
  logTo.log = app.log;
  if (hosting)
    await app.register((scope) => addinFileRoutes(scope, hosting, policyTextReaderOf(policyFile)), {
      prefix: config.basePath.replace(/\/$/, ''),
    });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(
    hosting
      ? `serving the add-in from ${hosting.addinDir} and its insights service on ${address} (database: ${database.kind})`
      : `insights service listening on ${address} (database: ${database.kind}, source: ${config.profileSource})`,
  );
}

/** Runs a process's start; a bad configuration is printed as its own message (every problem named), then exit 1. */
export function startOrExit(start: () => Promise<void>, what: string): void {
  Promise.resolve()
    .then(start)
    .catch((error: unknown) => {
      if (error instanceof ConfigError || error instanceof PolicyFileError) console.error(error.message);
      else console.error(`${what} did not start:`, error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
