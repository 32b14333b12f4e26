import { createHmac, hkdfSync } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { EncryptionKey } from '../config';
import type { Database } from '../db/schema';

/**
 * A store for @fastify/rate-limit that counts in the database, so every instance on one PostgreSQL counts the same
 * window: a client allowed RATE_LIMIT_PER_USER calls a minute gets that many in all, not that many per instance.
 * Counted by one upsert, timed by the database's clock (instances' clocks may differ); a window that ended starts
 * again. Concurrent counts go out together (windowCounter below): one statement for every hit asked for meanwhile, not
 * one round trip per request per limit. Finished windows are swept every minute. On the embedded database (one
 * process) the plugin's own memory store does the same job without the round trip. A row never holds the client's
 * address or ids: its key is a keyed pseudonym of them (HMAC-SHA256 under a key derived from the first
 * TOKEN_ENCRYPTION_KEYS key), the same on every instance, leading back to nothing without that key.
 */
type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** The stored key of a limit's window for a client (`ip:…`, `user:<tid>:<oid>`): `<limit>|<pseudonym>`. */
export type WindowKey = (limit: string, client: string) => string;

export function windowKeys(key: EncryptionKey): WindowKey {
  const secret = Buffer.from(hkdfSync('sha256', key.key, Buffer.alloc(0), 'rate-limit windows', 32));
  return (limit, client) => `${limit}|${createHmac('sha256', secret).update(client, 'utf8').digest('base64url')}`;
}

/** Counts one hit in a stored window (of `timeWindow` ms when it starts): the window's count with it, and ms left. */
export type CountHit = (key: string, timeWindow: number) => Promise<{ current: number; ttl: number }>;

interface Hits {
  timeWindow: number;
  callers: { resolve: (result: { current: number; ttl: number }) => void; reject: (error: unknown) => void }[];
}

/**
 * Hits counted in the database, batched: while one statement runs, the hits asked for meanwhile wait and go out
 * together in the next, each window once with its number of hits (`hits + n`, atomic in the upsert, so instances
 * counting the same window at once still add up exactly). Each of a window's n callers gets its own count among the n
 * (the window's count after the statement, minus the hits after its own): exactly the limit's number of calls see a
 * count within it, whichever instance or batch they came through. A hit always goes out after it was asked for.
 */
export function windowCounter(db: Kysely<Database>, maxWindows = 500): CountHit {
  const waiting = new Map<string, Hits>();
  let running = false;

  const dispatch = (): void => {
    if (running || waiting.size === 0) return;
    const batch = [...waiting].slice(0, maxWindows);
    for (const [key] of batch) waiting.delete(key);
    running = true;
    const rows = batch.map(([key, hits]) => ({ key, hits: hits.callers.length, secs: hits.timeWindow / 1000 }));
    sql<{ key: string; hits: number; ttl: string | number }>`
      insert into rate_limit_windows (key, hits, resets_at)
      select w.key, w.hits, now() + make_interval(secs => w.secs)
        from json_to_recordset(${JSON.stringify(rows)}::json) as w(key text, hits integer, secs double precision)
      on conflict (key) do update set
        hits = case when rate_limit_windows.resets_at <= now() then excluded.hits else rate_limit_windows.hits + excluded.hits end,
        resets_at = case when rate_limit_windows.resets_at <= now() then excluded.resets_at else rate_limit_windows.resets_at end
      returning key, hits, ceil(extract(epoch from (resets_at - now())) * 1000) as ttl`
      .execute(db)
      .then(
        ({ rows: counted }) => {
          const byKey = new Map(counted.map((row) => [row.key, row]));
          for (const [key, hits] of batch) {
            const row = byKey.get(key);
            const total = Number(row?.hits ?? hits.callers.length);
            const ttl = Math.max(0, Number(row?.ttl ?? hits.timeWindow));
            const first = total - hits.callers.length + 1;
            hits.callers.forEach((caller, index) => caller.resolve({ current: first + index, ttl }));
          }
        },
        (error: unknown) => {
          for (const [, hits] of batch) for (const caller of hits.callers) caller.reject(error);
        },
      )
      .finally(() => {
        running = false;
        dispatch();
      });
  };

  return (key, timeWindow) =>
    new Promise((resolve, reject) => {
      const hits = waiting.get(key) ?? { timeWindow, callers: [] };
      hits.callers.push({ resolve, reject });
      waiting.set(key, hits);
      // Let the requests of this turn of the event loop join before the statement goes out.
      queueMicrotask(dispatch);
    });
}

/** The plugin constructs the store itself (`new Store(options)`): the class closes over the counter and a name. */
export function databaseRateLimitStore(count: CountHit, name: string, keyOf: WindowKey) {
  return class DatabaseRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly limit = name,
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      count(keyOf(this.limit, key), timeWindow).then(
        (result) => callback(null, result),
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
  const result = await db
    .deleteFrom('rate_limit_windows')
    .where('resets_at', '<', sql<Date>`now() - interval '1 minute'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
