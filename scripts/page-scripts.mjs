// What a built page loads first: its local <script src> files, and their size as served compressed.
// Shared by check-bundle.mjs (what must not be there) and bench.mjs (how heavy it is).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The local scripts a page loads, relative to dist. Attributes may be quoted or not (production HTML is minified). */
/** @param {string} dist @param {string} page @returns {string[]} */
export function scriptsOf(dist, page) {
  const html = readFileSync(join(dist, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? '')
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, ''));
}

/** A built file's bytes, and its size gzipped at level 9. */
/** @param {string} dist @param {string} file */
export function sizeOf(dist, file) {
  const code = readFileSync(join(dist, file.replace(/^\.?\//, '')));
  return { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
