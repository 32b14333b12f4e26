// A jest transform for PGlite's CommonJS build only: it loads Node's built-ins with `await import("fs")`, which jest's
// CommonJS runtime cannot run (no --experimental-vm-modules). Each such import becomes the same module through
// require(), taken before any function body can shadow `require` (PGlite's own code declares a local `require`).
const BUILTIN_IMPORT = /\bimport\(\s*"((?:node:)?(?:fs|fs\/promises|module|stream|stream\/promises|util|zlib|path|url|crypto))"\s*\)/g;

module.exports = {
  /** @param {string} source */
  process(source) {
    return { code: `const __nodeBuiltin = require;\n${source.replace(BUILTIN_IMPORT, 'Promise.resolve(__nodeBuiltin("$1"))')}` };
  },
  /** @param {string} source @param {string} path */
  getCacheKey(source, path) {
    return `node-builtin-imports-v1:${path}:${source.length}`;
  },
};
