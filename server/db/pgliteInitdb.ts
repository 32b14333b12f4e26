// A new data folder's initdb, run by a process of its own (started by pgliteThread.ts's initializeDataFolder:
// dist/server/pgliteInitdb.cjs in the deploy build, this file through tsx from the sources). WebAssembly's memory
// never shrinks, and what initdb grows would stay resident in the service for its whole life (~750 MB against
// ~220 MB); a process that ends gives all of it back, as a thread that ends does not quite (~340 MB). Its environment
// names the folder (PGLITE_DIR) and the settings (PGLITE_SETTINGS, JSON). Its first import sets the database files' modes
// before PGlite is loaded: keep it first.
import './privateFileModes';
import { PGlite } from '@electric-sql/pglite';
import { threadErrorOf } from './pgliteMessages';

async function initialize(dataDir: string, settings: readonly string[]): Promise<void> {
  const startParams = [...PGlite.defaultStartParams, ...settings.flatMap((setting) => ['-c', setting])];
  const db = new PGlite(dataDir, { startParams });
  await db.waitReady;
  await db.close();
}

initialize(process.env.PGLITE_DIR ?? '', JSON.parse(process.env.PGLITE_SETTINGS ?? '[]') as string[]).catch((error: unknown) => {
  process.stderr.write(threadErrorOf(error).message);
  process.exit(1);
});
