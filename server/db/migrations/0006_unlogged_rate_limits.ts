import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The rate limits' windows are written once per limited request and worth nothing after a crash (a minute's count):
 * an unlogged table writes no WAL for them, so a request's upsert does not wait for a WAL flush to disk at commit
 * (on PostgreSQL that flush was most of a lookup's time: bench:service 0.05× the bare route, 0.12× without it). After
 * a crash PostgreSQL empties the table: every client starts a fresh minute. No window is then left in the WAL either.
 */
export const unloggedRateLimits: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table rate_limit_windows set unlogged`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`alter table rate_limit_windows set logged`.execute(db);
  },
};
