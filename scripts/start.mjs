#!/usr/bin/env node
// `npm start`: the workbench on the real insights service in development mode, at http://localhost:3000 (PORT to
// change it). webpack builds the workbench into dist-workbench/ and keeps rebuilding it as sources change (reload the
// page to see a change); the development service (dev/service/main.ts) starts beside the first build, and the address
// is printed once both are done (the service reads the pages from disk at each request). Arguments after `--` go to
// the service, e.g. `npm start -- --data-dir .data/workbench` to keep connections across restarts. DIST_DIR builds
// and serves another folder than dist-workbench/ (the test that runs npm start uses its own).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

const require = createRequire(import.meta.url);
/** Where the development service listens (dev/service/devApp.ts's HOST). */
const HOST = '127.0.0.1';
const port = process.env.PORT ?? '3000';

/** Whether the port is free now: asked before anything is built, so a taken port is said at once. */
/** @param {number} number @returns {Promise<boolean>} */
function portIsFree(number) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(number, HOST, () => probe.close(() => resolve(true)));
  });
}

if (/^\d+$/.test(port) && Number(port) > 0 && !(await portIsFree(Number(port)))) {
  console.error(`Port ${port} is taken (another npm start?). Stop what uses it, or set PORT to start on another: PORT=3001 npm start`);
  process.exit(1);
}

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
const stopAll = (/** @type {number} */ code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

const addinDir = process.env.DIST_DIR ?? 'dist-workbench';
let built = false;
/** @type {string | undefined} */
let readyLine;
const announce = () => {
  if (built && readyLine) console.log(readyLine);
};

const webpack = spawn(
  process.execPath,
  [require.resolve('webpack-cli/bin/cli.js'), '--watch', '--mode', 'development', '--env', 'workbench'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
children.push(webpack);
webpack.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  if (/compiled with \d+ errors?/.test(text)) process.stdout.write(text);
  else if (/compiled successfully/.test(text)) console.log(built ? 'workbench rebuilt: reload the page' : 'workbench built');
  if (!built && /compiled (successfully|with \d+ warnings?)/.test(text)) {
    built = true;
    announce();
  }
});
webpack.on('exit', (code) => stopAll(code ?? 1));

const service = spawn(
  process.execPath,
  [require.resolve('tsx/cli'), 'dev/service/main.ts', '--addin-dir', addinDir, ...process.argv.slice(2)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
children.push(service);
let pending = '';
service.stdout.setEncoding('utf8').on('data', (text) => {
  pending += text;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    // The address is printed when the workbench is there to be opened, not before.
    if (!readyLine && line.startsWith('workbench ready on ')) {
      readyLine = line;
      announce();
    } else console.log(line);
  }
});
service.on('exit', (code) => stopAll(code ?? 1));
