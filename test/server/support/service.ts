import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../../../server/app';
import { createLinkedInRevoker } from '../../../server/linkedin/revoke';
import { createRevocationQueue, type Revoke } from '../../../server/linkedin/revocations';
import { createEntraVerifier } from '../../../server/auth/entraVerifier';
import { loadConfig, type ServiceConfig } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/database';
import { freshTestDatabase } from './pgliteTemplate';
import { createTokenCipher, type TokenCipher } from '../../../server/crypto/tokenCipher';
import type { PolicyFileSource } from '../../../server/rules/policyFileSource';
import { createServiceRules, type ServiceRules } from '../../../server/rules/serviceRules';
import { createConnectionStore, type ConnectionConsent, type ConnectionStore } from '../../../server/store/connections';
import type { RevocationQueue } from '../../../server/store/revocationQueue';
import type { ProfileSource } from '../../../server/sources/types';
import { startEntraStandIn, type EntraStandIn } from '../../../dev/standins/entraIssuer';
import { DEFAULT_ADMIN_POLICY, type AdminPolicy } from '../../../src/contract/policyFile';

export const TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
export const APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const USER = '0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
export const KEY = Buffer.alloc(32, 7).toString('base64');

/** The policy the tests start from: LinkedIn on for the tenant, in an available cloud and location. */
export const OPEN_POLICY: AdminPolicy = {
  ...DEFAULT_ADMIN_POLICY,
  tenantMode: 'yes',
  environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' },
};

export function testConfig(authority: string, env: Record<string, string> = {}): ServiceConfig {
  return loadConfig({
    SERVICE_ENV: 'test',
    ENTRA_APP_ID: APP_ID,
    ENTRA_ALLOWED_TENANTS: TENANT,
    ENTRA_AUTHORITY: authority,
    TOKEN_ENCRYPTION_KEYS: `k1:${KEY}`,
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export interface TestService {
  app: FastifyInstance;
  entra: EntraStandIn;
  database: DatabaseHandle;
  config: ServiceConfig;
  /** A valid token for USER (or another object id) in TENANT. */
  token: (options?: { objectId?: string; groups?: string[]; claims?: Record<string, unknown> }) => Promise<string>;
  /** The service's own connection store (same database, same keys, revoking through `revocations`). */
  store: ConnectionStore;
  /** A revocation queue on the same database and LinkedIn as the service's, on the test's clock (`clock`). */
  revocations: RevocationQueue;
  /** The service's cipher (same keys). */
  cipher: TokenCipher;
  /** Stores a LinkedIn connection for USER (or another object id), as completing the sign-in would. */
  connect: (consent: ConnectionConsent, objectId?: string, accessToken?: string) => Promise<void>;
  close: () => Promise<void>;
}

export interface TestServiceOptions {
  /** The policy file's statements, as a valid file would give them (default: OPEN_POLICY). */
  policy?: AdminPolicy;
  /** Replaces `policy`: the service's rules over another file (a real one on disk, or one a test swaps per row). */
  rules?: ServiceRules;
  source?: ProfileSource;
  database?: DatabaseHandle;
  entra?: EntraStandIn;
  env?: Record<string, string>;
  revokeLinkedIn?: Revoke;
  /** The clock of `revocations` (the service's own queue runs on the real one and retries only when a test says). */
  clock?: () => Date;
  /** pino options (default: no logs). */
  logger?: AppDeps['logger'];
  /** How often the embedded database's deleted rows are purged (default here: only at close). */
  purgeEveryMs?: number;
  /** Behind a reverse proxy (as `npm run serve` with TRUST_PROXY). */
  trustProxy?: AppDeps['trustProxy'];
  /** Where the rate limits count (default: memory on the embedded database, as in production). */
  rateLimitStore?: AppDeps['rateLimitStore'];
}

/** The real service (real token checks, real database) over the local Entra stand-in and an in-memory PGlite. */
export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const entra = options.entra ?? (await startEntraStandIn('test'));
  const config = testConfig(entra.authority, options.env);
  const database = options.database ?? (await freshTestDatabase());
  const app = await buildApp({
    config,
    database,
    verifier: createEntraVerifier(config.entra),
    ...(options.source ? { source: options.source } : {}),
    rules: options.rules ?? createServiceRules(statedPolicy(options.policy ?? OPEN_POLICY), () => config),
    logger: options.logger ?? false,
    ...(options.revokeLinkedIn ? { revokeLinkedIn: options.revokeLinkedIn } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    revocationRetryEveryMs: 0,
    purgeEveryMs: options.purgeEveryMs ?? 0,
    ...(options.rateLimitStore ? { rateLimitStore: options.rateLimitStore } : {}),
  });
  await app.ready();
  const cipher = createTokenCipher(config.encryptionKeys);
  // The service's own LinkedIn client (one per service), as its own queue asks LinkedIn.
  const revoke = options.revokeLinkedIn ?? createLinkedInRevoker(app.linkedIn);
  const revocations = createRevocationQueue({
    db: database.db,
    cipher,
    revoke,
    log: app.log,
    ...(options.clock ? { now: options.clock } : {}),
  });
  const store = createConnectionStore(database.db, cipher, revocations);
  return {
    store,
    revocations,
    cipher,
    async connect(consent, objectId = USER, accessToken = `linkedin-token-${objectId}`) {
      await store.save(
        { tenantId: TENANT, objectId, groups: undefined },
        { consent, accessToken, tokenExpiresAt: new Date(Date.now() + 60 * 86_400_000) },
      );
    },
    app,
    entra,
    database,
    config,
    token: ({ objectId = USER, groups, claims } = {}) => entra.issue({ tenantId: TENANT, objectId, appId: APP_ID, groups, claims }),
    async close() {
      await app.close();
      if (!options.database) await database.close();
      if (!options.entra) await entra.close();
    },
  };
}

/** A policy file that always reads as valid with these statements (the text is not what tests look at). */
export function statedPolicy(policy: AdminPolicy): PolicyFileSource {
  const reading = { status: 'valid', text: JSON.stringify(policy), policy } as const;
  return { read: () => reading, origin: 'a test policy' };
}
