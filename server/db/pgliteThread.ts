import { Worker } from 'node:worker_threads';
import { PGLITE_WORKER_SOURCE } from './pgliteWorkerSource';

/**
 * The embedded database (PGlite, PostgreSQL in WebAssembly) on a thread of its own, so the HTTP thread never runs the
 * database's WebAssembly: a query is a message to that thread and an answer back, as a query to a PostgreSQL server
 * is a message over a socket. Statements of different requests queue there; a transaction runs alone (see the
 * worker's source).
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

interface Answer {
  id?: number;
  ready?: boolean;
  rows?: unknown[];
  affectedRows?: number;
  dump?: ArrayBuffer;
  error?: { message: string; code?: string };
}

type Pending = { resolve: (answer: Answer) => void; reject: (error: Error) => void };

/** Starts the database thread on `dataDir` ('memory://' or a folder), optionally from a dumped data directory. */
export async function startEmbeddedPostgres(dataDir: string, template?: Blob): Promise<EmbeddedPostgres> {
  const worker = new Worker(PGLITE_WORKER_SOURCE, {
    eval: true,
    workerData: {
      modulePath: require.resolve('@electric-sql/pglite'),
      dataDir,
      template: template ? await template.arrayBuffer() : undefined,
    },
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let nextSession = 1;
  let stopped: Error | null = null;
  // The thread keeps the process alive only while it owes an answer (starting, migrating, a query): idle, the HTTP
  // server (or a test) does, so a forgotten close never holds the process open.
  const owing = (): void => void (pending.size > 0 ? worker.ref() : worker.unref());

  const fail = (error: Error): void => {
    stopped = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (answer: Answer) =>
      answer.ready ? resolve() : reject(new EmbeddedDatabaseError(answer.error?.message ?? 'the database did not start')),
    );
    worker.once('error', reject);
  });
  worker.on('message', (answer: Answer) => {
    const waiter = answer.id === undefined ? undefined : pending.get(answer.id);
    if (!waiter || answer.id === undefined) return;
    pending.delete(answer.id);
    owing();
    if (answer.error) waiter.reject(new EmbeddedDatabaseError(answer.error.message, answer.error.code));
    else waiter.resolve(answer);
  });
  worker.on('error', (error) => fail(new EmbeddedDatabaseError(`the database thread failed: ${error.message}`)));
  worker.on('exit', () => fail(new EmbeddedDatabaseError('the database is not queryable: its thread has stopped')));
  owing();

  const send = (message: Record<string, unknown>, session = 0): Promise<Answer> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<Answer>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      owing();
      worker.postMessage({ ...message, id, session });
    });
  };
  const query = async <R>(sql: string, params: readonly unknown[] = [], session = 0) => {
    const answer = await send({ op: 'query', sql, params: [...params] }, session);
    return { rows: (answer.rows ?? []) as R[], ...(answer.affectedRows !== undefined ? { affectedRows: answer.affectedRows } : {}) };
  };
  return {
    session() {
      const session = nextSession++;
      const op = (name: string) => async () => void (await send({ op: name }, session));
      return {
        query: (sql, params) => query(sql, params, session),
        begin: op('begin'),
        commit: op('commit'),
        rollback: op('rollback'),
        release: op('release'),
      };
    },
    query: (sql, params) => query(sql, params),
    async dumpDataDir(compression = 'none') {
      const { dump } = await send({ op: 'dump', compression });
      return new Blob([dump ?? new ArrayBuffer(0)]);
    },
    async collectGarbage() {
      await send({ op: 'gc' });
    },
    async close() {
      if (stopped) return;
      await send({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
