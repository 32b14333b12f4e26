import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The rate limits' counting windows, shared by every instance on one PostgreSQL (server/http/rateLimitStore.ts): one
 * row per limited client (`per-ip|ip:…` or `per-user|user:<tid>:<oid>`) for the current minute; swept once it passed.
 */
export const sharedRateLimits: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('rate_limit_windows')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addColumn('resets_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('rate_limit_windows_resets_at').on('rate_limit_windows').column('resets_at').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('rate_limit_windows').execute();
  },
};
