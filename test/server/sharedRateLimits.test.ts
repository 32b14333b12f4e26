import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../server/db/database';
import { sweepRateLimitWindows } from '../../server/http/rateLimitStore';
import { startEntraStandIn, type EntraStandIn } from '../../dev/standins/entraIssuer';
import { freshTestDatabase } from './support/pgliteTemplate';
import { rowsNaming } from './support/held';
import { startTestService, type TestService } from './support/service';

/**
 * Rate limits counted in the database, as instances on one PostgreSQL count them (.ci/run runs this file on PostgreSQL;
 * npm test on the embedded database, two services over one database handle standing for two instances): a client gets
 * its limit once across both, not once per instance. With the in-memory store each instance would allow it again.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const PER_IP = 6;
const PER_USER = 4;
let database: DatabaseHandle;
let entra: EntraStandIn;
let instances: TestService[];

beforeEach(async () => {
  database = onPostgres ? await openDatabase({ databaseUrl: process.env.DATABASE_URL }) : await freshTestDatabase();
  await database.db.deleteFrom('rate_limit_windows').execute();
  entra = await startEntraStandIn('test');
  const env = { RATE_LIMIT_PER_IP: String(PER_IP), RATE_LIMIT_PER_USER: String(PER_USER) };
  instances = await Promise.all([1, 2].map(() => startTestService({ database, entra, env, rateLimitStore: 'database' })));
}, 180_000);
afterEach(async () => {
  for (const instance of instances) await instance.close();
  await entra.close();
  await database.close();
});

const statuses = async (calls: number, call: (instance: TestService) => Promise<number>): Promise<number[]> => {
  const seen: number[] = [];
  for (let n = 0; n < calls; n += 1) seen.push(await call(instances[n % 2]));
  return seen;
};

test(`per address across two instances on ${onPostgres ? 'PostgreSQL' : 'one database'}: the limit once, then 429 on both`, async () => {
  const seen = await statuses(PER_IP + 2, async (instance) => (await instance.app.inject({ method: 'GET', url: '/healthz' })).statusCode);
  expect(seen).toEqual([...Array<number>(PER_IP).fill(200), 429, 429]);
  const refused = await instances[0].app.inject({ method: 'GET', url: '/healthz' });
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  // The window is keyed by a pseudonym: no row holds the client's address.
  expect(await database.db.selectFrom('rate_limit_windows').select('key').execute()).toEqual([
    { key: expect.stringMatching(/^per-ip\|[A-Za-z0-9_-]{43}$/) },
  ]);
  expect(await rowsNaming(database, '127.0.0.1')).toEqual({});
});

test('per user across two instances: the limit once for the user, another user unaffected', async () => {
  const [first] = instances as [TestService];
  // A user of this test's own: on PostgreSQL the database is shared with the other storage tests, whose rows name USER.
  const limited = randomUUID();
  const token = await first.token({ objectId: limited });
  const call = async (instance: TestService, bearer = token) =>
    (await instance.app.inject({ method: 'GET', url: '/api/v1/connection', headers: { authorization: `Bearer ${bearer}` } })).statusCode;
  expect(await statuses(PER_USER + 1, (instance) => call(instance))).toEqual([...Array<number>(PER_USER).fill(200), 429]);
  expect(await call(first, await first.token({ objectId: '0b0b0b0b-1b1b-4c2c-8d3d-4e4e4e4e4e4e' }))).toBe(200);
  expect(await rowsNaming(database, limited)).toEqual({});
});

test('calls at once through both instances, counted together in batches: exactly the limit answered, the rest 429', async () => {
  const [first] = instances as [TestService];
  const token = await first.token();
  const calls = 3 * PER_USER;
  const seen = await Promise.all(
    Array.from({ length: calls }, async (_, n) => {
      const instance = instances[n % 2];
      return (await instance.app.inject({ method: 'GET', url: '/api/v1/connection', headers: { authorization: `Bearer ${token}` } }))
        .statusCode;
    }),
  );
  expect(seen.filter((status) => status === 200)).toHaveLength(PER_USER);
  expect(seen.filter((status) => status === 429)).toHaveLength(calls - PER_USER);
  // Every hit counted once: all of them per address, and per user the PER_IP calls the address's limit let through.
  const { rows } = await sql<{ key: string; hits: number }>`select key, hits from rate_limit_windows order by key`.execute(database.db);
  expect(rows.map((row) => [row.key.split('|')[0], Number(row.hits)])).toEqual([
    ['per-ip', calls],
    ['per-user', PER_IP],
  ]);
});

test('finished windows are swept', async () => {
  await instances[0].app.inject({ method: 'GET', url: '/healthz' });
  await database.db
    .updateTable('rate_limit_windows')
    .set({ resets_at: new Date(Date.now() - 5 * 60_000) })
    .execute();
  expect(await sweepRateLimitWindows(database.db)).toBe(1);
  expect(await database.db.selectFrom('rate_limit_windows').selectAll().execute()).toEqual([]);
});

test('the windows are an unlogged table: a limited request writes no WAL and waits for no flush to disk at commit', async () => {
  const { rows } = await sql<{ persistence: string }>`
    select relpersistence as persistence from pg_class where relname = 'rate_limit_windows' and relkind = 'r'`.execute(database.db);
  expect(rows).toEqual([{ persistence: 'u' }]);
});
