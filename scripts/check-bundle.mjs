#!/usr/bin/env node
// Proves the deploy build (`npm run build` → dist/) holds only what ships: every page, asset, manifest and policy file
// an admin publishes is there, and nothing of dev/ is — by path: no script, the service's included, was built from a
// file under dev/ (each script's source map lists the files it was built from, and every script must have one); and by
// marker: no workbench page, no msw or its service worker, no simulated LinkedIn consent page (its path is the real
// sign-in's), no fixture people or sample viewer in any script or page the browser may load.
// Usage: node scripts/check-bundle.mjs [dist]. Exit 1 on any finding.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scriptsOf, sizeOf } from './page-scripts.mjs';

/** What the deploy build must hold: the pages Outlook and the manifests name, and the files an admin needs. */
export const SHIPPED = JSON.parse(readFileSync(new URL('./deploy-files.json', import.meta.url), 'utf8'));

/** Files and folders that exist only for the workbench. */
const DEV_ONLY_PATHS = [
  /^index\.html$/,
  /^workbench-pane\.html$/,
  /^workbench-dialog\.html$/,
  /^mockServiceWorker\.js$/,
  /^api\//,
  /^(workbench|workbenchPane|mockAuthorize)[.-]/,
];

/** Code or text that only the workbench, msw, the fixtures or the simulated LinkedIn page carry. */
const MARKERS = [
  'mockServiceWorker', // msw's worker script
  'msw/browser',
  'setupWorker',
  'Mock Service Worker',
  '__linkedinWorkbench', // the workbench bridge
  'Outlook (simulated)', // the workbench UI
  'aiko.tanaka@fabrikam.com', // a fixture person
  'megan.bowen@contoso.com', // the sample viewer
  'Simulate a LinkedIn error', // the simulated consent screen
  'LinkedIn (simulated)',
];

/** What only the service's development mode (dev/service/) and its stand-ins carry. */
const SERVER_DEV_MARKERS = [
  '/__workbench', // the workbench's routes
  'Workbench fault', // the fault layer
  'linkedin-card workbench development data', // the development key
  'Simulated LinkedIn', // the simulated LinkedIn provider's pages
  'standin-', // the local Entra issuer's key ids
];

/**
 * The repository path a source map names (webpack: `webpack://<package>/./dev/…`; esbuild: `../../dev/…`, relative to
 * dist/server/), so that its top folder can be read.
 */
/** @param {string} source @returns {string} */
export function repositoryPath(source) {
  return source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^(\.\.?\/)+/, '');
}

/** Findings for the scripts of the build: each has a source map, and none was built from a file under dev/. */
/** @param {string} dist @param {string[]} files @returns {string[]} */
function devSources(dist, files) {
  /** @type {string[]} */
  const found = [];
  for (const script of files.filter((f) => /\.c?js$/.test(f) && !f.startsWith('server/node_modules/'))) {
    if (!files.includes(`${script}.map`)) {
      found.push(`${script} has no source map: the check cannot tell what it was built from`);
      continue;
    }
    const { sources = [] } = /** @type {{ sources?: string[] }} */ (JSON.parse(readFileSync(join(dist, `${script}.map`), 'utf8')));
    for (const source of sources.map(repositoryPath))
      if (source.startsWith('dev/')) found.push(`${script} was built from ${source}: nothing under dev/ may ship`);
  }
  return found;
}

/** @param {string} root @param {string} dir @returns {string[]} */
function filesUnder(root, dir = root) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path).split('\\').join('/')];
  });
}

/** Every finding for the build in `dist` (empty: it holds only what ships). */
/** @param {string} dist @returns {string[]} */
export function findings(dist) {
  /** @type {string[]} */
  const found = [];
  const files = filesUnder(dist);
  for (const file of SHIPPED) if (!existsSync(join(dist, file))) found.push(`${file} is missing: the deploy build must ship it`);
  for (const file of files) {
    if (DEV_ONLY_PATHS.some((pattern) => pattern.test(file))) found.push(`${file} is a workbench file: it must not ship`);
  }
  found.push(...devSources(dist, files));
  // The browser's files (not the service's bundle, which serves the fixtures source by design and is never sent).
  for (const file of files.filter((f) => /\.(js|html|json)$/.test(f) && !f.startsWith('server/'))) {
    const text = readFileSync(join(dist, file), 'utf8');
    for (const marker of MARKERS) if (text.includes(marker)) found.push(`${file} contains "${marker}": dev-only code or data would ship`);
  }
  // The service's bundle: never its development mode (the workbench's routes, the fault layer, the stand-ins).
  for (const file of files.filter((f) => f.startsWith('server/') && f.endsWith('.cjs'))) {
    const text = readFileSync(join(dist, file), 'utf8');
    for (const marker of SERVER_DEV_MARKERS)
      if (text.includes(marker)) found.push(`${file} contains "${marker}": the service's development mode would ship`);
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  if (!existsSync(join(dist, 'taskpane.html'))) {
    console.error(`check-bundle: ${dist}/taskpane.html does not exist: run npm run build first`);
    process.exit(2);
  }
  const problems = findings(dist);
  for (const problem of problems) console.error(`check-bundle: ${problem}`);
  const first = scriptsOf(dist, 'taskpane.html').map((src) => sizeOf(dist, src));
  const kib = (/** @type {number} */ n) => (n / 1024).toFixed(1);
  console.log(
    `check-bundle: ${dist}/ — taskpane.html loads ${first.length} script(s) first, ${kib(first.reduce((a, s) => a + s.bytes, 0))} KiB ` +
      `(${kib(first.reduce((a, s) => a + s.gzip, 0))} KiB gzip): ${problems.length ? `${problems.length} problem(s)` : 'only what ships, nothing built from dev/, no workbench, msw, fixtures or simulated LinkedIn'}`,
  );
  process.exit(problems.length ? 1 : 0);
}
