import { sql, type Kysely, type Migration } from 'kysely';

/** Connections per Entra user (tenant id + object id) and the audit trail of connect / disconnect / expire. */
export const connectionsAndAudit: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('connections')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text', (c) => c.notNull())
      .addColumn('consent', 'text', (c) => c.notNull().check(sql`consent in ('linkedInToMicrosoft', 'twoWay')`))
      .addColumn('token_ciphertext', 'text', (c) => c.notNull())
      .addColumn('token_expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('connected_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('connections_pk', ['tenant_id', 'object_id'])
      .execute();
    await db.schema
      .createTable('audit_trail')
      .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull().check(sql`event in ('connect', 'disconnect', 'expire')`))
      .addColumn('consent', 'text')
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('audit_trail').execute();
    await db.schema.dropTable('connections').execute();
  },
};
