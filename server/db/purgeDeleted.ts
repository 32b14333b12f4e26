import type { EmbeddedPostgres } from './pgliteThread';

/**
 * No readable copy of a dropped LinkedIn token left in the embedded database's folder. PostgreSQL keeps what a DELETE
 * or UPDATE removed: the old row versions stay in the table's file until vacuumed, and the write-ahead log holds them
 * (inserted rows, full-page images) until its segments are removed — or, by default, renamed for reuse with their old
 * bytes inside. So, on the embedded database in a folder:
 * - WAL segments are never recycled (`wal_recycle = off`, set as the database opens): an old segment is deleted, and a
 *   new one is created zero-filled;
 * - after rows of the token tables were deleted or replaced, at most once a minute (batched, not per request) and when
 *   the service stops: `VACUUM FULL` rewrites those tables into new files holding only live rows (the old files are
 *   truncated and unlinked), then the WAL is switched to a new segment and a checkpoint removes every older one —
 *   repeated while segments recycled before (by an older release) wait ahead, so the current one is a fresh file.
 * What stays: nothing in the folder's files. The host's freed disk blocks, snapshots and backups of the folder are
 * beyond what a database can reach (README: full-disk encryption, and the revoke, cover those).
 */
export const TOKEN_TABLES = ['connections', 'pending_sign_ins', 'revocations'] as const;

/** A statement that leaves an old version of a token table's row behind: a DELETE, an UPDATE or an upsert. */
export function dropsRowVersion(sql: string): boolean {
  const match = /^\s*(delete\s+from|update|insert\s+into)\s+"([a-z_]+)"/i.exec(sql);
  if (!match?.[1] || !match[2] || !(TOKEN_TABLES as readonly string[]).includes(match[2])) return false;
  return !/^insert/i.test(match[1]) || /\bon conflict\b/i.test(sql);
}

export interface DeletedRowsPurge {
  /** Told every statement the service runs (the embedded dialect does): notes those that leave old row versions. */
  observe: (sql: string) => void;
  /** Purges if anything was dropped since the last purge; true when it did. */
  run: () => Promise<boolean>;
}

/** WAL segments recycled ahead of the current one at most this many; a purge switches past all of them. */
const MAX_SWITCHES = 12;

export function createDeletedRowsPurge(embedded: EmbeddedPostgres): DeletedRowsPurge {
  let dirty = false;
  let running: Promise<boolean> | undefined;
  const futureSegments = async (): Promise<number> => {
    const { rows } = await embedded.query<{ ahead: number }>(
      'select count(*)::int as ahead from pg_ls_waldir() where name ~ $1 and name > pg_walfile_name(pg_current_wal_lsn())',
      ['^[0-9A-F]{24}$'],
    );
    return rows[0]?.ahead ?? 0;
  };
  const purge = async (): Promise<boolean> => {
    if (!dirty) return false;
    dirty = false;
    try {
      await embedded.query(`VACUUM (FULL) ${TOKEN_TABLES.join(', ')}`);
      for (let switches = 0; switches < MAX_SWITCHES; switches += 1) {
        const ahead = await futureSegments();
        await embedded.query('select pg_switch_wal()');
        await embedded.query('CHECKPOINT');
        if (ahead === 0) break;
      }
      return true;
    } catch (error) {
      dirty = true;
      throw error;
    }
  };
  return {
    observe(sql) {
      if (!dirty && dropsRowVersion(sql)) dirty = true;
    },
    run: () => (running ??= purge().finally(() => (running = undefined))),
  };
}
