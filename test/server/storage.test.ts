import { sql } from 'kysely';
import Fastify from 'fastify';
import { createTokenCipher } from '../../server/crypto/tokenCipher';
import { migrate, openDatabase, type DatabaseHandle } from '../../server/db/database';
import { createConnectionStore, type ConnectionStore } from '../../server/store/connections';
import { createRevocationQueue } from '../../server/linkedin/revocations';
import { freshTestDatabase } from './support/pgliteTemplate';
import { KEY } from './support/service';

/**
 * The connection store on the embedded database (npm test) and on a PostgreSQL server (.ci/run sets DATABASE_URL):
 * the same migrations, tokens only as ciphertext bound to their owner, the audit trail beside every change, and a
 * connection stored whole or not at all.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
let database: DatabaseHandle;
let store: ConnectionStore;
/** What the store's revocation queue asked LinkedIn to revoke. */
const revoked: string[] = [];
const cipher = createTokenCipher([{ id: 'k1', key: Buffer.from(KEY, 'base64') }]);
const tenantId = '11111111-2222-4333-8444-555555555555';
const user = (n: number) => ({ tenantId, objectId: `0000000${n}-1b1b-4c2c-8d3d-4e4e4e4e4e4e`, groups: undefined });

beforeAll(async () => {
  database = onPostgres ? await openDatabase({ databaseUrl: process.env.DATABASE_URL }) : await freshTestDatabase();
  await database.db.deleteFrom('connections').execute();
  await database.db.deleteFrom('audit_trail').execute();
  await database.db.deleteFrom('revocations').execute();
  const revocations = createRevocationQueue({
    db: database.db,
    cipher,
    revoke: async (token) => void revoked.push(token),
    log: Fastify({ logger: false }).log,
  });
  store = createConnectionStore(database.db, cipher, revocations);
}, 180_000);
afterAll(() => database.close());

it(`runs on ${onPostgres ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}; migrating again changes nothing`, async () => {
  expect(database.kind).toBe(onPostgres ? 'postgres' : 'pglite');
  await migrate(database.db);
  expect(await database.ping()).toBe(true);
});

it('stores, finds, replaces and removes a connection, with the audit trail and no token in clear; every dropped token revoked', async () => {
  await store.save(user(1), { consent: 'linkedInToMicrosoft', accessToken: 'tok-one', tokenExpiresAt: new Date(Date.now() + 60_000) });
  await store.save(user(1), { consent: 'twoWay', accessToken: 'tok-two', tokenExpiresAt: new Date(Date.now() + 60_000) });
  expect(revoked).toEqual(['tok-one']);
  const found = await store.find(user(1));
  expect(found?.consent).toBe('twoWay');
  expect(found?.accessToken()).toBe('tok-two');
  expect(await store.find(user(2))).toBeUndefined();
  const rows = await database.db.selectFrom('connections').selectAll().execute();
  expect(rows).toHaveLength(1);
  expect(JSON.stringify(rows)).not.toContain('tok-two');
  expect(await store.remove(user(1))).toBe(true);
  expect(await store.remove(user(1))).toBe(false);
  expect(revoked).toEqual(['tok-one', 'tok-two']);
  expect(await database.db.selectFrom('revocations').selectAll().execute()).toEqual([]);
  const audit = await database.db.selectFrom('audit_trail').select(['event', 'consent']).orderBy('id').execute();
  expect(audit).toEqual([
    { event: 'connect', consent: 'linkedInToMicrosoft' },
    { event: 'connect', consent: 'twoWay' },
    { event: 'disconnect', consent: 'twoWay' },
  ]);
});

it("a ciphertext moved to another user's row does not decrypt", async () => {
  await store.save(user(3), { consent: 'twoWay', accessToken: 'tok-three', tokenExpiresAt: new Date(Date.now() + 1000) });
  await store.save(user(4), { consent: 'twoWay', accessToken: 'tok-four', tokenExpiresAt: new Date(Date.now() + 1000) });
  const three = await database.db
    .selectFrom('connections')
    .select('token_ciphertext')
    .where('object_id', '=', user(3).objectId)
    .executeTakeFirstOrThrow();
  await database.db
    .updateTable('connections')
    .set({ token_ciphertext: three.token_ciphertext })
    .where('object_id', '=', user(4).objectId)
    .execute();
  await expect(store.find(user(4)).then((c) => c?.accessToken())).rejects.toThrow(/cannot be decrypted/);
});

it('a connection is stored whole or not at all: when the audit entry fails, no connection row remains', async () => {
  await sql`create or replace function refuse_audit() returns trigger as $$ begin raise exception 'audit refused'; end $$ language plpgsql`.execute(
    database.db,
  );
  await sql`create trigger refuse_audit before insert on audit_trail for each row execute function refuse_audit()`.execute(database.db);
  try {
    await expect(store.save(user(5), { consent: 'twoWay', accessToken: 'tok-five', tokenExpiresAt: new Date() })).rejects.toThrow(
      /audit refused/,
    );
    expect(await store.find(user(5))).toBeUndefined();
  } finally {
    await sql`drop trigger refuse_audit on audit_trail`.execute(database.db);
  }
});
