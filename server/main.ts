import { buildApp } from './app';
import { createEntraVerifier } from './auth/entraVerifier';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { loadServerPolicy, PolicyFileError } from './rules/serverPolicy';
import { createProfileSource } from './sources';

/** `npm run service`: the insights service's API on HOST:PORT (default 127.0.0.1:3001). */
async function main(): Promise<void> {
  const config = loadConfig();
  const policy = loadServerPolicy(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  const app = await buildApp({
    config,
    database,
    policy,
    source: createProfileSource(config),
    verifier: createEntraVerifier(config.entra),
  });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(`insights service listening on ${address} (database: ${database.kind}, source: ${config.profileSource})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PolicyFileError) console.error(error.message);
  else console.error('The insights service did not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
