const { join } = require('node:path');
const { buildSync } = require('esbuild');
const chooseSeed = require('./seed.cjs');
const ENTRIES = require('../scripts/server-entries.json');

/** Where the test bundles go (test/server/support/process.ts bundles the service's entries there too). */
const OUT_DIR = join(__dirname, '../node_modules/.cache/insights-service-test');

/**
 * Jest's global set-up, once per run in Node's own realm: the run's fast-check seed (seed.cjs), and the insights
 * service's worker for the pane's tests (test/support/insightsServiceWorker.ts), bundled as the service's own build
 * bundles it — esbuild cannot run inside a jsdom test file — with the embedded database's programs (its thread, its
 * initdb process) beside it, where every test bundle of the service starts them from (server/db/pgliteThread.ts).
 */
module.exports = async function globalSetup() {
  await chooseSeed();
  buildSync({
    entryPoints: {
      insightsServiceWorker: join(__dirname, 'support/insightsServiceWorker.ts'),
      pgliteWorker: join(__dirname, '..', ENTRIES.pgliteWorker),
      pgliteInitdb: join(__dirname, '..', ENTRIES.pgliteInitdb),
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outdir: OUT_DIR,
    outExtension: { '.js': '.cjs' },
    logLevel: 'warning',
  });
};
