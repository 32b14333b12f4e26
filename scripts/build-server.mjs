#!/usr/bin/env node
// npm run build:server — the insights service as a folder that runs with Node alone: every dependency bundled into
// dist/server/*.cjs, except the embedded database (PGlite), whose WebAssembly and data files it loads from beside its
// own module: its runtime files are copied to dist/server/node_modules/@electric-sql/pglite/. No npm install on the
// server, no package.json: `node server/serve.cjs` in a copy of dist/ starts it (test/server/deployable.test.ts).
//   node scripts/build-server.mjs [--outdir dist/server]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * The service's entry points → dist/server/<name>.cjs: the API, the add-in with the API, the day-2 commands, and the
 * embedded database's own programs (its thread, its initdb process), which the service starts from beside its bundle.
 */
export const SERVER_ENTRIES = JSON.parse(readFileSync(join(root, 'scripts/server-entries.json'), 'utf8'));
/** Node versions the bundle is written for (package.json's engines: the current LTS lines). */
export const NODE_TARGET = 'node22';
/** What PGlite needs at run time (no extensions, no types, no maps). */
const PGLITE_FILES = ['package.json', 'LICENSE', 'dist/index.cjs', 'dist/pglite.wasm', 'dist/pglite.data', 'dist/initdb.wasm'];

export async function buildServer(outdir = join(root, 'dist', 'server')) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(SERVER_ENTRIES).map(([name, file]) => [name, join(root, file)])),
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'cjs',
    outdir,
    outExtension: { '.js': '.cjs' },
    // Maps for stack traces (node --enable-source-maps), without the sources themselves: those are in the repository.
    sourcemap: true,
    sourcesContent: false,
    // Smaller, with names kept (Fastify names plugins by their function); stack traces map back through the .map files.
    minify: true,
    keepNames: true,
    // PGlite is copied beside the bundle (below); pg's native binding is optional and never installed; tsx runs the
    // database's programs only from the sources (server/db/pgliteThread.ts): the bundle starts its own .cjs files.
    external: ['@electric-sql/pglite', 'pg-native', 'tsx'],
    logLevel: 'warning',
  });
  const pglite = dirname(dirname(require.resolve('@electric-sql/pglite')));
  const target = join(outdir, 'node_modules', '@electric-sql', 'pglite');
  rmSync(target, { recursive: true, force: true });
  for (const file of PGLITE_FILES) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(pglite, file), join(target, file));
  }
  // Only the CommonJS entry is shipped: the package's exports map must not point Node at the missing ESM build.
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  const shipped = { name: manifest.name, version: manifest.version, license: manifest.license, main: './dist/index.cjs' };
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(shipped, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outdir');
  await buildServer(at > 0 ? resolve(process.argv[at + 1]) : undefined);
}
