import type { EntraUser } from '../auth/entraVerifier';
import type { StoredConnection } from './connections';

type Find = (user: EntraUser) => Promise<StoredConnection | undefined>;

/**
 * The caller's connection, read as soon as the token is checked, beside the rate limits' counts and the body's
 * parsing rather than after them: on PostgreSQL each of those is a round trip, so a lookup waits for two in a row, not
 * three. The read still goes out after the call arrived, so it sees every write committed before the call was made (a
 * disconnect through another instance included), and it serves that call only. A call refused before its handler (a
 * rate limit's 429, a bad body's 400) leaves its read unused: its failure is then nobody's, never an unhandled
 * rejection; a handler that takes the read gets its failure (503).
 */
export interface ConnectionReadAhead<Call extends object> {
  /** Starts reading `user`'s connection for `call`. */
  start: (call: Call, user: EntraUser) => void;
  /** `user`'s connection for `call`: the read started for it (once), or a read now. */
  take: (call: Call, user: EntraUser) => Promise<StoredConnection | undefined>;
}

export function connectionReadAhead<Call extends object>(find: Find): ConnectionReadAhead<Call> {
  // Keyed by the call itself: a call that never reaches its handler takes its read with it when it is collected.
  const reads = new WeakMap<Call, { user: EntraUser; read: Promise<StoredConnection | undefined> }>();
  return {
    start(call, user) {
      const read = find(user);
      read.catch(() => undefined);
      reads.set(call, { user, read });
    },
    take(call, user) {
      const started = reads.get(call);
      reads.delete(call);
      // A read started for another user (never, as the hook and the handler read the same token's user) is not used.
      return started && started.user === user ? started.read : find(user);
    },
  };
}
