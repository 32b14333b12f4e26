#!/usr/bin/env node
// How long `npm start` takes to show the workbench, for README's figure (issue 29): run from the repository's root, it
// runs `npm start` there, waits for the address it prints, asks that address for the workbench page and the task pane
// page it hosts, and for every script either page loads (each must answer 200), then stops npm start and exits. It
// prints the seconds from the command to the last script answered, and the time each step was seen. Meant to be timed
// over repeated runs:
//   hyperfine --runs 3 --prepare 'rm -rf node_modules/.cache/webpack node_modules/.cache/insights-service' \
//     'node dev/bench/start-timing.mjs'                                            # cold: no cache of a former start
//   node dev/bench/start-timing.mjs --hold 15 && hyperfine --runs 3 'node dev/bench/start-timing.mjs'   # warm
// --hold SECONDS keeps npm start running that long once measured, as a user does: webpack writes its cache for the
// next start a few seconds after a build, not at once. PORT as for npm start (default 3000). Each step's time is
// printed to stderr; to stdout the total, and on Linux the CPU time npm start's processes used until then (on a shared
// machine the wall time depends on the others' load; the CPU time much less).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * The CPU seconds npm start's processes (npm, webpack, the service, their threads and reaped children) have used so
 * far, from Linux's /proc; null elsewhere. On a shared machine the wall time depends on the others' load, this less.
 * @param {number} group npm start's process group
 * @returns {number | null}
 */
function cpuSecondsOf(group) {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // After the command's name (in parentheses, may hold spaces): state, ppid, pgrp, … utime stime cutime cstime.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group) continue;
      ticks += fields.slice(11, 15).reduce((sum, value) => sum + Number(value), 0);
    }
  } catch {
    return null;
  }
  return ticks / 100; // USER_HZ: 100 on Linux
}

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
  const cpu = npm.pid ? cpuSecondsOf(npm.pid) : null;
  console.log(`${seconds()} s${cpu === null ? '' : `, ${cpu.toFixed(1)} s of CPU`}`);
  if (hold > 0) await sleep(hold * 1000);
} finally {
  const exited = new Promise((resolve) => npm.once('exit', resolve));
  stop();
  await exited;
}
