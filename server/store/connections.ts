import type { Kysely } from 'kysely';
import type { EntraUser } from '../auth/entraVerifier';
import type { TokenCipher } from '../crypto/tokenCipher';
import type { AuditEvent, Database } from '../db/schema';
import { createReadBatcher } from './readBatcher';

export type ConnectionConsent = 'linkedInToMicrosoft' | 'twoWay';

/** A stored connection as the service uses it: the token is decrypted only on request, never logged or sent out. */
export interface StoredConnection {
  consent: ConnectionConsent;
  connectedAt: Date;
  tokenExpiresAt: Date;
  /** Decrypts the LinkedIn access token. */
  accessToken: () => string;
}

export interface NewConnection {
  consent: ConnectionConsent;
  accessToken: string;
  tokenExpiresAt: Date;
  connectedAt?: Date;
}

/** The connections table, per Entra user (tid + oid), with the audit trail written in the same transaction. */
export interface ConnectionStore {
  find: (user: EntraUser) => Promise<StoredConnection | undefined>;
  /** Stores (or replaces) the user's connection: the row and its audit entry are written whole or not at all. */
  save: (user: EntraUser, connection: NewConnection) => Promise<StoredConnection>;
  /**
   * Deletes the user's connection and consent. Returns the token that was stored (for a best-effort revoke at
   * LinkedIn), or undefined when there was none.
   */
  remove: (user: EntraUser, event?: Extract<AuditEvent, 'disconnect' | 'expire'>) => Promise<string | undefined>;
}

const contextOf = (user: EntraUser) => `${user.tenantId}:${user.objectId}`;

export function createConnectionStore(db: Kysely<Database>, cipher: TokenCipher): ConnectionStore {
  const toStored = (
    user: EntraUser,
    row: { consent: ConnectionConsent; connected_at: Date; token_expires_at: Date; token_ciphertext: string },
  ) => ({
    consent: row.consent,
    connectedAt: new Date(row.connected_at),
    tokenExpiresAt: new Date(row.token_expires_at),
    accessToken: () => cipher.decrypt(row.token_ciphertext, contextOf(user)),
  });
  // Every call is authorised by the caller's connection: concurrent reads go out together (readBatcher.ts).
  const findRows = createReadBatcher(async (users: readonly EntraUser[]) => {
    const rows = await db
      .selectFrom('connections')
      .select(['tenant_id', 'object_id', 'consent', 'connected_at', 'token_expires_at', 'token_ciphertext'])
      .where((eb) =>
        eb(
          eb.refTuple('tenant_id', 'object_id'),
          'in',
          users.map((user) => eb.tuple(user.tenantId, user.objectId)),
        ),
      )
      .execute();
    return new Map(rows.map((row) => [`${row.tenant_id}:${row.object_id}`, row]));
  }, contextOf);
  return {
    async find(user) {
      const row = await findRows(user);
      return row ? toStored(user, row) : undefined;
    },
    async save(user, connection) {
      const row = {
        tenant_id: user.tenantId,
        object_id: user.objectId,
        consent: connection.consent,
        token_ciphertext: cipher.encrypt(connection.accessToken, contextOf(user)),
        token_expires_at: connection.tokenExpiresAt,
        connected_at: connection.connectedAt ?? new Date(),
      };
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('connections')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'object_id']).doUpdateSet({
              consent: row.consent,
              token_ciphertext: row.token_ciphertext,
              token_expires_at: row.token_expires_at,
              connected_at: row.connected_at,
              expired_at: null,
            }),
          )
          .execute();
        await tx
          .insertInto('audit_trail')
          .values({ tenant_id: user.tenantId, object_id: user.objectId, event: 'connect', consent: connection.consent })
          .execute();
      });
      return toStored(user, row);
    },
    async remove(user, event = 'disconnect') {
      return db.transaction().execute(async (tx) => {
        const deleted = await tx
          .deleteFrom('connections')
          .where('tenant_id', '=', user.tenantId)
          .where('object_id', '=', user.objectId)
          .returning(['token_ciphertext', 'consent'])
          .executeTakeFirst();
        if (!deleted) return undefined;
        await tx
          .insertInto('audit_trail')
          .values({ tenant_id: user.tenantId, object_id: user.objectId, event, consent: deleted.consent })
          .execute();
        try {
          return cipher.decrypt(deleted.token_ciphertext, contextOf(user));
        } catch {
          return undefined;
        }
      });
    },
  };
}
