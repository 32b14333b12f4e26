/**
 * The code of the embedded database's thread (plain CommonJS, run with `new Worker(source, { eval: true })`, so it
 * needs no file of its own beside the bundled server). It opens PGlite and runs the statements it is sent one at a
 * time, in arrival order, except that while one session has a transaction open, only that session's statements run;
 * the others wait until it commits or rolls back (a session ended without either is rolled back).
 *
 * Messages in: { id, session, op: 'query' | 'begin' | 'commit' | 'rollback' | 'release' | 'dump' | 'gc' | 'close', sql?, params? }.
 * Messages out: { ready: true } | { ready: false, error } once; then { id, rows?, affectedRows?, dump?, error? } per message.
 */
export const PGLITE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.modulePath);

const queue = [];
let running = false;
let inTransaction = null;
let db;

const errorOf = (error) => ({
  message: String((error && error.message) || error),
  code: error && typeof error.code === 'string' ? error.code : undefined,
});

async function run(message) {
  const { id, session, op } = message;
  try {
    if (op === 'query') {
      const result = await db.query(message.sql, message.params);
      parentPort.postMessage({ id, rows: result.rows, affectedRows: result.affectedRows });
    } else if (op === 'begin' || op === 'commit' || op === 'rollback') {
      await db.query(op);
      inTransaction = op === 'begin' ? session : null;
      parentPort.postMessage({ id });
    } else if (op === 'release') {
      if (inTransaction === session) {
        inTransaction = null;
        await db.query('rollback');
      }
      parentPort.postMessage({ id });
    } else if (op === 'dump') {
      const dump = await (await db.dumpDataDir('none')).arrayBuffer();
      parentPort.postMessage({ id, dump }, [dump]);
    } else if (op === 'gc') {
      if (typeof globalThis.gc === 'function') globalThis.gc();
      parentPort.postMessage({ id });
    } else if (op === 'close') {
      await db.close();
      parentPort.postMessage({ id });
    }
  } catch (error) {
    if (op === 'begin') inTransaction = null;
    if (op === 'commit' || op === 'rollback') inTransaction = null;
    parentPort.postMessage({ id, error: errorOf(error) });
  }
}

function pump() {
  if (running) return;
  const next = queue.findIndex((message) => inTransaction === null || message.session === inTransaction);
  if (next < 0) return;
  const [message] = queue.splice(next, 1);
  running = true;
  run(message).finally(() => {
    running = false;
    pump();
  });
}

(async () => {
  const options = workerData.template ? { loadDataDir: new Blob([workerData.template]) } : {};
  db = new PGlite(workerData.dataDir, options);
  await db.waitReady;
  parentPort.on('message', (message) => {
    queue.push(message);
    pump();
  });
  parentPort.postMessage({ ready: true });
})().catch((error) => parentPort.postMessage({ ready: false, error: errorOf(error) }));
`;
