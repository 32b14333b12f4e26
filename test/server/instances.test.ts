import { openDatabase, type DatabaseHandle } from '../../server/db/database';
import { startEntraStandIn, type EntraStandIn } from '../../dev/standins/entraIssuer';
import type { LinkedInStandIn } from '../../dev/standins/linkedinProvider';
import { startStandIn } from './support/linkedin';
import { freshTestDatabase } from './support/pgliteTemplate';
import type { TestService } from './support/service';
import { expectConnectionShared, type InstanceCall } from './support/sharedConnection';
import { complete, completion, newAttempt, runDialog, startSignInService } from './support/signIn';

/**
 * Several instances of the service on one database (.ci/run: PostgreSQL, each instance with its own connection pool,
 * as separate processes would have; npm test: one embedded database shared by two instances). Nothing about a user's
 * connection may live in one instance only: a connection made through one is seen by the other, and a disconnect
 * through the other is honoured by the first at once, even after the first has answered that user (its verified-token
 * memory and its LinkedIn member cache warm).
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
let standIn: LinkedInStandIn;
let entra: EntraStandIn;
let databases: DatabaseHandle[];
let first: TestService;
let second: TestService;

beforeAll(async () => {
  [standIn, entra] = await Promise.all([startStandIn(), startEntraStandIn('test')]);
  if (onPostgres) {
    databases = await Promise.all([
      openDatabase({ databaseUrl: process.env.DATABASE_URL }),
      openDatabase({ databaseUrl: process.env.DATABASE_URL }),
    ]);
  } else {
    const shared = await freshTestDatabase();
    databases = [shared, shared];
  }
  for (const table of ['connections', 'audit_trail', 'pending_sign_ins'] as const) await databases[0]?.db.deleteFrom(table).execute();
  [first, second] = await Promise.all(databases.map((database) => startSignInService(standIn, { database, entra })));
}, 180_000);
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
  await Promise.all([...new Set(databases)].map((database) => database.close()));
  await Promise.all([standIn.close(), entra.close()]);
});

const call: InstanceCall = async (instance, method, url, body) => {
  const service = instance === 'first' ? first : second;
  const response = await service.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${await service.token()}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  return { status: response.statusCode, json: response.json<Record<string, unknown>>() };
};

test(`${onPostgres ? 'PostgreSQL, two pools' : 'one embedded database'}: connected through one, seen by the other; disconnected through the other, honoured by the first at once`, async () => {
  expect(databases[0]?.kind).toBe(onPostgres ? 'postgres' : 'pglite');
  // Connect through the first instance: the LinkedIn sign-in, its callback and the completion all go to it.
  const attempt = newAttempt('twoWay');
  const { dialog } = await runDialog(first, attempt);
  const completed = await complete(first, completion(attempt, dialog?.searchParams.get('code') ?? ''));
  expect(completed.statusCode).toBe(200);

  await expectConnectionShared(call);
});
