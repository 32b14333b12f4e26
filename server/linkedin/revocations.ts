import { randomUUID } from 'node:crypto';
// Node's own timers (their handles can be unref'd), whatever the global ones are where the service is embedded.
import { clearInterval, setInterval } from 'node:timers';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { TokenCipher } from '../crypto/tokenCipher';
import { revocationContext } from '../crypto/tokenContexts';
import type { Database } from '../db/schema';
import type { RevocationQueue, RevocationRun } from '../store/revocationQueue';
import { LinkedInError } from './client';

/**
 * Every LinkedIn token the service drops is revoked at LinkedIn: a disconnect, a reconnect that replaces a token, a
 * completion the service refuses, a sign-in abandoned with a token, an admin's erase. The token is queued in the same
 * transaction that drops it (so no crash can lose a revoke), LinkedIn is asked at once, and a revoke LinkedIn does
 * not confirm is asked again with backoff (1 minute, doubling, at most 6 hours) until it does or the token's own
 * expiry passes. The queue holds the token only as ciphertext bound to its row, no user id. Several instances share
 * it: each claims rows with SKIP LOCKED and a 2-minute lease (an instance that dies mid-revoke leaves them to others).
 */

/** Asks LinkedIn to revoke a token; resolves only when LinkedIn confirmed it (its client's revoke). */
export type Revoke = (accessToken: string) => Promise<void>;

export interface RevocationQueueOptions {
  db: Kysely<Database>;
  cipher: TokenCipher;
  revoke: Revoke;
  log: FastifyBaseLogger;
  now?: () => Date;
}

export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 3600_000;
/** After the n-th failed try: 1 minute, 2, 4, … at most 6 hours. */
export const retryDelayMs = (attempts: number): number => Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

interface Claimed {
  id: string;
  token_ciphertext: string;
  token_expires_at: Date;
  attempts: number;
}

export function createRevocationQueue(options: RevocationQueueOptions): RevocationQueue {
  const { db, cipher, revoke, log } = options;
  const now = options.now ?? (() => new Date());
  const rows = revocationRows(db, cipher, revoke, now);

  const run = async (ids?: readonly string[]): Promise<RevocationRun> => {
    const outcomes = await Promise.all((await rows.claim(ids)).map(rows.settle));
    const count = (outcome: string) => outcomes.filter((o) => o === outcome).length;
    const report = { confirmed: count('confirmed'), failed: count('failed'), lapsed: count('lapsed'), waiting: await rows.waiting() };
    if (outcomes.length > 0) (report.failed > 0 ? log.warn : log.info).call(log, report, 'LinkedIn tokens waiting for revocation');
    return report;
  };
  const attempt: RevocationQueue['attempt'] = async (ids) => {
    const wanted = ids.filter((id): id is string => id !== undefined);
    if (wanted.length === 0) return;
    await run(wanted).catch((error: unknown) => log.warn({ err: error }, 'LinkedIn revoke left queued for its next try'));
  };

  return {
    queue: rows.queue,
    cancel: async (tx, id) => void (await tx.deleteFrom('revocations').where('id', '=', id).execute()),
    attempt,
    async drop(token) {
      let id: string | undefined;
      try {
        id = await rows.queue(db, token);
      } catch (error) {
        log.error(
          { err: error, reason: token.reason },
          'a dropped LinkedIn token could not be queued for revocation: asking LinkedIn once',
        );
        await revoke(token.accessToken).catch(() => log.error({ reason: token.reason }, 'a dropped LinkedIn token was not revoked'));
        return;
      }
      await attempt([id]);
    },
    runDue: () => run(),
    waiting: rows.waiting,
    start: (everyMs) => startRetryWorker(run, rows.waiting, log, everyMs),
  };
}

/** The queue's rows: queued, claimed for one lease, settled by LinkedIn's answer, counted. */
function revocationRows(db: Kysely<Database>, cipher: TokenCipher, revoke: Revoke, now: () => Date) {
  /** Claims rows for this instance (due ones, or the given ones whenever due), each for one lease. */
  const claim = async (ids?: readonly string[]): Promise<Claimed[]> => {
    const at = now();
    let wanted = db.selectFrom('revocations').select('id').orderBy('next_attempt_at').limit(BATCH).forUpdate().skipLocked();
    wanted = ids ? wanted.where('id', 'in', ids) : wanted.where('next_attempt_at', '<=', at);
    return db
      .updateTable('revocations')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: new Date(at.getTime() + LEASE_MS) }))
      .where('id', 'in', wanted)
      .returning(['id', 'token_ciphertext', 'token_expires_at', 'attempts'])
      .execute();
  };
  const settle = async (row: Claimed): Promise<'confirmed' | 'failed' | 'lapsed'> => {
    const at = now();
    const lapsed = new Date(row.token_expires_at).getTime() <= at.getTime();
    if (!lapsed) {
      try {
        await revoke(cipher.decrypt(row.token_ciphertext, revocationContext(row.id)));
      } catch (error) {
        const failure = error instanceof LinkedInError ? error.failure : error instanceof Error ? error.name : 'failed';
        const next = new Date(at.getTime() + retryDelayMs(row.attempts));
        await db.updateTable('revocations').set({ next_attempt_at: next, last_failure: failure }).where('id', '=', row.id).execute();
        return 'failed';
      }
    }
    await db.deleteFrom('revocations').where('id', '=', row.id).execute();
    return lapsed ? 'lapsed' : 'confirmed';
  };
  const waiting = async (): Promise<number> => {
    const { count } = await db
      .selectFrom('revocations')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  };
  const queue: RevocationQueue['queue'] = async (tx, token, { notBefore } = {}) => {
    const at = now();
    if (token.expiresAt.getTime() <= at.getTime()) return undefined;
    const id = randomUUID();
    const token_ciphertext = cipher.encrypt(token.accessToken, revocationContext(id));
    const row = { id, token_ciphertext, token_expires_at: token.expiresAt, reason: token.reason, next_attempt_at: notBefore ?? at };
    await tx.insertInto('revocations').values(row).execute();
    return id;
  };
  return { claim, settle, waiting, queue };
}

/** Runs the due revokes every `everyMs` (one run at a time), after saying how many wait; returns how to stop. */
function startRetryWorker(run: () => Promise<RevocationRun>, waiting: () => Promise<number>, log: FastifyBaseLogger, everyMs: number) {
  void waiting()
    .then((count) => count > 0 && log.info({ waiting: count }, 'LinkedIn tokens waiting for revocation'))
    .catch(() => undefined);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    run()
      .catch((error: unknown) => log.warn({ err: error }, 'LinkedIn revocations could not be retried now'))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
