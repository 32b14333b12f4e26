#!/usr/bin/env node
// `npm start`: the workbench on the real insights service in development mode, at http://localhost:3000 (PORT to
// change it). webpack builds the workbench into dist-workbench/ and keeps rebuilding it as sources change (reload the
// page to see a change); once the first build is done, the development service (server/dev/main.ts) starts and serves
// it with the API, the local Entra issuer, the simulated LinkedIn and the fixture people. Arguments after `--` go to
// the service, e.g. `npm start -- --data-dir .data/workbench` to keep connections across restarts. DIST_DIR builds
// and serves another folder than dist-workbench/ (the test that runs npm start uses its own).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const children = [];
const stopAll = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

const webpack = spawn(
  process.execPath,
  [require.resolve('webpack-cli/bin/cli.js'), '--watch', '--mode', 'development', '--env', 'workbench'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
children.push(webpack);
let service;
webpack.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  if (/compiled with \d+ errors?/.test(text)) process.stdout.write(text);
  else if (/compiled successfully/.test(text)) console.log(service ? 'workbench rebuilt: reload the page' : 'workbench built');
  if (!service && /compiled (successfully|with \d+ warnings?)/.test(text)) {
    const addinDir = process.env.DIST_DIR ?? 'dist-workbench';
    const args = [require.resolve('tsx/cli'), 'server/dev/main.ts', '--addin-dir', addinDir, ...process.argv.slice(2)];
    service = spawn(process.execPath, args, { stdio: 'inherit' });
    children.push(service);
    service.on('exit', (code) => stopAll(code ?? 1));
  }
});
webpack.on('exit', (code) => {
  if (!service) stopAll(code ?? 1);
});
