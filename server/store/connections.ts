import { CompiledQuery, type Kysely } from 'kysely';
import type { EntraUser } from '../auth/entraVerifier';
import { decryptOrUndefined, type TokenCipher } from '../crypto/tokenCipher';
import { connectionContext } from '../crypto/tokenContexts';
import type { EmbeddedPostgres } from '../db/pgliteThread';
import type { AuditEvent, Database } from '../db/schema';
import { recordExpiry } from './expiry';
import { createReadBatcher } from './readBatcher';
import type { RevocationQueue } from './revocationQueue';
import { unchangedReads } from './unchangedReads';

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
  /** The revoke queued when the sign-in's token was redeemed (its safety net): withdrawn as the connection is stored. */
  queuedRevocation?: string;
}

/** The connections table, per Entra user (tid + oid), with the audit trail written in the same transaction. */
export interface ConnectionStore {
  find: (user: EntraUser) => Promise<StoredConnection | undefined>;
  /**
   * Stores (or replaces) the user's connection: the row and its audit entry are written whole or not at all. A token
   * it replaces is queued for revocation in the same transaction, and LinkedIn asked at once.
   */
  save: (user: EntraUser, connection: NewConnection) => Promise<StoredConnection>;
  /**
   * Deletes the user's connection and consent; its token is queued for revocation in the same transaction, and
   * LinkedIn asked at once (a revoke it does not confirm is tried again: linkedin/revocations.ts). Returns whether
   * there was a connection.
   */
  remove: (user: EntraUser, event?: Extract<AuditEvent, 'disconnect' | 'expire'>) => Promise<boolean>;
  /** Records, once, that the user's connection lapsed (store/expiry.ts); returns whether this call recorded it. */
  recordExpiry: (user: EntraUser, now?: Date) => Promise<boolean>;
}

/**
 * The store. `embedded`: the embedded database's thread, when the store is over it (db/pgliteThread.ts): the callers'
 * connections read from it are kept while nothing in the database has changed (unchangedReads.ts), so a lookup costs
 * no round trip to the database's thread until any write goes through it.
 */
export function createConnectionStore(
  db: Kysely<Database>,
  cipher: TokenCipher,
  revocations: RevocationQueue,
  embedded?: Pick<EmbeddedPostgres, 'read' | 'writes'>,
): ConnectionStore {
  const toStored = (
    user: EntraUser,
    row: { consent: ConnectionConsent; connected_at: Date; token_expires_at: Date; token_ciphertext: string },
  ) => ({
    consent: row.consent,
    connectedAt: new Date(row.connected_at),
    tokenExpiresAt: new Date(row.token_expires_at),
    accessToken: () => cipher.decrypt(row.token_ciphertext, connectionContext(user)),
  });
  const openToken = (ciphertext: string, user: EntraUser) => decryptOrUndefined(cipher, ciphertext, connectionContext(user));
  const findRow = connectionReader(db, embedded);
  return {
    async find(user) {
      const row = await findRow(user);
      return row ? toStored(user, row) : undefined;
    },
    async save(user, connection) {
      const row = {
        tenant_id: user.tenantId,
        object_id: user.objectId,
        consent: connection.consent,
        token_ciphertext: cipher.encrypt(connection.accessToken, connectionContext(user)),
        token_expires_at: connection.tokenExpiresAt,
        connected_at: connection.connectedAt ?? new Date(),
      };
      const replaced = await db.transaction().execute(async (tx) => {
        const previous = await findForUpdate(tx, user);
        await upsert(tx, row);
        if (connection.queuedRevocation) await revocations.cancel(tx, connection.queuedRevocation);
        const old = previous && openToken(previous.token_ciphertext, user);
        if (!previous || old === undefined || old === connection.accessToken) return undefined;
        return revocations.queue(tx, { accessToken: old, expiresAt: new Date(previous.token_expires_at), reason: 'reconnect' });
      });
      await revocations.attempt([replaced]);
      return toStored(user, row);
    },
    async remove(user, event = 'disconnect') {
      const result = await db.transaction().execute(async (tx) => {
        const deleted = await tx
          .deleteFrom('connections')
          .where('tenant_id', '=', user.tenantId)
          .where('object_id', '=', user.objectId)
          .returning(['token_ciphertext', 'token_expires_at', 'consent'])
          .executeTakeFirst();
        if (!deleted) return undefined;
        await tx
          .insertInto('audit_trail')
          .values({ tenant_id: user.tenantId, object_id: user.objectId, event, consent: deleted.consent })
          .execute();
        const token = openToken(deleted.token_ciphertext, user);
        const revocation =
          token === undefined
            ? undefined
            : await revocations.queue(tx, { accessToken: token, expiresAt: new Date(deleted.token_expires_at), reason: 'disconnect' });
        return { revocation };
      });
      if (!result) return false;
      await revocations.attempt([result.revocation]);
      return true;
    },
    recordExpiry: (user, now) => recordExpiry(db, user, now),
  };
}

/** How many callers' connections the embedded database's reads keep (a pilot's few thousand people fit many times). */
const KEPT_CONNECTIONS = 10_000;

/**
 * Reads a caller's connection row. Every call is authorised by it: concurrent reads go out together (readBatcher.ts),
 * as one statement whose text never changes (the users travel as one JSON parameter). On the embedded database, a
 * read-only one, and what it returns is kept until the database changes (the count taken before the read is asked for).
 */
function connectionReader(db: Kysely<Database>, embedded: Pick<EmbeddedPostgres, 'read' | 'writes'> | undefined) {
  const readRows = async (users: readonly EntraUser[]) => {
    const wanted = JSON.stringify(users.map((user) => ({ tenant_id: user.tenantId, object_id: user.objectId })));
    const rows = embedded
      ? await embedded.read<ConnectionRow>(READ_CONNECTIONS, [wanted])
      : (await db.executeQuery<ConnectionRow>(CompiledQuery.raw(READ_CONNECTIONS, [wanted]))).rows;
    return new Map(rows.map((row) => [`${row.tenant_id}:${row.object_id}`, row]));
  };
  const findRows = createReadBatcher(readRows, connectionContext);
  if (!embedded) return findRows;
  const kept = unchangedReads<ConnectionRow | undefined>(embedded.writes, KEPT_CONNECTIONS);
  return async (user: EntraUser): Promise<ConnectionRow | undefined> => {
    const key = connectionContext(user);
    const count = kept.count();
    const known = kept.get(key, count);
    if (known) return known.value;
    const row = await findRows(user);
    kept.keep(key, count, row);
    return row;
  };
}

/** The connections of the users in a JSON array of { tenant_id, object_id } ($1): one statement for any number. */
const READ_CONNECTIONS = `
  select c.tenant_id, c.object_id, c.consent, c.connected_at, c.token_expires_at, c.token_ciphertext
    from connections c
    join json_to_recordset($1::json) as wanted(tenant_id text, object_id text)
      on c.tenant_id = wanted.tenant_id and c.object_id = wanted.object_id`;

/** The user's row, locked until the transaction ends (a concurrent save or remove waits for this one). */
function findForUpdate(tx: Kysely<Database>, user: EntraUser) {
  return tx
    .selectFrom('connections')
    .select(['token_ciphertext', 'token_expires_at'])
    .where('tenant_id', '=', user.tenantId)
    .where('object_id', '=', user.objectId)
    .forUpdate()
    .executeTakeFirst();
}

interface ConnectionRow {
  tenant_id: string;
  object_id: string;
  consent: ConnectionConsent;
  token_ciphertext: string;
  token_expires_at: Date;
  connected_at: Date;
}

/** Writes the user's connection (replacing any) and its `connect` audit entry, in the caller's transaction. */
async function upsert(tx: Kysely<Database>, row: ConnectionRow): Promise<void> {
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
    .values({ tenant_id: row.tenant_id, object_id: row.object_id, event: 'connect', consent: row.consent })
    .execute();
}
