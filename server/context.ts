import type { FastifyBaseLogger } from 'fastify';
import type { EntraUser } from './auth/entraVerifier';
import type { ServiceConfig } from './config';
import type { TokenCipher } from './crypto/tokenCipher';
import type { DatabaseHandle } from './db/database';
import type { ServerPolicy } from './rules/serverPolicy';
import type { ProfileSource } from './sources/types';
import type { ConnectionStore } from './store/connections';

/**
 * Asks LinkedIn to revoke a token after disconnect. Best effort: the stored token and consent are already deleted
 * whatever it answers. The default does nothing (the fixtures source has no LinkedIn); the LinkedIn sign-in supplies
 * the real one.
 */
export type LinkedInRevoker = (accessToken: string, user: EntraUser, log: FastifyBaseLogger) => Promise<void>;

/** Everything a route module needs; built once per service by buildApp. */
export interface ServiceContext {
  config: ServiceConfig;
  database: DatabaseHandle;
  connections: ConnectionStore;
  cipher: TokenCipher;
  source: ProfileSource;
  policy: ServerPolicy;
  revokeLinkedIn: LinkedInRevoker;
}
