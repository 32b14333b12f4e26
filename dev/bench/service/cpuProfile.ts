/**
 * A CPU profile of this process's main thread over one stretch of a benchmark (node:inspector, in process, so only
 * the stretch asked for is sampled — not start-up, warm-up or the bare route's run), written as a .cpuprofile that
 * Chrome's DevTools open, and summed into the entries that took the most time by themselves.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileEntry {
  name: string;
  share: number;
}

/** A profile summed by function and by where the code lives. */
export type CpuProfileSummary = { functions: ProfileEntry[]; places: ProfileEntry[] };

/** Starts sampling (every 100 µs); the function it returns stops, writes the profile to `file` and sums it by function and by
 * where the code lives (package or file). */
export async function startCpuProfile(file: string): Promise<() => Promise<CpuProfileSummary>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    return { functions: selfTimes(profile), places: selfTimes(profile, 'place') };
  };
}

/** Where a frame's code lives: its package, the project's file, Node's internals, or V8's own entries. */
export function placeOf(url: string, functionName: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  if (url.startsWith('node:')) return 'node (internals)';
  const own = /\/((?:server|src|fixtures)\/.*)$/.exec(url);
  if (own?.[1]) return own[1];
  return url || functionName || '(anonymous)';
}

/** Each function's own time (not its callees'), by name and place, as a share of the stretch, largest first. */
export function selfTimes(profile: Profile, group: 'function' | 'place' = 'function'): ProfileEntry[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const totals = new Map<string, number>();
  let all = 0;
  samples.forEach((id, index) => {
    const node = byId.get(id);
    const time = deltas[index + 1] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = url ? ` ${url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(server|src)\//, '$1/')}:${lineNumber + 1}` : '';
    const name = group === 'place' ? placeOf(url, functionName) : `${functionName || '(anonymous)'}${place}`;
    totals.set(name, (totals.get(name) ?? 0) + time);
    all += time;
  });
  return [...totals].map(([name, time]) => ({ name, share: all > 0 ? time / all : 0 })).sort((a, b) => b.share - a.share);
}

/** The profile's top entries: by function (self time) and by where the code lives. */
export function printCpuProfile({ functions, places }: CpuProfileSummary, file: string): void {
  const rows = (entries: ProfileEntry[], count: number) =>
    entries.slice(0, count).map((entry) => `| ${(entry.share * 100).toFixed(1)} % | ${entry.name} |`);
  console.log(`\nCPU profile of the main thread over the service's run (${file}), self time:\n`);
  console.log(['| share | function |', '| ---: | --- |', ...rows(functions, 25)].join('\n'));
  console.log(['\n| share | where |', '| ---: | --- |', ...rows(places, 20)].join('\n'));
}
