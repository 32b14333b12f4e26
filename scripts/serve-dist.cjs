#!/usr/bin/env node
// Serves the built add-in (dist/) on 127.0.0.1, for CI and the browser tests: node scripts/serve-dist.cjs [--port 3000]
'use strict';
const { createReadStream, statSync } = require('node:fs');
const { createServer } = require('node:http');
const { extname, join, normalize, resolve, sep } = require('node:path');

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a static server for root; resolves with the listening http.Server (port 0 picks a free port).
 * `handle(request, response)`, when given, may answer a request first (returns true when it did): the benchmark
 * answers the policy file and the insights service this way.
 */
/**
 * @param {{ root?: string, port?: number, host?: string,
 *   handle?: (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => boolean }} options
 * @returns {Promise<import('node:http').Server>}
 */
function startServer({ root = 'dist-workbench', port = 3000, host = '127.0.0.1', handle } = {}) {
  const base = resolve(root);
  const server = createServer((request, response) => {
    if (handle?.(request, response)) return;
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end('bad request');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    let stats;
    try {
      stats = statSync(file);
    } catch {
      stats = undefined;
    }
    if (!stats?.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': stats.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

module.exports = { startServer };

if (require.main === module) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : (process.env.PORT ?? 3000));
  const root = process.argv.find((arg, i) => i > 1 && !arg.startsWith('--') && process.argv[i - 1] !== '--port') ?? 'dist-workbench';
  void startServer({ root, port }).then((server) => {
    const address = server.address();
    console.log(`serving ${root} on http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`);
  });
}
