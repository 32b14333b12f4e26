/**
 * What the service's thread and the embedded database's thread (pgliteWorker.ts) say to each other: one type for
 * both sides, so the type check holds them together.
 */

/** What the thread is started with (the Worker's workerData). */
export interface DatabaseThreadData {
  /** 'memory://' or a folder. */
  dataDir: string;
  /** PostgreSQL settings, each 'name=value' (passed as -c). */
  settings: readonly string[];
  /** A dumped data directory (PGlite's dumpDataDir) to start from. */
  template?: ArrayBuffer;
  /**
   * The count of writes (one Int32 in shared memory): the thread adds one for every request it has run but a flagged
   * read, before answering it; the service's thread reads it (pgliteThread.ts, `writes`).
   */
  writes: SharedArrayBuffer;
}

/** A request: its id (the answer carries it back) and its session (see pgliteWorker.ts: a transaction runs alone). */
export type DatabaseRequest = { id: number; session: number } & (
  | { op: 'query'; sql: string; params: unknown[]; readOnly?: boolean }
  | { op: 'begin' | 'commit' | 'rollback' | 'release' | 'gc' | 'close' }
  | { op: 'dump'; compression: 'none' | 'gzip' }
);

/** An error the thread reports, with PostgreSQL's SQLSTATE code where there is one. */
export interface DatabaseThreadError {
  message: string;
  code?: string;
}

/** The thread's first message: it is ready, or why it did not start. */
export type DatabaseThreadStarted = { ready: true } | { ready: false; error: DatabaseThreadError };

/** The answer to one request. */
export interface DatabaseAnswer {
  id: number;
  rows?: unknown[];
  affectedRows?: number;
  dump?: ArrayBuffer;
  error?: DatabaseThreadError;
}

/** The error of anything thrown, as the thread reports it. */
export function threadErrorOf(error: unknown): DatabaseThreadError {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; code?: unknown };
  return {
    message: String(fields.message ?? error),
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
  };
}
