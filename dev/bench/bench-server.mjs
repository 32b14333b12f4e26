// The benchmark's server (npm run bench and its timeline, bench-timeline.mjs): the built pages, the policy file and
// the stand-in service (bench-api.mjs), and row (b2)'s page with the policy file inlined by the service's own code.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';
import { POLICY } from './bench-api.mjs';

const require = createRequire(import.meta.url);
const { startServer } = require('../../scripts/serve-dist.cjs');

/** Where the benchmark's build goes (npm run bench builds it; --no-build reuses it); BENCH_DIR names another build. */
export const OUT_DIR = process.env.BENCH_DIR || 'build/bench';
// Row (b2): the benchmark's pane page with the policy file put into it by the service's own code, as `npm run serve`
// puts it into taskpane.html (server/hosting/inlinePolicyFile.ts).
export const INLINED_PAGE = 'benchPaneInlined.html';

/**
 * The benchmark's server: the built pages, the policy file and the stand-in service (bench-api.mjs), and row (b2)'s
 * page with the policy file inlined by the service's own code.
 * @param {import('./bench-api.mjs').BenchApi} api
 */
export async function startBenchServer(api) {
  const { inlinePolicy } = /** @type {typeof import('../../server/hosting/inlinePolicyFile')} */ (
    await tsImport('../../server/hosting/inlinePolicyFile.ts', import.meta.url)
  );
  const inlinedPage = inlinePolicy(readFileSync(`${OUT_DIR}/benchPane.html`, 'utf8'), { status: 'found', text: JSON.stringify(POLICY) });
  /** @type {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => boolean} */
  const handle = (request, response) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== `/${INLINED_PAGE}`) return api.handle(request, response);
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(inlinedPage);
    return true;
  };
  const server = await startServer({ root: OUT_DIR, port: 0, handle });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the benchmark server has no port');
  return { server, base: `http://127.0.0.1:${address.port}/` };
}
