import type { Migration } from 'kysely';
import { connectionsAndAudit } from './0001_connections_and_audit';
import { pendingSignIns } from './0002_pending_sign_ins';
import { revocations } from './0003_revocations';
import { pendingSignInBounds } from './0004_pending_sign_in_bounds';
import { sharedRateLimits } from './0005_shared_rate_limits';
import { unloggedRateLimits } from './0006_unlogged_rate_limits';

/**
 * Every migration, in order of name. The service is bundled, so migrations are listed here rather than read from a
 * folder at run time: a new one is a file in this folder plus one line below (names sort; never rename or edit one
 * that has shipped).
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_connections_and_audit': connectionsAndAudit,
  '0002_pending_sign_ins': pendingSignIns,
  '0003_revocations': revocations,
  '0004_pending_sign_in_bounds': pendingSignInBounds,
  '0005_shared_rate_limits': sharedRateLimits,
  '0006_unlogged_rate_limits': unloggedRateLimits,
};
