const { join } = require('node:path');
const { buildSync } = require('esbuild');
const chooseSeed = require('./seed.cjs');

/**
 * Jest's global set-up, once per run in Node's own realm: the run's fast-check seed (seed.cjs), and the insights
 * service's worker for the pane's tests (test/support/insightsServiceWorker.ts), bundled as the service's own build
 * bundles it — esbuild cannot run inside a jsdom test file.
 */
module.exports = async function globalSetup() {
  await chooseSeed();
  buildSync({
    entryPoints: [join(__dirname, 'support/insightsServiceWorker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: join(__dirname, '../node_modules/.cache/insights-service-test/insightsServiceWorker.cjs'),
    logLevel: 'warning',
  });
};
