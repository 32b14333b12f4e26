import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import { createTokenCipher } from '../../server/crypto/tokenCipher';
import { NewerDatabaseError, openDatabase, type Database } from '../../server/db/database';
import { MIGRATIONS } from '../../server/db/migrations';
import { PgliteDialect } from '../../server/db/pgliteDialect';
import { startEmbeddedPostgres } from '../../server/db/pgliteThread';
import { connectionContext } from '../../server/crypto/tokenContexts';
import { person, storeFor } from './support/held';

/**
 * Upgrading: a database made by the previous release (its migrations only, its rows) opens under this one, is
 * migrated, and keeps every connection; a database a later release migrated is refused with what to do (roll back from
 * the backup). At each release, add its migrations here as the new previous release.
 */
const PREVIOUS_RELEASE = { version: '0.1.0', migrations: ['0001_connections_and_audit', '0002_pending_sign_ins'] };
const cipher = createTokenCipher([{ id: 'k1', key: Buffer.alloc(32, 1) }]);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The folder as the previous release left it: its schema, two connections and their audit trail. */
async function previousReleaseDatabase(folder: string): Promise<void> {
  const db = new Kysely<Database>({ dialect: new PgliteDialect(await startEmbeddedPostgres(folder)) });
  const migrations = Object.fromEntries(PREVIOUS_RELEASE.migrations.map((name) => [name, MIGRATIONS[name]]));
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error("the previous release's migrations failed");
  // As release 0.1.0 wrote them: a connection row (the token sealed for its owner) and its audit entry.
  for (const n of [1, 2]) {
    const { tenantId, objectId } = person(n);
    await db
      .insertInto('connections')
      .values({
        tenant_id: tenantId,
        object_id: objectId,
        consent: 'twoWay',
        token_ciphertext: cipher.encrypt(`token-${n}`, connectionContext(person(n))),
        token_expires_at: new Date(Date.now() + 86_400_000),
        connected_at: new Date(),
      })
      .execute();
    await db.insertInto('audit_trail').values({ tenant_id: tenantId, object_id: objectId, event: 'connect', consent: 'twoWay' }).execute();
  }
  await db.destroy();
}

test(`a database made by release ${PREVIOUS_RELEASE.version} is migrated and keeps its connections`, async () => {
  const folder = join(dir, 'db');
  await previousReleaseDatabase(folder);
  const upgraded = await openDatabase({ pgliteDir: folder });
  try {
    const applied = await upgraded.db
      .selectFrom(sql.table('kysely_migration').as('m'))
      .select(sql<string>`name`.as('name'))
      .execute();
    expect(applied.map((row) => row.name).sort()).toEqual(Object.keys(MIGRATIONS).sort());
    const store = storeFor(upgraded, [{ id: 'k1', key: Buffer.alloc(32, 1) }]).connections;
    expect((await store.find(person(1)))?.accessToken()).toBe('token-1');
    expect((await store.find(person(2)))?.consent).toBe('twoWay');
    expect(await upgraded.db.selectFrom('audit_trail').select('event').execute()).toEqual([{ event: 'connect' }, { event: 'connect' }]);
  } finally {
    await upgraded.close();
  }
}, 180_000);

test('a database a later release migrated is not opened: rolling back means its backup', async () => {
  const folder = join(dir, 'db');
  const database = await openDatabase({ pgliteDir: folder });
  await sql`insert into kysely_migration (name, timestamp) values ('9999_from_a_later_release', now()::text)`.execute(database.db);
  await database.close();
  const refused = openDatabase({ pgliteDir: folder });
  await expect(refused).rejects.toBeInstanceOf(NewerDatabaseError);
  await expect(refused).rejects.toThrow('its migration 9999_from_a_later_release is unknown to this one');
}, 180_000);
