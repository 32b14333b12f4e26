import Fastify from 'fastify';
import { createTokenCipher } from '../../server/crypto/tokenCipher';
import type { DatabaseHandle } from '../../server/db/database';
import type { EmbeddedPostgres } from '../../server/db/pgliteThread';
import { createRevocationQueue } from '../../server/linkedin/revocations';
import { createConnectionStore, type ConnectionStore } from '../../server/store/connections';
import { freshTestDatabase } from './support/pgliteTemplate';
import { KEY } from './support/service';

/**
 * On the embedded database the service keeps the callers' connections it read while nothing in the database has
 * changed (server/store/unchangedReads.ts): its thread counts every statement but a flagged read, before answering it.
 * What is kept must never outlive a write: a disconnect through another instance on the same database, a row changed
 * by any statement, a write that completes while a read is on its way.
 */
let database: DatabaseHandle;
let embedded: EmbeddedPostgres;
const cipher = createTokenCipher([{ id: 'k1', key: Buffer.from(KEY, 'base64') }]);
const tenantId = '11111111-2222-4333-8444-555555555555';
const user = (n: number) => ({ tenantId, objectId: `0000000${n}-1b1b-4c2c-8d3d-4e4e4e4e4e4e`, groups: undefined });
const inAnHour = () => new Date(Date.now() + 3_600_000);

/** A store as the service builds one, over `reads` (the embedded database's, or one the test controls). */
function storeOver(reads: Pick<EmbeddedPostgres, 'read' | 'writes'> | undefined): ConnectionStore {
  const revocations = createRevocationQueue({
    db: database.db,
    cipher,
    revoke: async () => undefined,
    log: Fastify({ logger: false }).log,
  });
  return createConnectionStore(database.db, cipher, revocations, reads);
}

/** The embedded database's reads, counted. */
function countedReads(): Pick<EmbeddedPostgres, 'read' | 'writes'> & { reads: () => number } {
  let reads = 0;
  return {
    read: (sql, params) => ((reads += 1), embedded.read(sql, params)),
    writes: () => embedded.writes(),
    reads: () => reads,
  };
}

beforeAll(async () => {
  database = await freshTestDatabase();
  if (!database.embedded) throw new Error('the test database is the embedded one');
  embedded = database.embedded;
}, 180_000);
beforeEach(async () => {
  await database.db.deleteFrom('connections').execute();
});
afterAll(() => database.close());

test('the thread counts every statement but a flagged read, failed ones too, and a flagged read cannot write', async () => {
  const before = embedded.writes();
  await embedded.read('select count(*)::int as n from connections', []);
  expect(embedded.writes()).toBe(before);
  await embedded.query('select 1');
  expect(embedded.writes()).toBe(before + 1);
  await expect(embedded.query('insert into connections (tenant_id) values (null)')).rejects.toMatchObject({ code: '23502' });
  expect(embedded.writes()).toBe(before + 2);
  const session = embedded.session();
  await session.begin();
  await session.query('select 1', []);
  await session.commit();
  await session.release();
  expect(embedded.writes()).toBe(before + 6);
  // A write flagged as a read is refused by the database (read-only transaction), and so changes nothing kept.
  await expect(embedded.read("delete from audit_trail where event = 'connect'", [])).rejects.toMatchObject({ code: '25006' });
  expect(embedded.writes()).toBe(before + 6);
});

test('a connection read once is answered without the database while nothing changes, and afresh after any write', async () => {
  const reads = countedReads();
  const store = storeOver(reads);
  await store.save(user(1), { consent: 'twoWay', accessToken: 'tok-1', tokenExpiresAt: inAnHour() });
  expect((await store.find(user(1)))?.consent).toBe('twoWay');
  expect((await store.find(user(1)))?.accessToken()).toBe('tok-1');
  expect(await store.find(user(2))).toBeUndefined();
  expect(await store.find(user(2))).toBeUndefined();
  expect(reads.reads()).toBe(2);
  // Any statement through the thread, even one that changes nothing of this table, makes the next find read again.
  await database.db.updateTable('connections').set({ consent: 'linkedInToMicrosoft' }).execute();
  expect((await store.find(user(1)))?.consent).toBe('linkedInToMicrosoft');
  expect(reads.reads()).toBe(3);
});

test('two instances on one embedded database: a disconnect through one is honoured by the next find on the other', async () => {
  const [first, second] = [storeOver(embedded), storeOver(embedded)];
  await first.save(user(3), { consent: 'twoWay', accessToken: 'tok-3', tokenExpiresAt: inAnHour() });
  expect((await second.find(user(3)))?.consent).toBe('twoWay');
  expect((await first.find(user(3)))?.consent).toBe('twoWay');
  expect(await second.remove(user(3))).toBe(true);
  expect(await first.find(user(3))).toBeUndefined();
  // And connected again through the other: seen at once.
  await first.save(user(3), { consent: 'linkedInToMicrosoft', accessToken: 'tok-3b', tokenExpiresAt: inAnHour() });
  expect((await second.find(user(3)))?.consent).toBe('linkedInToMicrosoft');
  // A row deleted by any statement (an admin's erase, a test), not only by the store.
  await database.db.deleteFrom('connections').execute();
  expect(await second.find(user(3))).toBeUndefined();
});

test('a write that completes while a read is on its way: the read answers, but what it returned is not kept', async () => {
  await storeOver(embedded).save(user(4), { consent: 'twoWay', accessToken: 'tok-4', tokenExpiresAt: inAnHour() });
  // The read is held until the test lets it answer; the count of writes is the test's.
  let count = 0;
  let release: () => void = () => undefined;
  let arrived: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const answered = new Promise<void>((resolve) => (arrived = resolve));
  const store = storeOver({
    read: async (sql, params) => {
      const rows = await embedded.read(sql, params);
      arrived();
      await held;
      return rows as never[];
    },
    writes: () => count,
  });
  const finding = store.find(user(4));
  await answered;
  // The disconnect completes (the thread counts it) after the read was asked for, before its answer arrives.
  await database.db.deleteFrom('connections').execute();
  count += 1;
  release();
  expect((await finding)?.consent).toBe('twoWay');
  expect(await store.find(user(4))).toBeUndefined();
});
