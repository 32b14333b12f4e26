import type { Kysely } from 'kysely';
import type { Database, RevocationReason } from '../db/schema';

/**
 * The revocation queue as the stores drive it: a token a store drops is queued in the store's own transaction (so no
 * crash can lose a revoke), and LinkedIn asked once it commits. Its one implementation, which asks LinkedIn and tries
 * again with backoff, is linkedin/revocations.ts; it is declared here, below the stores and LinkedIn's side alike, so
 * that the connection store needs nothing from above it.
 */
export interface DroppedToken {
  accessToken: string;
  expiresAt: Date;
  reason: RevocationReason;
}

export interface RevocationRun {
  confirmed: number;
  failed: number;
  lapsed: number;
  waiting: number;
}

export interface RevocationQueue {
  /** Queues a dropped token in the caller's transaction; undefined when it has lapsed already (nothing to revoke). */
  queue: (db: Kysely<Database>, token: DroppedToken, options?: { notBefore?: Date }) => Promise<string | undefined>;
  /** Withdraws a queued revoke in the caller's transaction (a redeemed sign-in's token became a connection). */
  cancel: (db: Kysely<Database>, id: string) => Promise<void>;
  /** Asks LinkedIn now for these queued revokes; what it does not confirm waits for its next try. Never throws. */
  attempt: (ids: readonly (string | undefined)[]) => Promise<void>;
  /** Queues a token dropped outside any transaction and asks LinkedIn at once; if even queueing fails, asks anyway. */
  drop: (token: DroppedToken) => Promise<void>;
  /** Every revoke that is due (the retry worker's turn); logs what it did and how many still wait. */
  runDue: () => Promise<RevocationRun>;
  /** How many dropped tokens still wait for LinkedIn's confirmation. */
  waiting: () => Promise<number>;
  /** Runs runDue every `everyMs` (and says at once how many wait); returns how to stop it. */
  start: (everyMs: number) => () => void;
}
