/**
 * A sampling heap profile of this process's main thread over one stretch of a benchmark (node:inspector's
 * HeapProfiler, in process), counting what was allocated — objects the garbage collector has since freed included —
 * not what is still alive at the end: what the collector has to sweep per request. Written as a .heapprofile that
 * Chrome's DevTools open, and summed by the function that allocated (its own bytes, not its callees').
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

export interface AllocationEntry {
  name: string;
  /** Bytes allocated over the stretch (a sampled estimate). */
  bytes: number;
}

/** What a run allocated on the main thread, by function, and the requests it answered. */
export type Allocations = { entries: AllocationEntry[]; completed: number };

/** Every 512 bytes on average (V8's default is 32 kB: too coarse for a request's few kilobytes). */
const SAMPLING_INTERVAL = 512;

/** Starts sampling; the function it returns stops, writes the profile to `file` and sums it by allocating function. */
export async function startHeapProfile(file: string): Promise<() => Promise<AllocationEntry[]>> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: SAMPLING_INTERVAL,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return async () => {
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: HeapNode } };
    session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    return allocations(profile.head);
  };
}

/** Bytes allocated by each function itself, by name and place, largest first. */
export function allocations(head: HeapNode): AllocationEntry[] {
  const totals = new Map<string, number>();
  const visit = (node: HeapNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const place = url ? ` ${url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(server|src)\//, '$1/')}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${place}`;
    if (node.selfSize > 0) totals.set(name, (totals.get(name) ?? 0) + node.selfSize);
    node.children.forEach(visit);
  };
  visit(head);
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The top allocators of `what`, in bytes per request answered. */
export function printAllocations(what: string, { entries, completed }: Allocations, count: number): void {
  const perRequest = (bytes: number) => (bytes / completed).toFixed(0);
  const total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  console.log(`\nAllocated on the main thread over ${what}: ${perRequest(total)} B per request\n`);
  const rows = entries.slice(0, count).map((entry) => `| ${perRequest(entry.bytes)} | ${entry.name} |`);
  console.log(['| B / request | function |', '| ---: | --- |', ...rows].join('\n'));
}
