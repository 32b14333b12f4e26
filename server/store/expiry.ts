import type { Kysely } from 'kysely';
import type { EntraUser } from '../auth/entraVerifier';
import type { Database } from '../db/schema';

/** LinkedIn's access tokens last 60 days and come with no refresh token: past `tokenExpiresAt` a connection is expired. */
export function isExpired(connection: { tokenExpiresAt: Date }, now: Date = new Date()): boolean {
  return connection.tokenExpiresAt.getTime() <= now.getTime();
}

/**
 * Records, once, that the user's connection lapsed: marks the row and writes the audit trail's `expire` entry in one
 * transaction (tenant and object id only). The row, its consent and the ciphertext stay until the user reconnects or
 * disconnects, so the pane can offer Reconnect with the same choice. Returns whether this call recorded it. Written
 * through the connection store (its `recordExpiry`), like every other write of a connection.
 */
export async function recordExpiry(db: Kysely<Database>, user: EntraUser, now: Date = new Date()): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const marked = await tx
      .updateTable('connections')
      .set({ expired_at: now })
      .where('tenant_id', '=', user.tenantId)
      .where('object_id', '=', user.objectId)
      .where('expired_at', 'is', null)
      .where('token_expires_at', '<=', now)
      .returning('consent')
      .executeTakeFirst();
    if (!marked) return false;
    await tx
      .insertInto('audit_trail')
      .values({ tenant_id: user.tenantId, object_id: user.objectId, event: 'expire', consent: marked.consent })
      .execute();
    return true;
  });
}
