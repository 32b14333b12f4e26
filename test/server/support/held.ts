import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import Fastify from 'fastify';
import type { ErasureTools } from '../../../server/admin/erase';
import { connectionStoreFor } from '../../../server/linkedin/connections';
import type { EncryptionKey } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/database';
import { windowKeys } from '../../../server/http/rateLimitStore';
import { createPendingSignIns } from '../../../server/linkedin/pendingSignIns';
import type { Revoke } from '../../../server/linkedin/revocations';

/** What the service holds in the tests of the admin's commands: connections, their audit trail, sign-ins in progress. */
export const TENANT = '11111111-2222-4333-8444-555555555555';
export const person = (n: number) => ({ tenantId: TENANT, objectId: `0000000${n}-1b1b-4c2c-8d3d-4e4e4e4e4e4e`, groups: undefined });

/** Every table of the service's schema (whatever later migrations add). */
export async function tablesOf(handle: DatabaseHandle): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(handle.db);
  return rows.map((row) => row.table_name);
}

/**
 * The rows, in any table, whose text holds `needle` (a whole row cast to text: every column, present and future):
 * `select count(*) from <table> as r where r::text like '%' || $1 || '%'`, per table. Empty: nothing of it is left.
 */
export async function rowsNaming(handle: DatabaseHandle, needle: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of await tablesOf(handle)) {
    const { rows } = await sql<{ n: string | number }>`
      select count(*) as n from ${sql.table(table)} as r where r::text like '%' || ${needle} || '%'`.execute(handle.db);
    if (Number(rows[0]?.n) > 0) found[table] = Number(rows[0]?.n);
  }
  return found;
}

/** Empties the service's tables (a PostgreSQL server is shared by the test files that run on it, one at a time). */
export async function emptyTables(handle: DatabaseHandle): Promise<void> {
  for (const table of ['connections', 'audit_trail', 'pending_sign_ins', 'rate_limit_windows', 'revocations'] as const)
    await handle.db.deleteFrom(table).execute();
}

/** Person n's calls this minute, as the per-user rate limit counts them in the database (keyed by a pseudonym). */
export async function recentCalls(handle: DatabaseHandle, keys: readonly EncryptionKey[], n: number): Promise<string> {
  const { tenantId, objectId } = person(n);
  const key = windowKeys(keys[0] ?? { id: '', key: Buffer.alloc(0) })('per-user', `user:${tenantId}:${objectId}`);
  await handle.db.insertInto('rate_limit_windows').values({ key, hits: 3 }).execute();
  return key;
}

/** What the admin's erasure needs, as the service has it (default: LinkedIn confirms every revoke). */
export function toolsFor(handle: DatabaseHandle, keys: readonly EncryptionKey[], revoke?: Revoke): ErasureTools {
  const { cipher, revocations } = storeFor(handle, keys, revoke);
  return { cipher, queue: revocations, windowKey: windowKeys(keys[0] ?? { id: '', key: Buffer.alloc(0) }) };
}

/**
 * The service's connection store and revocation queue over a database with these keys, revoking with `revoke`
 * (default: LinkedIn confirms every revoke; these tokens are made up).
 */
export const storeFor = (handle: DatabaseHandle, keys: readonly EncryptionKey[], revoke: Revoke = async () => undefined) =>
  connectionStoreFor(handle, { encryptionKeys: keys, linkedin: undefined }, Fastify({ logger: false }).log, revoke);

/** Connects person n (a connect and, when `twice`, a reconnect: two audit rows) with LinkedIn token `token-<n>`. */
export async function connect(handle: DatabaseHandle, keys: readonly EncryptionKey[], n: number, twice = false): Promise<void> {
  const store = storeFor(handle, keys).connections;
  const tokenExpiresAt = new Date(Date.now() + 60 * 86_400_000);
  await store.save(person(n), { consent: 'linkedInToMicrosoft', accessToken: `token-${n}`, tokenExpiresAt });
  if (twice) await store.save(person(n), { consent: 'twoWay', accessToken: `token-${n}`, tokenExpiresAt });
}

/** A sign-in LinkedIn has answered but the pane has not completed: it holds LinkedIn's token `pending-token`. */
export async function pendingSignIn(handle: DatabaseHandle, keys: readonly EncryptionKey[]): Promise<void> {
  const { cipher, revocations } = storeFor(handle, keys);
  const pending = createPendingSignIns(handle.db, cipher, revocations);
  const linkedInState = randomBytes(24).toString('base64url');
  const now = new Date();
  const request = {
    paneState: randomBytes(24).toString('base64url'),
    codeChallenge: randomBytes(32).toString('base64url'),
    consent: 'twoWay' as const,
    redirectUri: 'https://addins.contoso.com/linkedin/dialog.html',
  };
  await pending.begin(request, linkedInState, randomBytes(16).toString('base64url'), now, cipher.pseudonym('127.0.0.1', 'sign-in client'));
  const answered = await pending.claimLinkedInAnswer(linkedInState, now);
  if (!answered) throw new Error('the pending sign-in was not stored');
  await pending.issueCode(answered, randomBytes(24).toString('base64url'), 'pending-token', new Date(now.getTime() + 86_400_000), now);
}
