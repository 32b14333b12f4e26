import type { ColumnType, Generated } from 'kysely';

/** The service's tables as Kysely sees them. A new table: add its migration in db/migrations/ and its type here. */
export interface ConnectionsTable {
  tenant_id: string;
  object_id: string;
  consent: 'linkedInToMicrosoft' | 'twoWay';
  /** The LinkedIn access token, AES-256-GCM ciphertext (see crypto/tokenCipher.ts); never the token itself. */
  token_ciphertext: string;
  token_expires_at: ColumnType<Date, Date | string, Date | string>;
  connected_at: ColumnType<Date, Date | string, Date | string>;
  /** When the LinkedIn token was found lapsed (60 days, no refresh); null while it is valid. */
  expired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type AuditEvent = 'connect' | 'disconnect' | 'expire';

/** Who connected, disconnected or expired, and when: tenant and object ids only, never an e-mail or a token. */
export interface AuditTrailTable {
  id: Generated<number>;
  tenant_id: string;
  object_id: string;
  event: AuditEvent;
  consent: 'linkedInToMicrosoft' | 'twoWay' | null;
  at: ColumnType<Date, Date | string | undefined, never>;
}

/** A LinkedIn sign-in in progress (server/linkedin/pendingSignIns.ts): no e-mail; token as ciphertext, code as hash. */
export interface PendingSignInsTable {
  id: string;
  linkedin_state: string | null;
  nonce: string;
  pane_state: string;
  code_challenge: string;
  consent: 'linkedInToMicrosoft' | 'twoWay';
  redirect_uri: string;
  code_hash: string | null;
  token_ciphertext: string | null;
  token_expires_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  /** A keyed pseudonym of the client address that started it (the bound per address), never the address. */
  client_key: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type RevocationReason = 'disconnect' | 'reconnect' | 'refusedCompletion' | 'abandonedSignIn' | 'failedSignIn' | 'erase';

/** A LinkedIn token the service dropped and still owes a revoke (server/linkedin/revocations.ts): ciphertext only. */
export interface RevocationsTable {
  id: string;
  token_ciphertext: string;
  token_expires_at: ColumnType<Date, Date | string, Date | string>;
  reason: RevocationReason;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string, Date | string>;
  last_failure: string | null;
  queued_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A rate limit's counting window (shared across instances on PostgreSQL): hits so far, and when the window ends. */
export interface RateLimitWindowsTable {
  key: string;
  hits: number;
  resets_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  pending_sign_ins: PendingSignInsTable;
  revocations: RevocationsTable;
  connections: ConnectionsTable;
  audit_trail: AuditTrailTable;
  rate_limit_windows: RateLimitWindowsTable;
}
