#!/usr/bin/env node
// How long `npm start` takes to show the workbench, for README's figure (issue 29): runs `npm start` in this folder,
// waits for the address it prints, asks that address for the workbench page and the task pane page it hosts, and for
// every script either page loads (each must answer 200), then stops npm start and exits. It prints the seconds from
// the command to the last script answered, and the time each step was seen. Meant to be timed over repeated runs:
//   hyperfine --runs 3 --prepare 'rm -rf node_modules/.cache/webpack node_modules/.cache/insights-service' \
//     'node scripts/start-timing.mjs'                                            # cold: no cache of a former start
//   node scripts/start-timing.mjs --hold 15 && hyperfine --runs 3 'node scripts/start-timing.mjs'   # warm
// --hold SECONDS keeps npm start running that long once measured, as a user does: webpack writes its cache for the
// next start a few seconds after a build, not at once. PORT as for npm start (default 3000). Each step's time is
// printed to stderr, the total to stdout.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { hold: { type: 'string', default: '0' } } });
const hold = Number(values.hold);
if (!(hold >= 0)) throw new Error(`--hold takes seconds (got "${values.hold}")`);

const port = process.env.PORT ?? '3000';
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
/** @param {string} what */
const step = (what) => console.error(`${seconds().padStart(6)} s  ${what}`);

const npm = spawn('npm', ['start'], { env: { ...process.env, PORT: port }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
/** @param {Buffer} chunk */
const collect = (chunk) => {
  const text = chunk.toString();
  output += text;
  for (const line of text.split('\n')) if (/workbench (built|rebuilt)|workbench ready on/.test(line)) step(line.trim());
};
npm.stdout.on('data', collect);
npm.stderr.on('data', collect);
const stop = () => {
  if (npm.pid && npm.exitCode === null) process.kill(-npm.pid, 'SIGTERM');
};

/** The address npm start prints once both the build and the service are done. */
const address = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`npm start printed no address in 180 s:\n${output}`)), 180_000);
  npm.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  const watch = setInterval(() => {
    const match = /workbench ready on (http:\/\/\S+\/)/.exec(output);
    if (!match) return;
    clearInterval(watch);
    clearTimeout(timer);
    resolve(match[1]);
  }, 20);
}).catch((error) => {
  stop();
  throw error;
});

/** A page and every script it loads, each answered 200. @param {string} url @returns {Promise<string>} */
async function fetchPageAndScripts(url) {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const html = await response.text();
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => new URL(match[1], url).href);
  if (scripts.length === 0) throw new Error(`${url} loads no script`);
  for (const script of scripts) {
    const answer = await fetch(script);
    if (answer.status !== 200) throw new Error(`${script} answered ${answer.status}`);
    await answer.arrayBuffer();
  }
  return html;
}

try {
  const workbench = await fetchPageAndScripts(/** @type {string} */ (address));
  if (!/<title>Workbench\b/.test(workbench)) throw new Error('the address did not answer with the workbench page');
  await fetchPageAndScripts(new URL('workbench-pane.html', /** @type {string} */ (address)).href);
  step('the workbench page, its task pane page and their scripts answered');
  console.log(seconds());
  if (hold > 0) await sleep(hold * 1000);
} finally {
  const exited = new Promise((resolve) => npm.once('exit', resolve));
  stop();
  await exited;
}
