import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Pending sign-ins are bounded per client address and in total, oldest first (server/linkedin/pendingSignIns.ts): when
 * each was started, and a keyed pseudonym of the address that started it (never the address itself).
 */
export const pendingSignInBounds: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('pending_sign_ins')
      .addColumn('client_key', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('pending_sign_ins_client').on('pending_sign_ins').columns(['client_key', 'created_at']).execute();
    await db.schema.createIndex('pending_sign_ins_created_at').on('pending_sign_ins').column('created_at').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('pending_sign_ins').dropColumn('client_key').dropColumn('created_at').execute();
  },
};
