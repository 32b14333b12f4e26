import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import ENTRIES from '../../../scripts/server-entries.json';

/** Where the test bundles go: inside node_modules/, so their packages resolve as they do from dist/server/. */
const OUT_DIR = join(__dirname, '../../../node_modules/.cache/insights-service-test');

/**
 * Bundles a server entry (the API, the add-in with the API, the admin's commands); returns the bundle's path. The
 * embedded database's programs it starts from beside it are bundled there once per run by jest's global set-up.
 */
export function bundle(entry: 'main' | 'serve' | 'admin'): string {
  const outfile = join(OUT_DIR, `${entry}.cjs`);
  buildSync({
    entryPoints: [join(__dirname, '../../..', ENTRIES[entry])],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves with what the process logged as its address once it listens; rejects if it exits first. */
  listening: (pattern: RegExp) => Promise<string>;
}

/** Starts a bundle as its own process with exactly this environment (and PATH), from `cwd`, with `args`. */
export function startProcess(file: string, env: Record<string, string>, cwd?: string, args: readonly string[] = []): RunningProcess {
  let output = '';
  const child = spawn(process.execPath, [file, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: 'pipe',
    ...(cwd ? { cwd } : {}),
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = pattern.exec(output);
        if (match?.[1]) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 100);
      void exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`the process exited (${code}) before listening:\n${output}`));
      });
    });
  return { child, output: () => output, exited, listening };
}

/**
 * Stops every process a test started and still holds in `running` (emptying it), each with `signal`, and waits until
 * each has exited.
 */
export async function stopAll(running: RunningProcess[], signal: NodeJS.Signals): Promise<void> {
  for (const process of running.splice(0)) {
    process.child.kill(signal);
    await process.exited;
  }
}
