// webpack loader for the development builds only (`npm start`, start:outlook): TypeScript to JavaScript by esbuild's
// transform (esbuild is already what builds the service), one file at a time, with a source map back to the .ts file.
// It does what ts-loader's transpileOnly does for the deploy build (types dropped, JSX for React's automatic runtime,
// the same tsconfig.json), in less time: on this 2-core machine a cold development build of the workbench took
// ~8.9 s of CPU with ts-loader and ~5.8 s with this (ts-loader loads the TypeScript compiler and transpiles in
// JavaScript). Neither checks types: `npm run typecheck` does. The deploy and bench builds keep ts-loader, so what ships
// is built as before.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { transform } = require('esbuild');

/** tsconfig.json's compiler options (target, jsx, …): esbuild reads the ones that change its output. */
const { compilerOptions } = JSON.parse(readFileSync(path.join(__dirname, '..', 'tsconfig.json'), 'utf8'));

/**
 * @this {import('webpack').LoaderContext<object>}
 * @param {string} source
 */
module.exports = function transpile(source) {
  const done = this.async();
  transform(source, {
    loader: this.resourcePath.endsWith('.tsx') ? 'tsx' : 'ts',
    format: 'esm',
    target: String(compilerOptions.target).toLowerCase(),
    sourcefile: this.resourcePath,
    sourcemap: 'external',
    tsconfigRaw: { compilerOptions },
  }).then(
    (result) => done(null, result.code, JSON.parse(result.map)),
    (/** @type {Error} */ error) => done(error),
  );
};
