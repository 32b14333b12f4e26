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

export interface Database {
  connections: ConnectionsTable;
  audit_trail: AuditTrailTable;
}
