import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import { MIGRATIONS } from './migrations';
import { PgliteDialect } from './pgliteDialect';
import { createDeletedRowsPurge, type DeletedRowsPurge } from './purgeDeleted';
import { lockFolder, makeFolderPrivate } from './privateFolder';
import { initializeDataFolder, startEmbeddedPostgres, type EmbeddedPostgres } from './pgliteThread';
import type { Database } from './schema';

export type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** The embedded database's thread (PGlite only), e.g. to dump its data directory. */
  embedded?: EmbeddedPostgres;
  /** The embedded database in a folder only: leaves no readable copy of a dropped token in its files (purgeDeleted.ts). */
  purge?: DeletedRowsPurge;
  /** True when a trivial query answers (the readiness check). */
  ping: () => Promise<boolean>;
  close: () => Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a PostgreSQL server; otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  pgliteDir?: string;
  /** PGlite only: start from this dumped data directory (PGlite's dumpDataDir) instead of a fresh initdb. */
  pgliteTemplate?: Blob;
}

/** Opens the database (PostgreSQL through `pg`, or embedded PGlite) and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(options.pgliteDir ?? 'memory://', options.pgliteTemplate);
  try {
    await migrate(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function openPglite(dataDir: string, template: Blob | undefined): Promise<DatabaseHandle> {
  // A folder: this process's alone (locked), and private to its account. In memory: nothing to guard.
  const inFolder = !dataDir.startsWith('memory://');
  const unlock = inFolder ? lockFolder(dataDir) : () => undefined;
  let embedded: EmbeddedPostgres;
  try {
    if (inFolder) makeFolderPrivate(dataDir);
    // A new folder is made by a process of its own: what initdb grows would stay resident (pgliteInitdb.ts).
    if (inFolder && !template && !existsSync(join(dataDir, 'PG_VERSION'))) await initializeDataFolder(dataDir);
    embedded = await startEmbeddedPostgres(dataDir, template);
    // Old WAL segments are deleted, never renamed for reuse with their bytes inside (purgeDeleted.ts).
    if (inFolder) await embedded.query('SET wal_recycle = off');
  } catch (error) {
    unlock();
    throw error;
  }
  const purge = inFolder ? createDeletedRowsPurge(embedded) : undefined;
  const db = new Kysely<Database>({ dialect: new PgliteDialect(embedded, purge?.observe) });
  const close = async () => {
    try {
      await db.destroy();
    } finally {
      unlock();
    }
  };
  return { db, kind: 'pglite', embedded, ...(purge ? { purge } : {}), ping: () => ping(db), close };
}

async function openPostgres(connectionString: string): Promise<DatabaseHandle> {
  const { Pool } = await import('pg');
  const pool = new Pool({
    connectionString,
    max: 10,
    // A stopped server must answer "not now" quickly, never hang a request.
    connectionTimeoutMillis: 2_000,
    query_timeout: 5_000,
    idleTimeoutMillis: 10_000,
  });
  // An idle client losing its server emits 'error' on the pool; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', ping: () => ping(db), close: () => db.destroy() };
}

async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
    return true;
  } catch {
    return false;
  }
}

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/** The database was migrated by a later release than this one: it is not opened (rolling back means its backup). */
export class NewerDatabaseError extends Error {
  constructor(readonly migration: string) {
    super(
      `The database was upgraded by a later release (its migration ${migration} is unknown to this one): start that ` +
        'release again, or roll back by restoring the backup taken before the upgrade (README › Operations › Roll back).',
    );
    this.name = 'NewerDatabaseError';
  }
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (!error) return;
  const unknown = /previously executed migration (\S+) is missing/.exec(error instanceof Error ? error.message : '');
  if (unknown?.[1]) throw new NewerDatabaseError(unknown[1]);
  throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
}
