import type { ServiceConfig } from '../config';
import type { TokenCipher } from '../crypto/tokenCipher';
import type { DatabaseHandle } from '../db/database';
import type { RevocationQueue } from '../linkedin/revocations';
import type { ServiceRules } from '../rules/serviceRules';
import type { ProfileSource } from '../sources/types';
import type { ConnectionStore } from '../store/connections';

/** Everything a route module needs; built once per service by buildApp. */
export interface ServiceContext {
  config: ServiceConfig;
  database: DatabaseHandle;
  connections: ConnectionStore;
  cipher: TokenCipher;
  source: ProfileSource;
  rules: ServiceRules;
  /** Every LinkedIn token the service drops goes here to be revoked (linkedin/revocations.ts). */
  revocations: RevocationQueue;
}
