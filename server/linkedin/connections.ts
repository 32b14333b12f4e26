import type { FastifyBaseLogger } from 'fastify';
import type { ServiceConfig } from '../config';
import { createTokenCipher, type TokenCipher } from '../crypto/tokenCipher';
import type { DatabaseHandle } from '../db/database';
import { createConnectionStore, type ConnectionStore } from '../store/connections';
import type { RevocationQueue } from '../store/revocationQueue';
import { createLinkedInClient } from './client';
import { createLinkedInRevoker } from './revoke';
import { createRevocationQueue, type Revoke } from './revocations';

/**
 * The connection store over a database, with the revocation queue every token it drops goes to: the service's own
 * (server/plugins/connectionStore.ts, revoking through the service's LinkedIn client), and the same for a tool beside
 * it (an admin's, in its own process: its own client by default) so a token never leaves unrevoked.
 */
export function connectionStoreFor(
  database: DatabaseHandle,
  config: Pick<ServiceConfig, 'encryptionKeys' | 'linkedin'>,
  log: FastifyBaseLogger,
  revoke: Revoke = createLinkedInRevoker(config.linkedin && createLinkedInClient(config.linkedin)),
): { cipher: TokenCipher; revocations: RevocationQueue; connections: ConnectionStore } {
  const cipher = createTokenCipher(config.encryptionKeys);
  const revocations = createRevocationQueue({ db: database.db, cipher, revoke, log });
  return { cipher, revocations, connections: createConnectionStore(database.db, cipher, revocations, database.embedded) };
}
