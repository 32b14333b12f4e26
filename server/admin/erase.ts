import { sql, type Kysely } from 'kysely';
import { decryptOrUndefined, type TokenCipher } from '../crypto/tokenCipher';
import { connectionContext, pendingSignInContext } from '../crypto/tokenContexts';
import type { DatabaseHandle } from '../db/database';
import type { Database } from '../db/schema';
import type { WindowKey } from '../http/rateLimitStore';
import type { RevocationQueue } from '../store/revocationQueue';
import type { Person } from './people';

/**
 * Erasing a person (`npm run admin -- erase-user`, a GDPR erasure request) or everyone (`erase-all`, uninstall). In one
 * transaction: their connection, their audit trail, their rate limit's current minute and every sign-in in progress
 * (a sign-in names no one until it completes — no e-mail, no Entra token on LinkedIn's pages — so which is theirs
 * cannot be told; each lasts at most 15 minutes and whoever was connecting starts again); every LinkedIn token dropped
 * is queued for revocation in that same transaction (linkedin/revocations.ts: the queue holds it sealed, naming no
 * one) and LinkedIn is asked at once. A revoke LinkedIn does not confirm waits in the queue, which the service retries;
 * erasing everyone empties the queue too (the service is going), and says how many LinkedIn did not confirm.
 */
export interface ErasureReport {
  connections: number;
  auditRows: number;
  pendingSignIns: number;
  /** LinkedIn tokens dropped (those already lapsed need no revoke). */
  tokens: number;
  /** Revokes LinkedIn confirmed. */
  revoked: number;
  /** Revokes LinkedIn did not confirm: waiting in the queue (erase-user), or dropped with it (erase-all). */
  unconfirmed: number;
}

interface Dropped {
  sealed: string;
  context: string;
  expiresAt: Date;
}

/** What erasing needs of the service: its cipher, its revocation queue, and how its rate limits name a client. */
export interface ErasureTools {
  cipher: TokenCipher;
  queue: RevocationQueue;
  windowKey: WindowKey;
}

export async function erasePerson(handle: DatabaseHandle, tools: ErasureTools, person: Person): Promise<ErasureReport> {
  const report = await erase(handle, tools, person);
  await compact(handle);
  return report;
}

export async function eraseEverything(handle: DatabaseHandle, tools: ErasureTools): Promise<ErasureReport> {
  const report = await erase(handle, tools, undefined);
  await handle.db.deleteFrom('revocations').execute();
  await compact(handle);
  return report;
}

async function erase(handle: DatabaseHandle, tools: ErasureTools, person: Person | undefined): Promise<ErasureReport> {
  const { cipher, queue, windowKey } = tools;
  const { report, queued } = await handle.db.transaction().execute(async (tx) => {
    const deleted = await deleteHeld(tx, person, windowKey);
    const dropped = [...connectionTokens(deleted.connections), ...pendingTokens(deleted.pending)];
    const ids: string[] = [];
    for (const token of dropped) {
      const accessToken = decryptOrUndefined(cipher, token.sealed, token.context);
      const id = accessToken && (await queue.queue(tx, { accessToken, expiresAt: token.expiresAt, reason: 'erase' }));
      if (id) ids.push(id);
    }
    const counts = { connections: deleted.connections.length, auditRows: deleted.auditRows, pendingSignIns: deleted.pending.length };
    return { report: { ...counts, tokens: dropped.length }, queued: ids };
  });
  await queue.attempt(queued);
  const unconfirmed =
    queued.length === 0 ? 0 : (await handle.db.selectFrom('revocations').select('id').where('id', 'in', queued).execute()).length;
  return { ...report, revoked: queued.length - unconfirmed, unconfirmed };
}

/** Deletes the person's rows (or everyone's), returning what held a token. */
async function deleteHeld(tx: Kysely<Database>, person: Person | undefined, windowKey: WindowKey) {
  const objectId = person?.objectId ?? '';
  const tenantId = person?.tenantId ?? '';
  const connections = await tx
    .deleteFrom('connections')
    .$if(person !== undefined, (q) => q.where('object_id', '=', objectId))
    .$if(person?.tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId))
    .returning(['tenant_id', 'object_id', 'token_ciphertext', 'token_expires_at'])
    .execute();
  const audit = await tx
    .deleteFrom('audit_trail')
    .$if(person !== undefined, (q) => q.where('object_id', '=', objectId))
    .$if(person?.tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId))
    .returning('tenant_id')
    .execute();
  const pending = await tx.deleteFrom('pending_sign_ins').returning(['id', 'token_ciphertext', 'token_expires_at']).execute();
  // Their rate limit's current minute (keyed by a pseudonym of tenant and object id, in every tenant they were seen in);
  // erasing everyone clears every window.
  const tenants = [...new Set([...connections, ...audit].map((row) => row.tenant_id).concat(person?.tenantId ?? []))];
  const windows = tenants.map((tenant) => windowKey('per-user', `user:${tenant}:${objectId}`));
  if (person === undefined) await tx.deleteFrom('rate_limit_windows').execute();
  else if (windows.length > 0) await tx.deleteFrom('rate_limit_windows').where('key', 'in', windows).execute();
  return { connections, auditRows: audit.length, pending };
}

const connectionTokens = (
  rows: Array<{ tenant_id: string; object_id: string; token_ciphertext: string; token_expires_at: Date }>,
): Dropped[] =>
  rows.map((row) => ({
    sealed: row.token_ciphertext,
    context: connectionContext({ tenantId: row.tenant_id, objectId: row.object_id }),
    expiresAt: new Date(row.token_expires_at),
  }));

const pendingTokens = (rows: Array<{ id: string; token_ciphertext: string | null; token_expires_at: Date | null }>): Dropped[] =>
  rows.flatMap((row) =>
    row.token_ciphertext && row.token_expires_at
      ? [{ sealed: row.token_ciphertext, context: pendingSignInContext(row.id), expiresAt: new Date(row.token_expires_at) }]
      : [],
  );

/**
 * On the embedded database the deleted rows' bytes leave the folder at once: the audit trail and the rate-limit
 * windows rewritten (VACUUM FULL), then the service's own purge of the token tables and the write-ahead log
 * (db/purgeDeleted.ts: VACUUM FULL, a WAL switch, a checkpoint; every erasure deletes from pending_sign_ins, so the
 * purge always has work). On PostgreSQL the server's own vacuum reclaims them (README: what a managed server keeps).
 */
async function compact(handle: DatabaseHandle): Promise<void> {
  if (handle.kind !== 'pglite') return;
  await sql`vacuum full audit_trail, rate_limit_windows`.execute(handle.db);
  await handle.purge?.run();
}
