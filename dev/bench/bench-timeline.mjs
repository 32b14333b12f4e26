#!/usr/bin/env node
// Rows (b) and (b2) of npm run bench, pair by pair, with the pane's start on its timeline: for each run the floor
// page, then the pane, then the pane with its policy inlined, back to back (so a busy moment of this shared machine
// hits the pair alike), at one latency. Prints each pair's pane − floor and the budget's allowance (0.1 × floor +
// 2 or 1 round trips), then the median timeline of the pane's start: the pane's marks (src/shared/timeline.ts) and
// the network as the page saw it (bench-runs.mjs TIMELINE).
// Uses the benchmark's build (npm run bench builds it into build/bench; BENCH_DIR=<dir> another one, e.g. an older
// commit's, to compare). Options: --runs N (9), --latency MS (0), --each (every run's timeline too).
import os from 'node:os';
import { launchChromium } from '../../scripts/chromium.mjs';
import { createBenchApi } from './bench-api.mjs';
import { coldFloor, coldPane, median, roundTrip } from './bench-runs.mjs';
import { INLINED_PAGE, startBenchServer } from './bench-server.mjs';

const args = process.argv.slice(2);
/** @param {string} name @param {number} fallback */
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && Number.isFinite(Number(args[at + 1])) ? Number(args[at + 1]) : fallback;
};
const RUNS = option('--runs', 9);
const LATENCY = option('--latency', 0);
/** @param {number} value */
const r = (value) => Math.round(value * 10) / 10;

// The start's steps in the order they should happen, as the timeline names them.
const STEPS = [
  'pane:startScript',
  'net:policy:sent',
  'pane:firstScript',
  'net:policy:arrived',
  'pane:decided',
  'pane:earlyLookup',
  'net:paneChunk:arrived',
  'pane:chunkLoaded',
  'net:lookup:sent',
  'pane:lookupRequested',
  'pane:dateFormatsReady',
  'net:lookup:arrived',
  'net:lookup:answered',
  'net:lookup:read',
  'pane:waitEnded',
  'pane:firstRender',
  'card painted',
];

/** @param {string} title @param {Record<string, number>[]} timelines */
function printTimeline(title, timelines) {
  console.log(`\n${title}: median ms from navigation start (runs that have the step)`);
  const names = [...new Set([...STEPS, ...timelines.flatMap((t) => Object.keys(t))])].filter((name) =>
    timelines.some((t) => t[name] !== undefined),
  );
  const rows = names.map((name) => {
    const values = timelines.map((t) => t[name]).filter((v) => v !== undefined);
    return { name, at: median(/** @type {number[]} */ (values)), n: values.length };
  });
  rows.sort((a, b) => a.at - b.at);
  for (const { name, at, n } of rows)
    console.log(`  ${String(r(at)).padStart(7)}  ${name}${n < timelines.length ? ` (${n}/${timelines.length})` : ''}`);
}

async function main() {
  const api = createBenchApi();
  const { server, base } = await startBenchServer(api);
  const browser = await launchChromium();
  const load = () =>
    os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ');
  console.log(`latency ${LATENCY} ms, ${RUNS} runs, load ${load()}`);
  try {
    /** @type {{ floor: number, pane: number, inlined: number, trip: number }[]} */
    const pairs = [];
    /** @type {Record<string, number>[]} */
    const paneTimelines = [];
    /** @type {Record<string, number>[]} */
    const inlinedTimelines = [];
    for (let run = 0; run < RUNS; run += 1) {
      api.latencyMs = LATENCY;
      const floor = (await coldFloor(browser, base)).paintedMs;
      const pane = await coldPane(browser, base);
      const inlined = await coldPane(browser, base, undefined, INLINED_PAGE);
      const trip = await roundTrip(browser, base);
      paneTimelines.push({ ...pane.timeline, 'card painted': pane.paintedMs });
      inlinedTimelines.push({ ...inlined.timeline, 'card painted': inlined.paintedMs });
      pairs.push({ floor, pane: pane.paintedMs, inlined: inlined.paintedMs, trip });
      const b = pane.paintedMs - floor;
      const b2 = inlined.paintedMs - floor;
      console.log(
        `run ${run + 1}: floor ${r(floor)}  pane ${r(pane.paintedMs)} (${b >= 0 ? '+' : ''}${r(b)}, allowed +${r(0.1 * floor + 2 * trip)})` +
          `  inlined ${r(inlined.paintedMs)} (${b2 >= 0 ? '+' : ''}${r(b2)}, allowed +${r(0.1 * floor + trip)})  trip ${r(trip)}`,
      );
    }
    const over = (/** @type {'pane' | 'inlined'} */ row, /** @type {number} */ trips) =>
      pairs.map((p) => p[row] - p.floor - (0.1 * p.floor + trips * p.trip));
    console.log(
      `\nmedian per pair: b − floor ${r(median(pairs.map((p) => p.pane - p.floor)))} ms, over its budget by ${r(median(over('pane', 2)))} ms;` +
        ` b2 − floor ${r(median(pairs.map((p) => p.inlined - p.floor)))} ms, over its budget by ${r(median(over('inlined', 1)))} ms` +
        ` (negative: within); floor ${r(median(pairs.map((p) => p.floor)))} ms, round trip ${r(median(pairs.map((p) => p.trip)))} ms; load ${load()}`,
    );
    if (args.includes('--each')) paneTimelines.forEach((timeline, run) => printTimeline(`run ${run + 1}, pane (b)`, [timeline]));
    printTimeline('pane (b)', paneTimelines);
    printTimeline('pane, policy inlined (b2)', inlinedTimelines);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
