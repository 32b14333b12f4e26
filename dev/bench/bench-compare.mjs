#!/usr/bin/env node
// Compares the cold start of two or more builds of the benchmark pages (each built with
// `DIST_DIR=<dir> npx webpack --mode production --env bench`): the bare page once, then each build's floor page and
// pane, interleaved run by run so a slow moment of the machine hits them alike. Prints the median and every run.
// Usage: node dev/bench/bench-compare.mjs <dir> <dir> [...]   (RUNS=15, LATENCY=0 by default)
import { createRequire } from 'node:module';
import { createBenchApi } from './bench-api.mjs';
import { coldBare, coldFloor, coldPane, median } from './bench-runs.mjs';
import { launchChromium } from '../../scripts/chromium.mjs';

const require = createRequire(import.meta.url);
const { startServer } = require('../../scripts/serve-dist.cjs');
const dirs = process.argv.slice(2);
if (dirs.length < 2) {
  console.error('usage: node dev/bench/bench-compare.mjs <build dir> <build dir> [...]');
  process.exit(2);
}
const RUNS = Number(process.env.RUNS ?? 15);
const api = createBenchApi();
api.latencyMs = Number(process.env.LATENCY ?? 0);
const servers = await Promise.all(dirs.map((root) => startServer({ root, port: 0, handle: api.handle })));
const bases = servers.map((server) => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('a comparison server has no port');
  return `http://127.0.0.1:${address.port}/`;
});
const browser = await launchChromium();
/** @type {Record<string, number[]>} */
const times = { 'bare page': [] };
for (const dir of dirs) {
  times[`${dir} floor`] = [];
  times[`${dir} pane`] = [];
}
/** @param {string} name @param {number} ms */
const record = (name, ms) => times[name]?.push(ms);
try {
  for (let run = 0; run < RUNS; run += 1) {
    record('bare page', (await coldBare(browser, bases[0] ?? '')).paintedMs);
    // Each run starts with a different build, so none is always first.
    for (let k = 0; k < dirs.length; k += 1) {
      const i = (run + k) % dirs.length;
      record(`${dirs[i]} floor`, (await coldFloor(browser, bases[i] ?? '')).paintedMs);
      record(`${dirs[i]} pane`, (await coldPane(browser, bases[i] ?? '')).paintedMs);
    }
  }
} finally {
  await browser.close();
  servers.forEach((server) => server.close());
}
console.log(`cold: sender's card painted, latency ${api.latencyMs} ms, ${RUNS} runs each`);
for (const [name, values] of Object.entries(times)) {
  console.log(
    `${name.padEnd(36)} median ${Math.round(median(values))} ms   ${values
      .map(Math.round)
      .sort((a, b) => a - b)
      .join(' ')}`,
  );
}
