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
/** @type {Set<import('node:child_process').ChildProcess>} */
const stopped = new Set();
/** Asks each child to stop, once: they write what they keep (webpack's cache, the database) before they leave. */
const stopAll = (/** @type {number} */ code) => {
  for (const child of children)
    if (child.exitCode === null && !stopped.has(child)) {
      stopped.add(child);
      child.kill('SIGTERM');
    }
  process.exitCode = code;
};
// One Ctrl+C reaches this process twice (from the terminal, and forwarded by npm): a second signal must not end it
// before its children have stopped (webpack would see its stdin close and leave without its cache). A third means
// "now": everything still running is killed.
let signals = 0;
const onSignal = () => {
  signals += 1;
  if (signals < 3) return stopAll(0);
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  process.exit(1);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const addinDir = process.env.DIST_DIR ?? 'dist-workbench';
let built = false;
/** @type {string | undefined} */
let readyLine;
const announce = () => {
  if (built && readyLine) console.log(readyLine);
};

// webpack runs in a process group of its own, so it gets one signal to stop, from stopAll, never a second from the
// terminal's Ctrl+C (or a kill of npm start's group) besides: webpack-cli takes a second signal as "force exit" and
// leaves without writing its cache, which it first writes a few seconds after a build — a start quit soon after the
// address was printed made the next start a cold one. Its stdin is ours: if this process dies without stopping it
// (SIGKILL), the pipe closes and webpack leaves too (--watch-options-stdin), never left watching on its own.
const webpack = spawn(
  process.execPath,
  [require.resolve('webpack-cli/bin/cli.js'), '--watch', '--watch-options-stdin', '--mode', 'development', '--env', 'workbench'],
  { stdio: ['pipe', 'pipe', 'inherit'], detached: true },
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
