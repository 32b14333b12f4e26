/**
 * bench:service's load generator (autocannon) in a process of its own, so the service and the bare route each have
 * the benchmark's main thread to themselves and the ratio compares them, not them plus autocannon's own HTTP client
 * work (README › bench:service has both measured). Started with fork() by benchService.ts; asked over IPC for one
 * load at a time, it answers with what the benchmark reads of autocannon's result.
 */
import { fork } from 'node:child_process';
import autocannon from 'autocannon';

/** What one load asks for: a POST of `body` with `headers` at `connections` for `duration` s. */
export interface LoadRequest {
  id: number;
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
}

/** What the benchmark reads of autocannon's result. */
export interface LoadResult {
  id: number;
  /** Requests per second (autocannon's average over the seconds of the run). */
  requests: number;
  /** Requests answered over the whole run (any status): what CPU per request divides by. */
  completed: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Runs one load here (the process it is called in). */
export async function runLoad({ id, url, headers, body, connections, duration }: LoadRequest): Promise<LoadResult> {
  const result = await autocannon({ url, method: 'POST', headers, body, connections, duration });
  return {
    id,
    requests: result.requests.average,
    completed: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Where the load comes from: a process of its own (the default), or the benchmark's own main thread. */
export type LoadGeneratorPlace = 'process' | 'inline';

export interface LoadGenerator {
  run: (request: Omit<LoadRequest, 'id'>) => Promise<LoadResult>;
  close: () => void;
}

/** Starts the load generator: this file forked (with the benchmark's Node options: tsx), or loads run in place. */
export function startLoadGenerator(place: LoadGeneratorPlace): LoadGenerator {
  let nextId = 1;
  if (place === 'inline') return { run: (request) => runLoad({ ...request, id: nextId++ }), close: () => undefined };
  const child = fork(__filename, [], { execArgv: process.execArgv, stdio: 'inherit' });
  const waiting = new Map<number, { resolve: (result: LoadResult) => void; reject: (error: Error) => void }>();
  child.on('message', (result: LoadResult) => {
    waiting.get(result.id)?.resolve(result);
    waiting.delete(result.id);
  });
  child.on('exit', (code) => {
    for (const waiter of waiting.values()) waiter.reject(new Error(`the load generator exited (${code})`));
    waiting.clear();
  });
  return {
    run: (request) =>
      new Promise<LoadResult>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        child.send({ ...request, id } satisfies LoadRequest);
      }),
    close: () => void child.disconnect(),
  };
}

// Forked by the benchmark: one load per message, in order; the process ends when the benchmark disconnects.
if (process.send && require.main === module) {
  process.on('message', (request: LoadRequest) => {
    void runLoad(request).then((result) => process.send?.(result));
  });
}
