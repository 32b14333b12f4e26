import * as z from '../src/contract/zod';
import type { KnownCloud } from '../src/policy';
import { linkedInConfigOf, type LinkedInConfig } from './linkedinConfig';
import { problemsOf, sentencesFor, settingsOf } from './settingKinds';
import {
  PROFILE_SOURCE_DEFAULTS,
  SERVICE_SETTINGS,
  serviceSettings,
  type LogLevel,
  type ProfileSourceName,
  type ServiceEnvironment,
  type ServiceSettings,
} from './settings';

/**
 * The insights service's configuration, read from the environment once at start by the settings' schema
 * (server/settings.ts). Every bad value is named in one error (all of them at once, so an admin fixes the file in one
 * pass); no value of a secret is ever printed.
 */
export type { ProfileSourceName, ServiceEnvironment };
export type Cloud = KnownCloud;

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export interface ServiceConfig {
  environment: ServiceEnvironment;
  host: string;
  port: number;
  /** The URL path everything is served under ('/' or '/linkedin/'): the API at `${basePath}api/v1/`. */
  basePath: string;
  logLevel: LogLevel;
  entra: {
    /** The service's application (client) id: the `aud` of every access token. */
    appId: string;
    allowedTenants: readonly string[];
    /** Where each tenant's keys are fetched from ({authority}/{tenant}/discovery/v2.0/keys); tests use a loopback stand-in. */
    authority: string;
  };
  /** postgres://… when set; otherwise the embedded PGlite database in `pgliteDir` ('memory://' keeps it in memory). */
  databaseUrl?: string;
  pgliteDir: string;
  /** The first key encrypts; every key decrypts (rotation: add a new key in front, keep the old one until re-encrypted). */
  encryptionKeys: readonly EncryptionKey[];
  policyFile?: string;
  /** What the service knows of its tenant, overriding the policy file's `environment`. */
  cloud?: Cloud;
  mailboxGeo?: string;
  tenantCountry?: string;
  profileSource: ProfileSourceName;
  /** LinkedIn sign-in (server/linkedinConfig.ts); undefined when not configured. */
  linkedin?: LinkedInConfig;
  rateLimit: { perUserPerMinute: number; perIpPerMinute: number };
  /** GET /metrics on its own address (METRICS_PORT; off when unset). */
  metrics?: { host: string; port: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The insights service's configuration is not valid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the configuration with the settings' schema (server/settings.ts); throws one ConfigError naming
 * every bad setting, in the settings' order. `defaults.basePath`: the path of the build's publicUrl
 * (hosting/buildInfo.ts), which BASE_PATH overrides.
 */
export function loadConfig(env: Env = process.env, defaults: { basePath?: string } = {}): ServiceConfig {
  return serviceConfigOf(parseSettings(env, SERVICE_SETTINGS, serviceSettings, defaults));
}

/** The settings of `shape` from `env`, parsed by `schema`; every problem in one ConfigError. */
export function parseSettings<S extends z.core.$ZodShape, T>(
  env: Env,
  shape: S,
  schema: z.ZodMiniType<T>,
  defaults: { basePath?: string } = {},
): T {
  const settings = settingsOf(env, shape);
  // The build's path stands in for an unset BASE_PATH (and is held to the same kind).
  if (settings.BASE_PATH === undefined && defaults.basePath !== undefined && 'BASE_PATH' in shape) settings.BASE_PATH = defaults.basePath;
  const result = z.safeParse(schema, settings, { error: sentencesFor(settings, shape) });
  if (!result.success) throw new ConfigError(problemsOf(result.error.issues, shape));
  return result.data;
}

/** The parsed settings, as the service's parts read them. */
export function serviceConfigOf(settings: ServiceSettings): ServiceConfig {
  const environment = settings.SERVICE_ENV;
  const config: ServiceConfig = {
    environment,
    host: settings.HOST,
    port: settings.PORT,
    basePath: settings.BASE_PATH,
    logLevel: settings.LOG_LEVEL,
    entra: { appId: settings.ENTRA_APP_ID, allowedTenants: settings.ENTRA_ALLOWED_TENANTS, authority: settings.ENTRA_AUTHORITY },
    databaseUrl: settings.DATABASE_URL,
    pgliteDir: settings.PGLITE_DIR,
    encryptionKeys: settings.TOKEN_ENCRYPTION_KEYS,
    policyFile: settings.POLICY_FILE,
    cloud: settings.SERVICE_CLOUD,
    mailboxGeo: settings.SERVICE_MAILBOX_GEO,
    tenantCountry: settings.SERVICE_TENANT_COUNTRY,
    profileSource: settings.PROFILE_SOURCE ?? PROFILE_SOURCE_DEFAULTS[environment],
    linkedin: linkedInConfigOf(settings),
    rateLimit: { perUserPerMinute: settings.RATE_LIMIT_PER_USER, perIpPerMinute: settings.RATE_LIMIT_PER_IP },
  };
  return settings.METRICS_PORT === undefined
    ? config
    : { ...config, metrics: { host: settings.METRICS_HOST, port: settings.METRICS_PORT } };
}
