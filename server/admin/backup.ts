import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../db/database';
import { DatabaseFolderError } from '../db/privateFolder';
import { countHeld, type Counts } from './people';

/**
 * Backing up and restoring the embedded database (`npm run admin -- backup | restore`): the whole data folder as one
 * gzipped tarball (PGlite's dumpDataDir), taken under the folder's lock — so with the service stopped, which the lock
 * enforces — and restored only into an empty folder, migrated to this release's schema on the way. PostgreSQL is
 * backed up with its own tools (pg_dump / pg_restore, README).
 */
export async function backupEmbedded(dir: string, file: string): Promise<{ bytes: number; counts: Counts }> {
  if (!existsSync(dir)) throw new DatabaseFolderError(`PGLITE_DIR ${dir} does not exist: there is nothing to back up`);
  const database = await openDatabase({ pgliteDir: dir });
  try {
    const counts = await countHeld(database.db);
    if (!database.embedded) throw new Error('the embedded database has no data folder to dump');
    const dump = Buffer.from(await (await database.embedded.dumpDataDir('gzip')).arrayBuffer());
    // Whole or not at all: written beside, then renamed over; private like the folder it copies.
    const partial = `${file}.partial-${process.pid}`;
    writeFileSync(partial, dump, { mode: 0o600 });
    renameSync(partial, file);
    return { bytes: dump.length, counts };
  } finally {
    await database.close();
  }
}

export async function restoreEmbedded(dir: string, file: string): Promise<Counts> {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new DatabaseFolderError(
      `PGLITE_DIR ${dir} already holds a database: restore into an empty folder (move this one aside, or point PGLITE_DIR at a new one)`,
    );
  let backup: Buffer;
  try {
    backup = readFileSync(file);
  } catch (error) {
    throw new Error(`the backup ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // Opened from the tarball, then migrated: a backup made by an earlier release comes back on this release's schema.
  const database = await openDatabase({ pgliteDir: dir, pgliteTemplate: new Blob([new Uint8Array(backup)]) });
  try {
    return await countHeld(database.db);
  } finally {
    await database.close();
  }
}
