import { eraseEverything, erasePerson } from '../../server/admin/erase';
import { countHeld, exportPerson } from '../../server/admin/people';
import { openDatabase, type DatabaseHandle } from '../../server/db/database';
import type { Revoke } from '../../server/linkedin/revocations';
import { connect, emptyTables, pendingSignIn, person, recentCalls, rowsNaming, tablesOf, TENANT, toolsFor } from './support/held';
import { freshTestDatabase } from './support/pgliteTemplate';
import { KEY } from './support/service';

/**
 * The admin's commands on what the service holds (`npm run admin -- export-user | erase-user | erase-all | counts`), on
 * the embedded database (npm test) and on PostgreSQL (.ci/run sets DATABASE_URL): a person erased leaves nothing that
 * names them in any table, and every LinkedIn token dropped goes through the service's revocation queue: LinkedIn is
 * asked at once, and what it does not confirm waits in the queue (sealed, naming no one) for the service's retries.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const keys = [{ id: 'k1', key: Buffer.from(KEY, 'base64') }];
let handle: DatabaseHandle;
let revoked: string[];
const revoke: Revoke = async (token) => void revoked.push(token);
const tools = (with_ = revoke) => toolsFor(handle, keys, with_);
let windows: string[];

beforeEach(async () => {
  handle = onPostgres ? await openDatabase({ databaseUrl: process.env.DATABASE_URL }) : await freshTestDatabase();
  await emptyTables(handle);
  revoked = [];
  await connect(handle, keys, 1, true);
  await connect(handle, keys, 2);
  await pendingSignIn(handle, keys);
  windows = [await recentCalls(handle, keys, 1), await recentCalls(handle, keys, 2)];
}, 180_000);
afterEach(() => handle.close());

test(`on ${onPostgres ? 'PostgreSQL' : 'the embedded database'}: export says what is held about one person, never the token`, async () => {
  const held = await exportPerson(handle.db, { objectId: person(1).objectId });
  expect(held.connections).toEqual([expect.objectContaining({ tenantId: TENANT, consent: 'twoWay', expiredAt: null })]);
  expect(held.connections[0]?.linkedInToken).toMatch(/^held, sealed \(AES-256-GCM\) with key k1/);
  expect(held.auditTrail.map((row) => [row.event, row.consent])).toEqual([
    ['connect', 'linkedInToMicrosoft'],
    ['connect', 'twoWay'],
  ]);
  expect(JSON.stringify(held)).not.toMatch(/token-1|v1\.k1\./);
  expect(
    (await exportPerson(handle.db, { objectId: person(1).objectId, tenantId: '99999999-2222-4333-8444-555555555555' })).connections,
  ).toEqual([]);
});

test('erase one person: nothing in any table names them, their token and the pending sign-in are revoked, the others stay', async () => {
  const oid = person(1).objectId;
  expect(await rowsNaming(handle, oid)).toEqual({ audit_trail: 2, connections: 1 });
  const report = await erasePerson(handle, tools(), { objectId: oid });
  expect(report).toEqual({ connections: 1, auditRows: 2, pendingSignIns: 1, tokens: 2, revoked: 2, unconfirmed: 0 });
  expect(revoked.sort()).toEqual(['pending-token', 'token-1']);
  expect(await rowsNaming(handle, oid)).toEqual({});
  expect(await rowsNaming(handle, person(2).objectId)).toEqual({ audit_trail: 1, connections: 1 });
  // Their rate limit's window (keyed by a pseudonym, so no row names them as text) is gone; the other person's stays.
  expect((await handle.db.selectFrom('rate_limit_windows').select('key').execute()).map((row) => row.key)).toEqual([windows[1]]);
  expect((await countHeld(handle.db)).connections.total).toBe(1);
});

test('erase everything: every table of the service empty, every token revoked', async () => {
  const report = await eraseEverything(handle, tools());
  expect(report).toEqual({ connections: 2, auditRows: 3, pendingSignIns: 1, tokens: 3, revoked: 3, unconfirmed: 0 });
  expect(revoked.sort()).toEqual(['pending-token', 'token-1', 'token-2']);
  // Every row of every table but the migrations' own bookkeeping: none.
  const left = Object.keys(await rowsNaming(handle, ''));
  expect(left.filter((table) => !table.startsWith('kysely_'))).toEqual([]);
  expect((await tablesOf(handle)).length).toBeGreaterThanOrEqual(3);
  expect(await countHeld(handle.db)).toEqual({
    connections: { total: 0, twoWay: 0, linkedInToMicrosoft: 0, expired: 0 },
    auditRows: 0,
    pendingSignIns: 0,
    revocationsWaiting: 0,
    tokensPerKey: {},
  });
});

test('a LinkedIn that refuses the revoke: the erasure stands, the tokens wait in the queue naming no one, erase-all drops them', async () => {
  const refusing = tools(async () => {
    throw new Error('LinkedIn refused');
  });
  const report = await erasePerson(handle, refusing, { objectId: person(2).objectId, tenantId: TENANT });
  expect(report).toMatchObject({ connections: 1, tokens: 2, revoked: 0, unconfirmed: 2 });
  expect(await rowsNaming(handle, person(2).objectId)).toEqual({});
  expect(await handle.db.selectFrom('revocations').select('reason').execute()).toEqual([{ reason: 'erase' }, { reason: 'erase' }]);
  expect((await eraseEverything(handle, refusing)).unconfirmed).toBe(1);
  expect(await handle.db.selectFrom('revocations').selectAll().execute()).toEqual([]);
});

test('counts: how much is held, naming no one', async () => {
  const counts = await countHeld(handle.db);
  expect(counts).toEqual({
    connections: { total: 2, twoWay: 1, linkedInToMicrosoft: 1, expired: 0 },
    auditRows: 3,
    pendingSignIns: 1,
    revocationsWaiting: 0,
    tokensPerKey: { k1: 3 },
  });
  expect(JSON.stringify(counts)).not.toContain(person(1).objectId);
});
