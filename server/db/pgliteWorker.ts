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

/** Runs one request on the database and answers it. */
async function run(db: PGlite, message: DatabaseRequest): Promise<void> {
  const { id, session } = message;
  try {
    switch (message.op) {
      case 'query': {
        const result = await db.query(message.sql, message.params);
        answer({ id, rows: result.rows, affectedRows: result.affectedRows });
        break;
      }
      case 'begin':
      case 'commit':
      case 'rollback':
        await db.query(message.op);
        inTransaction = message.op === 'begin' ? session : null;
        answer({ id });
        break;
      case 'release':
        if (inTransaction === session) {
          inTransaction = null;
          await db.query('rollback');
        }
        answer({ id });
        break;
      case 'dump': {
        const dump = await (await db.dumpDataDir(message.compression)).arrayBuffer();
        answer({ id, dump }, [dump]);
        break;
      }
      case 'gc': {
        const { gc } = globalThis as { gc?: () => void };
        if (typeof gc === 'function') gc();
        answer({ id });
        break;
      }
      case 'close':
        await db.close();
        answer({ id });
        break;
    }
  } catch (error) {
    if (message.op === 'begin' || message.op === 'commit' || message.op === 'rollback') inTransaction = null;
    answer({ id, error: threadErrorOf(error) });
  }
}

/** Runs the next request that may run now (the open transaction's session's, or any), if none is running. */
function pump(db: PGlite): void {
  if (running) return;
  const next = queue.findIndex((message) => inTransaction === null || message.session === inTransaction);
  if (next < 0) return;
  const [message] = queue.splice(next, 1);
  if (!message) return;
  running = true;
  void run(db, message).finally(() => {
    running = false;
    pump(db);
  });
}

async function start({ dataDir, settings, template }: DatabaseThreadData): Promise<void> {
  const startParams = [...PGlite.defaultStartParams, ...settings.flatMap((setting) => ['-c', setting])];
  const db = new PGlite(dataDir, { startParams, ...(template ? { loadDataDir: new Blob([template]) } : {}) });
  await db.waitReady;
  port?.on('message', (message: DatabaseRequest) => {
    queue.push(message);
    pump(db);
  });
  answer({ ready: true });
}

start(workerData as DatabaseThreadData).catch((error: unknown) => answer({ ready: false, error: threadErrorOf(error) }));
