// The embedded database's thread (started by pgliteThread.ts: dist/server/pgliteWorker.cjs in the deploy build, this
// file through tsx from the sources). Its first import sets the database files' modes before PGlite is loaded: keep it first.
import './privateFileModes';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import {
  threadErrorOf,
  type DatabaseRequest,
  type DatabaseAnswer,
  type DatabaseThreadData,
  type DatabaseThreadStarted,
} from './pgliteMessages';

/**
 * It opens PGlite and runs the statements it is sent one at a time, in arrival order, except that while one session
 * has a transaction open, only that session's statements run; the others wait until it commits or rolls back (a
 * session ended without either is rolled back). Messages: pgliteMessages.ts.
 */
const port = parentPort;
if (!port) throw new Error('pgliteWorker runs as the embedded database thread (a worker thread), not on its own');

const queue: DatabaseRequest[] = [];
let running = false;
let inTransaction: number | null = null;

function answer(message: DatabaseAnswer | DatabaseThreadStarted, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/**
 * A read the service flagged (op 'query', readOnly) runs in a read-only transaction of its own: PostgreSQL refuses any
 * write in it, so it cannot change what the service keeps of earlier reads (pgliteThread.ts, `writes`). Inside a
 * session's open transaction it runs as any statement (and is counted).
 */
async function query(db: PGlite, message: Extract<DatabaseRequest, { op: 'query' }>, read: boolean): Promise<Omit<DatabaseAnswer, 'id'>> {
  const result = read
    ? await db.transaction(async (tx) => {
        await tx.exec('set transaction read only');
        return tx.query(message.sql, message.params);
      })
    : await db.query(message.sql, message.params);
  return { rows: result.rows, ...(result.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}) };
}

const isRead = (message: DatabaseRequest): boolean => message.op === 'query' && message.readOnly === true && inTransaction === null;

/** Runs one request on the database; what to answer (and the buffers to hand over with it). */
async function perform(db: PGlite, message: DatabaseRequest, read: boolean): Promise<[Omit<DatabaseAnswer, 'id'>, ArrayBuffer[]]> {
  switch (message.op) {
    case 'query':
      return [await query(db, message, read), []];
    case 'begin':
    case 'commit':
    case 'rollback':
      try {
        await db.query(message.op);
        inTransaction = message.op === 'begin' ? message.session : null;
      } catch (error) {
        inTransaction = null;
        throw error;
      }
      return [{}, []];
    case 'release':
      if (inTransaction === message.session) {
        inTransaction = null;
        await db.query('rollback');
      }
      return [{}, []];
    case 'dump': {
      const dump = await (await db.dumpDataDir(message.compression)).arrayBuffer();
      return [{ dump }, [dump]];
    }
    case 'gc': {
      const { gc } = globalThis as { gc?: () => void };
      if (typeof gc === 'function') gc();
      return [{}, []];
    }
    case 'close':
      await db.close();
      return [{}, []];
  }
}

/**
 * Runs one request and answers it. Every request but a flagged read moves the count of writes (`writes`, shared with
 * the service's thread) once it has run, whether it succeeded or not, and before its answer is posted: whoever has
 * the answer of a write sees the count moved.
 */
async function run(db: PGlite, writes: Int32Array, message: DatabaseRequest): Promise<void> {
  const read = isRead(message);
  let reply: DatabaseAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    const [done, buffers] = await perform(db, message, read);
    reply = { id: message.id, ...done };
    transfer = buffers;
  } catch (error) {
    reply = { id: message.id, error: threadErrorOf(error) };
  }
  if (!read) Atomics.add(writes, 0, 1);
  answer(reply, transfer);
}

/** Runs the next request that may run now (the open transaction's session's, or any), if none is running. */
function pump(db: PGlite, writes: Int32Array): void {
  if (running) return;
  const next = queue.findIndex((message) => inTransaction === null || message.session === inTransaction);
  if (next < 0) return;
  const [message] = queue.splice(next, 1);
  if (!message) return;
  running = true;
  void run(db, writes, message).finally(() => {
    running = false;
    pump(db, writes);
  });
}

async function start({ dataDir, settings, template, writes }: DatabaseThreadData): Promise<void> {
  const startParams = [...PGlite.defaultStartParams, ...settings.flatMap((setting) => ['-c', setting])];
  const db = new PGlite(dataDir, { startParams, ...(template ? { loadDataDir: new Blob([template]) } : {}) });
  await db.waitReady;
  const count = new Int32Array(writes);
  port?.on('message', (message: DatabaseRequest) => {
    queue.push(message);
    pump(db, count);
  });
  answer({ ready: true });
}

start(workerData as DatabaseThreadData).catch((error: unknown) => answer({ ready: false, error: threadErrorOf(error) }));
