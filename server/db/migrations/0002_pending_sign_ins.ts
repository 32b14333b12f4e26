import { sql, type Kysely, type Migration } from 'kysely';

/**
 * LinkedIn sign-ins in progress, and when a connection's LinkedIn token was found lapsed.
 * A pending sign-in lives at most 10 minutes while the member is on LinkedIn, then at most 5 minutes as the service's
 * own one-time code; it holds no e-mail address, and the LinkedIn token only as ciphertext; the code only as a hash.
 */
export const pendingSignIns: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('pending_sign_ins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Sent to LinkedIn as `state`; cleared once LinkedIn has answered (so it answers once).
      .addColumn('linkedin_state', 'text', (c) => c.unique())
      .addColumn('nonce', 'text', (c) => c.notNull())
      // The dialog's own `state`: single use.
      .addColumn('pane_state', 'text', (c) => c.notNull().unique())
      .addColumn('code_challenge', 'text', (c) => c.notNull())
      .addColumn('consent', 'text', (c) => c.notNull().check(sql`consent in ('linkedInToMicrosoft', 'twoWay')`))
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      // SHA-256 of the service's one-time code, once LinkedIn said yes.
      .addColumn('code_hash', 'text', (c) => c.unique())
      .addColumn('token_ciphertext', 'text')
      .addColumn('token_expires_at', 'timestamptz')
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pending_sign_ins_expires_at').on('pending_sign_ins').column('expires_at').execute();
    await db.schema.alterTable('connections').addColumn('expired_at', 'timestamptz').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('connections').dropColumn('expired_at').execute();
    await db.schema.dropTable('pending_sign_ins').execute();
  },
};
