import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migratedTemplate } from '../../server/db/pgliteTemplate';
import { startDevService } from './devService';

/**
 * The development service's command (scripts/start.mjs runs it for `npm start`; the browser tests run it directly):
 *   tsx dev/service/main.ts [--port 3000] [--addin-dir dist-workbench] [--data-dir .data/workbench]
 * PORT and WORKBENCH_DATA_DIR set the same from the environment. Without a data folder the database is in memory.
 * Prints "workbench ready on <url>" once it answers.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '3000' },
      'addin-dir': { type: 'string', default: 'dist-workbench' },
      'data-dir': { type: 'string', default: process.env.WORKBENCH_DATA_DIR },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number (got "${values.port}")`);
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : undefined;
  // In memory, the database starts from a migrated copy kept beside the dependencies (made on the first start).
  const pgliteTemplate = dataDir ? undefined : await migratedTemplate(resolve(__dirname, '../../node_modules/.cache/insights-service'));
  const service = await startDevService({
    port,
    addinDir: resolve(values['addin-dir']),
    dataDir,
    ...(pgliteTemplate ? { pgliteTemplate } : {}),
  });
  console.log(`workbench ready on ${service.url} (database: ${dataDir ?? 'in memory'})`);
  const stop = () => {
    void service.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('The development service did not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
