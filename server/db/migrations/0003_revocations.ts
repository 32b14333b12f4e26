import { sql, type Kysely, type Migration } from 'kysely';

/**
 * LinkedIn tokens the service dropped and still owes a revoke at LinkedIn (server/linkedin/revocations.ts): kept only
 * until LinkedIn confirms the revoke or the token's own expiry passes, as ciphertext bound to the row (no user id, no
 * e-mail address), with when to try again.
 */
export const revocations: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('revocations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_ciphertext', 'text', (c) => c.notNull())
      .addColumn('token_expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('reason', 'text', (c) =>
        c.notNull().check(sql`reason in ('disconnect', 'reconnect', 'refusedCompletion', 'abandonedSignIn', 'failedSignIn', 'erase')`),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_failure', 'text')
      .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('revocations_next_attempt_at').on('revocations').column('next_attempt_at').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('revocations').execute();
  },
};
