import { sql, type Kysely } from 'kysely';
import type { EncryptionKey } from '../config';
import type { Database } from '../db/schema';
import { connectionContext, pendingSignInContext, revocationContext } from './tokenContexts';

/**
 * Every column that holds a LinkedIn token sealed with TOKEN_ENCRYPTION_KEYS (crypto/tokenCipher.ts), with the owner
 * each value is bound to (its additional data). One list for the key check at start, `keys status` and `keys rotate`:
 * a new table that stores a sealed token adds its line here, or rotation would leave it behind.
 */
export interface SealedColumn {
  table: keyof Database;
  column: 'token_ciphertext';
  /** The primary key's columns: a row is updated by them. */
  key: readonly string[];
  /** The owner the value was sealed for, from the row (its key columns). */
  context: (row: Record<string, unknown>) => string;
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    table: 'connections',
    column: 'token_ciphertext',
    key: ['tenant_id', 'object_id'],
    context: (row) => connectionContext({ tenantId: String(row.tenant_id), objectId: String(row.object_id) }),
  },
  { table: 'pending_sign_ins', column: 'token_ciphertext', key: ['id'], context: (row) => pendingSignInContext(String(row.id)) },
  { table: 'revocations', column: 'token_ciphertext', key: ['id'], context: (row) => revocationContext(String(row.id)) },
];

/** The key id a sealed value names (`v1.<keyId>.…`). */
export const keyIdOf = (sealed: string): string => sealed.split('.')[1] ?? '';

/** How many stored tokens each key id seals, over every sealed column. */
export async function tokensPerKey(db: Kysely<Database>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { table, column } of SEALED_COLUMNS) {
    const { rows } = await sql<{ key_id: string; tokens: string | number }>`
      select split_part(${sql.ref(column)}, '.', 2) as key_id, count(*) as tokens from ${sql.table(table)}
      where ${sql.ref(column)} is not null group by 1`.execute(db);
    for (const row of rows) counts.set(row.key_id, (counts.get(row.key_id) ?? 0) + Number(row.tokens));
  }
  return counts;
}

/** A key that seals stored tokens is not configured: they cannot be read, so the service does not start. */
export class KeyInUseMissingError extends Error {
  constructor(readonly missing: ReadonlyMap<string, number>) {
    const list = [...missing].map(([id, n]) => `"${id}" (${n} stored token${n === 1 ? '' : 's'})`).join(', ');
    super(
      `TOKEN_ENCRYPTION_KEYS lacks key ${list} that stored LinkedIn tokens are sealed with: they cannot be read. Put the key ` +
        'back after the current one, run `npm run keys -- rotate` (re-seals every token with the first key), then remove it.',
    );
    this.name = 'KeyInUseMissingError';
  }
}

/** Throws KeyInUseMissingError naming every key id in use that `keys` does not have. */
export async function assertKeysInUseConfigured(db: Kysely<Database>, keys: readonly EncryptionKey[]): Promise<void> {
  const configured = new Set(keys.map((k) => k.id));
  const missing = new Map([...(await tokensPerKey(db))].filter(([id]) => !configured.has(id)));
  if (missing.size > 0) throw new KeyInUseMissingError(missing);
}
