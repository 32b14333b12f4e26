import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { EncryptionKey } from '../config';
import { assertKeysInUseConfigured, keyIdOf, SEALED_COLUMNS, tokensPerKey, type SealedColumn } from '../crypto/sealedTokens';
import { createTokenCipher, type TokenCipher } from '../crypto/tokenCipher';
import type { Database } from '../db/schema';

/**
 * `npm run keys -- new | status | rotate`: the keys that seal stored LinkedIn tokens (TOKEN_ENCRYPTION_KEYS). A key is
 * made once and kept in the service's settings; rotating puts a new key first, re-seals every stored token with it,
 * after which the old key can be removed (the service refuses to start while a key in use is missing).
 */

/** A new key as the settings line to paste: `TOKEN_ENCRYPTION_KEYS=k<UTC date and time>:<32 random bytes, base64>`. */
export function newKeyLine(now = new Date()): string {
  const id = `k${now.toISOString().slice(0, 16).replace(/[-:]/g, '')}`;
  return `TOKEN_ENCRYPTION_KEYS=${id}:${randomBytes(32).toString('base64')}`;
}

export interface RotationResult {
  /** Tokens re-sealed with the first key. */
  resealed: number;
  /** Tokens per key id afterwards. */
  after: Map<string, number>;
}

const BATCH = 500;

/** Re-seals every stored token not sealed with the first key; refuses (naming them) if a key in use is not given. */
export async function rotateKeys(db: Kysely<Database>, keys: readonly EncryptionKey[]): Promise<RotationResult> {
  await assertKeysInUseConfigured(db, keys);
  const cipher = createTokenCipher(keys);
  const current = keys[0]?.id ?? '';
  let resealed = 0;
  for (const column of SEALED_COLUMNS) {
    for (;;) {
      const done = await resealBatch(db, column, cipher, current);
      resealed += done;
      if (done < BATCH) break;
    }
  }
  return { resealed, after: await tokensPerKey(db) };
}

/** One transaction: up to BATCH values of one column re-sealed, each only if it is still the value read. */
async function resealBatch(db: Kysely<Database>, column: SealedColumn, cipher: TokenCipher, current: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const value = sql.ref(column.column);
    const { rows } = await sql<Record<string, unknown>>`
      select ${sql.join(column.key.map((k) => sql.ref(k)))}, ${value} as sealed from ${sql.table(column.table)}
      where ${value} is not null and split_part(${value}, '.', 2) <> ${current} limit ${BATCH} for update`.execute(tx);
    for (const row of rows) {
      const sealed = String(row.sealed);
      const context = column.context(row);
      const resealedValue = cipher.encrypt(cipher.decrypt(sealed, context), context);
      const match = column.key.map((k) => sql`${sql.ref(k)} = ${row[k]}`);
      await sql`update ${sql.table(column.table)} set ${value} = ${resealedValue}
        where ${sql.join(match, sql` and `)} and ${value} = ${sealed}`.execute(tx);
    }
    return rows.filter((row) => keyIdOf(String(row.sealed)) !== current).length;
  });
}
