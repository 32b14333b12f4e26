import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DatabaseAnswer, DatabaseRequest, DatabaseThreadData, DatabaseThreadStarted } from './pgliteMessages';

/**
 * The embedded database (PGlite, PostgreSQL in WebAssembly) on a thread of its own, so the HTTP thread never runs the
 * database's WebAssembly: a query is a message to that thread and an answer back, as a query to a PostgreSQL server
 * is a message over a socket. Statements of different requests queue there; a transaction runs alone (see
 * pgliteWorker.ts).
 */
export interface EmbeddedSession {
  query: <R>(sql: string, params: readonly unknown[]) => Promise<{ rows: R[]; affectedRows?: number }>;
  begin: () => Promise<void>;
  commit: () => Promise<void>;
  rollback: () => Promise<void>;
  /** Ends the session (a transaction still open is rolled back). */
  release: () => Promise<void>;
}

export interface EmbeddedPostgres {
  /** A session: its statements never interleave with another session's transaction. */
  session: () => EmbeddedSession;
  /** One statement on a session of its own (e.g. CHECKPOINT in a test). */
  query: <R>(sql: string, params?: readonly unknown[]) => Promise<{ rows: R[]; affectedRows?: number }>;
  /**
   * One read (a select) in a read-only transaction of its own: the database refuses any write in it, and it alone
   * leaves `writes` where it was.
   */
  read: <R>(sql: string, params: readonly unknown[]) => Promise<R[]>;
  /**
   * How many requests but reads the thread has run (pgliteWorker.ts moves it in shared memory as each completes, before
   * answering): while it has not moved, nothing in the database has changed. The folder belongs to this process and
   * every statement goes through this thread, so what was read after the count was taken is still true while the
   * count is unchanged (store/unchangedReads.ts).
   */
  writes: () => number;
  /** The data directory as a tarball (PGlite's dumpDataDir): to start tests from a migrated copy, or a backup (gzip). */
  dumpDataDir: (compression?: 'none' | 'gzip') => Promise<Blob>;
  /** Collects the thread's garbage where the process runs with --expose-gc (benchmarks measure memory after it). */
  collectGarbage: () => Promise<void>;
  close: () => Promise<void>;
}

/** An error the database thread reported, with PostgreSQL's SQLSTATE code where there is one. */
export class EmbeddedDatabaseError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

type Pending = { resolve: (answer: DatabaseAnswer) => void; reject: (error: Error) => void };

/** A request as the service sends it: the channel adds its id and session. */
type Request = DatabaseRequest extends infer R ? (R extends DatabaseRequest ? Omit<R, 'id' | 'session'> : never) : never;

/**
 * The file of one of the database's programs (the thread, the initdb process) and the Node options it needs: the
 * service's bundle has them beside it (dist/server/<name>.cjs, scripts/build-server.mjs); run from the sources (tsx,
 * jest), the TypeScript file beside this one, through tsx's require hook.
 */
export function databaseProgram(name: 'pgliteWorker' | 'pgliteInitdb'): { file: string; execArgv: string[] } {
  const built = join(__dirname, `${name}.cjs`);
  if (existsSync(built)) return { file: built, execArgv: [] };
  const source = join(__dirname, `${name}.ts`);
  if (existsSync(source)) return { file: source, execArgv: ['--require', require.resolve('tsx/cjs')] };
  throw new EmbeddedDatabaseError(`the embedded database's program is missing: ${built} (npm run build:server makes it)`);
}

/**
 * PostgreSQL settings of the embedded database. PGlite keeps PostgreSQL's default of 128 MB of shared buffers, which
 * its WebAssembly memory holds resident for the life of the process: ~390 MB settled for an empty database against
 * ~220 MB with 16 MB (measured with `npm run bench:service`'s settled reading). 16 MB is 2,048 pages of 8 kB: the
 * service's tables for a few thousand people (a row per connection, its audit trail) fit many times over.
 */
export const EMBEDDED_SETTINGS: readonly string[] = Object.freeze(['shared_buffers=16MB']);

/** Makes a new data folder (PostgreSQL's initdb) in a process of its own (see pgliteInitdb.ts). */
export async function initializeDataFolder(dataDir: string): Promise<void> {
  const { file, execArgv } = databaseProgram('pgliteInitdb');
  const child = spawn(process.execPath, [...execArgv, file], {
    env: {
      PATH: process.env.PATH ?? '',
      PGLITE_DIR: dataDir,
      PGLITE_SETTINGS: JSON.stringify(EMBEDDED_SETTINGS),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let problem = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (problem = (problem + text).slice(-2_000)));
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('close', resolve));
  if (code !== 0) throw new EmbeddedDatabaseError(`the database folder could not be made: ${problem.trim() || `exit ${code}`}`);
}

/** The thread's first message: it is ready, or why it did not start. */
function started(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    worker.once('message', (answer: DatabaseThreadStarted) =>
      answer.ready ? resolve() : reject(new EmbeddedDatabaseError(answer.error.message || 'the database did not start')),
    );
    worker.once('error', reject);
  });
}

/** Requests to a started thread and their answers, matched by id; every waiter fails at once when the thread stops. */
function channelTo(worker: Worker): {
  send: (message: Request, session?: number) => Promise<DatabaseAnswer>;
  stopped: () => boolean;
} {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: Error | null = null;
  // The thread keeps the process alive only while it owes an answer (starting, migrating, a query): idle, the HTTP
  // server (or a test) does, so a forgotten close never holds the process open.
  const owing = (): void => void (pending.size > 0 ? worker.ref() : worker.unref());
  const fail = (error: Error): void => {
    stopped = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('message', (answer: DatabaseAnswer) => {
    const waiter = pending.get(answer.id);
    if (!waiter) return;
    pending.delete(answer.id);
    owing();
    if (answer.error) waiter.reject(new EmbeddedDatabaseError(answer.error.message, answer.error.code));
    else waiter.resolve(answer);
  });
  worker.on('error', (error) => fail(new EmbeddedDatabaseError(`the database thread failed: ${error.message}`)));
  worker.on('exit', () => fail(new EmbeddedDatabaseError('the database is not queryable: its thread has stopped')));
  owing();
  const send = (message: Request, session = 0): Promise<DatabaseAnswer> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<DatabaseAnswer>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      owing();
      worker.postMessage({ ...message, id, session } satisfies DatabaseRequest);
    });
  };
  return { send, stopped: () => stopped !== null };
}

/** Starts the database thread on `dataDir` ('memory://' or a folder), optionally from a dumped data directory. */
export async function startEmbeddedPostgres(dataDir: string, template?: Blob): Promise<EmbeddedPostgres> {
  const { file, execArgv } = databaseProgram('pgliteWorker');
  const writes = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const count = new Int32Array(writes);
  const workerData: DatabaseThreadData = {
    dataDir,
    settings: EMBEDDED_SETTINGS,
    writes,
    ...(template ? { template: await template.arrayBuffer() } : {}),
  };
  const worker = new Worker(file, { workerData, ...(execArgv.length > 0 ? { execArgv } : {}) });
  await started(worker);
  const { send, stopped } = channelTo(worker);
  let nextSession = 1;
  const query = async <R>(sql: string, params: readonly unknown[] = [], session = 0) => {
    const answer = await send({ op: 'query', sql, params: [...params] }, session);
    return { rows: (answer.rows ?? []) as R[], ...(answer.affectedRows !== undefined ? { affectedRows: answer.affectedRows } : {}) };
  };
  return {
    session() {
      const session = nextSession++;
      // A session that never began a transaction has nothing to end on the thread: its release costs no round trip.
      let began = false;
      const op = (name: 'begin' | 'commit' | 'rollback' | 'release') => async () => void (await send({ op: name }, session));
      const begin = op('begin');
      const release = op('release');
      return {
        query: (sql, params) => query(sql, params, session),
        begin: () => ((began = true), begin()),
        commit: op('commit'),
        rollback: op('rollback'),
        release: async () => (began ? release() : undefined),
      };
    },
    query: (sql, params) => query(sql, params),
    read: async <R>(sql: string, params: readonly unknown[]) =>
      ((await send({ op: 'query', sql, params: [...params], readOnly: true })).rows ?? []) as R[],
    writes: () => Atomics.load(count, 0),
    async dumpDataDir(compression = 'none') {
      const { dump } = await send({ op: 'dump', compression });
      return new Blob([dump ?? new ArrayBuffer(0)]);
    },
    async collectGarbage() {
      await send({ op: 'gc' });
    },
    async close() {
      if (stopped()) return;
      await send({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
