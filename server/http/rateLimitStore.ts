import { createHmac, hkdfSync } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { EncryptionKey } from '../config';
import type { Database } from '../db/schema';

/**
 * A store for @fastify/rate-limit that counts in the database, so every instance on one PostgreSQL counts the same
 * window: a client allowed RATE_LIMIT_PER_USER calls a minute gets that many in all, not that many per instance. One
 * upsert per limited request, timed by the database's clock (instances' clocks may differ); a window that ended starts
 * again at 1. Finished windows are swept every minute. On the embedded database (one process) the plugin's own memory
 * store does the same job without the round trip. A row never holds the client's address or ids: its key is a keyed
 * pseudonym of them (HMAC-SHA256 under a key derived from the first TOKEN_ENCRYPTION_KEYS key), the same on every
 * instance, leading back to nothing without that key.
 */
type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** The stored key of a limit's window for a client (`ip:…`, `user:<tid>:<oid>`): `<limit>|<pseudonym>`. */
export type WindowKey = (limit: string, client: string) => string;

export function windowKeys(key: EncryptionKey): WindowKey {
  const secret = Buffer.from(hkdfSync('sha256', key.key, Buffer.alloc(0), 'rate-limit windows', 32));
  return (limit, client) => `${limit}|${createHmac('sha256', secret).update(client, 'utf8').digest('base64url')}`;
}

/** The plugin constructs the store itself (`new Store(options)`): the class closes over the database and a name. */
export function databaseRateLimitStore(db: Kysely<Database>, name: string, keyOf: WindowKey) {
  return class DatabaseRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly limit = name,
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      sql<{ hits: number; ttl: string | number }>`
        insert into rate_limit_windows (key, hits, resets_at)
        values (${keyOf(this.limit, key)}, 1, now() + make_interval(secs => ${timeWindow / 1000}))
        on conflict (key) do update set
          hits = case when rate_limit_windows.resets_at <= now() then 1 else rate_limit_windows.hits + 1 end,
          resets_at = case when rate_limit_windows.resets_at <= now() then excluded.resets_at else rate_limit_windows.resets_at end
        returning hits, ceil(extract(epoch from (resets_at - now())) * 1000) as ttl`
        .execute(db)
        .then(
          ({ rows: [row] }) => callback(null, { current: Number(row?.hits ?? 1), ttl: Math.max(0, Number(row?.ttl ?? timeWindow)) }),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
    }

    /** A route with its own limits counts apart (the plugin asks for a child per such route). */
    child(routeOptions: { routeInfo?: { method?: string; url?: string } }): DatabaseRateLimitStore {
      const route = `${routeOptions.routeInfo?.method ?? ''}${routeOptions.routeInfo?.url ?? ''}`;
      return new DatabaseRateLimitStore(undefined, `${this.limit}|${route}`);
    }
  };
}

/** Deletes the windows that ended over a minute ago; returns how many. */
export async function sweepRateLimitWindows(db: Kysely<Database>): Promise<number> {
  const result = await db.deleteFrom('rate_limit_windows').where('resets_at', '<', sql<Date>`now() - interval '1 minute'`).executeTakeFirst();
  return Number(result.numDeletedRows);
}
