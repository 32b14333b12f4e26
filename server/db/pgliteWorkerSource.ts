/**
 * The database's files are this account's alone: what PGlite creates (0666 / 0777 as PostgreSQL asks, which its file
 * layer applies with chmod, past the process's umask) is created 0600 / 0700. A thread cannot set the process's umask,
 * so the fs functions of the code that runs PGlite take the mask (the HTTP thread's are untouched).
 */
const PRIVATE_FILES = String.raw`
const fs = require('node:fs');
const mask = (mode) => (typeof mode === 'number' ? mode & 0o700 : mode);
const withMode = (options, fallback) =>
  typeof options === 'string' ? { encoding: options, mode: mask(fallback) }
  : { ...(options || {}), mode: mask(options && options.mode !== undefined ? options.mode : fallback) };
for (const name of ['chmodSync', 'fchmodSync', 'lchmodSync']) {
  const original = fs[name];
  if (original) fs[name] = (target, mode) => original(target, mask(mode));
}
const { mkdirSync, openSync, writeFileSync } = fs;
fs.mkdirSync = (path, options) => mkdirSync(path, typeof options === 'number' ? mask(options) : withMode(options, 0o777));
fs.openSync = (path, flags, mode) => openSync(path, flags, mask(mode === undefined ? 0o666 : mode));
fs.writeFileSync = (path, data, options) => writeFileSync(path, data, withMode(options, 0o666));

`;

/**
 * The code of the embedded database's thread (plain CommonJS, run with `new Worker(source, { eval: true })`, so it
 * needs no file of its own beside the bundled server). It opens PGlite and runs the statements it is sent one at a
 * time, in arrival order, except that while one session has a transaction open, only that session's statements run;
 * the others wait until it commits or rolls back (a session ended without either is rolled back).
 *
 * Messages in: { id, session, op: 'query' | 'begin' | 'commit' | 'rollback' | 'release' | 'dump' | 'gc' | 'close', sql?, params?,
 * compression? ('none' | 'gzip', for dump) }.
 * Messages out: { ready: true } | { ready: false, error } once; then { id, rows?, affectedRows?, dump?, error? } per message.
 */
export const PGLITE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
${PRIVATE_FILES}
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
      const dump = await (await db.dumpDataDir(message.compression || 'none')).arrayBuffer();
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
  const settings = workerData.settings.flatMap((setting) => ['-c', setting]);
  const options = { startParams: [...PGlite.defaultStartParams, ...settings] };
  if (workerData.template) options.loadDataDir = new Blob([workerData.template]);
  db = new PGlite(workerData.dataDir, options);
  await db.waitReady;
  parentPort.on('message', (message) => {
    queue.push(message);
    pump();
  });
  parentPort.postMessage({ ready: true });
})().catch((error) => parentPort.postMessage({ ready: false, error: errorOf(error) }));
`;

/**
 * A new data folder's initdb, run by a process of its own (plain CommonJS, `node -e`): WebAssembly's memory never
 * shrinks, and what initdb grows would stay resident in the service for its whole life (~750 MB against ~220 MB);
 * a process that ends gives all of it back, as a thread that ends does not quite (~340 MB). Its environment names
 * PGlite's module (PGLITE_MODULE), the folder (PGLITE_DIR) and the settings (PGLITE_SETTINGS, JSON).
 */
export const PGLITE_INITDB_SOURCE = String.raw`
${PRIVATE_FILES}
const { PGlite } = require(process.env.PGLITE_MODULE);
const settings = JSON.parse(process.env.PGLITE_SETTINGS).flatMap((setting) => ['-c', setting]);
(async () => {
  const db = new PGlite(process.env.PGLITE_DIR, { startParams: [...PGlite.defaultStartParams, ...settings] });
  await db.waitReady;
  await db.close();
})().catch((error) => {
  process.stderr.write(String((error && error.message) || error));
  process.exit(1);
});
`;
