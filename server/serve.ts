import { existsSync } from 'node:fs';
import { buildApp } from './app';
import { createEntraVerifier } from './auth/entraVerifier';
import { ConfigError, loadConfig, type ServiceConfig } from './config';
import { openDatabase } from './db/database';
import { addinFileRoutes } from './hosting/addinFiles';
import { readHostingConfig, type HostingConfig } from './hosting/config';
import { loadServerPolicy, PolicyFileError } from './rules/serverPolicy';
import { createProfileSource } from './sources';

/**
 * `npm run serve` (after `npm run build`): one process hosts a pilot — the add-in's pages and files from the deploy
 * build, `linkedin-policy.json` from POLICY_FILE, and the insights service's API at /api/v1/ — over HTTPS, or plain
 * HTTP behind a reverse proxy that terminates HTTPS. Settings come from the environment or a `.env` file beside where
 * it starts (the environment wins); every missing or bad one is named at start and it exits non-zero.
 */
function readSettings(): { config: ServiceConfig; hosting: HostingConfig } {
  // Node's own reader: the environment's values win over the file's.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const problems: string[] = [];
  let config: ServiceConfig | undefined;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const read = (name: string): string | undefined => process.env[name]?.trim() || undefined;
  const environment = config?.environment ?? (read('SERVICE_ENV') === 'production' || !read('SERVICE_ENV') ? 'production' : 'development');
  const hosting = readHostingConfig(read, environment, problems);
  if (problems.length > 0 || !config) throw new ConfigError(problems);
  return { config, hosting };
}

async function main(): Promise<void> {
  const { config, hosting } = readSettings();
  const policy = loadServerPolicy(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  const app = await buildApp({
    config,
    database,
    policy,
    source: createProfileSource(config),
    verifier: createEntraVerifier(config.entra),
    ...(hosting.tls ? { tls: hosting.tls } : {}),
    // A number of hops: the nearest that many proxies are trusted (Fastify's types take it as a function).
    trustProxy:
      typeof hosting.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(hosting.trustProxy)
        : hosting.trustProxy,
  });
  await app.register((scope) => addinFileRoutes(scope, hosting, config.policyFile));
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(`serving the add-in from ${hosting.addinDir} and its insights service on ${address} (database: ${database.kind})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PolicyFileError) console.error(error.message);
  else console.error('npm run serve did not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
