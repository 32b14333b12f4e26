import { readFileSync } from 'node:fs';
import { isOneOf, KNOWN_CLOUDS, type KnownCloud } from '../src/policy';
import { readLinkedInConfig, type LinkedInConfig } from './linkedinConfig';

/**
 * The insights service's configuration, read from the environment once at start. Every bad value is named in one
 * error (all of them at once, so an admin fixes the file in one pass); no value of a secret is ever printed.
 */
export type ServiceEnvironment = 'production' | 'development' | 'test';
export type ProfileSourceName = 'fixtures' | 'linkedin';
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
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
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

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

/** The environment's variables, read trimmed (empty is unset); every bad value is added to `problems`, in order. */
interface EnvReader {
  readonly problems: string[];
  read: (name: string) => string | undefined;
  oneOf: <T extends string>(name: string, allowed: readonly T[], fallback: T) => T;
  integer: (name: string, fallback: number, min: number, max: number) => number;
}

function envReader(env: Env): EnvReader {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  };
  return { problems, read, oneOf, integer };
}

/** ENTRA_APP_ID, ENTRA_ALLOWED_TENANTS and ENTRA_AUTHORITY: whose tokens the service accepts, and where their keys are. */
function readEntra({ read, problems }: EnvReader, environment: ServiceEnvironment): ServiceConfig['entra'] {
  const appId = read('ENTRA_APP_ID');
  if (!appId || !GUID.test(appId)) problems.push("ENTRA_APP_ID must be the service's application (client) id, a GUID");
  const tenants = (read('ENTRA_ALLOWED_TENANTS') ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (tenants.length === 0 || !tenants.every((t) => GUID.test(t)))
    problems.push('ENTRA_ALLOWED_TENANTS must be a comma-separated list of tenant ids (GUIDs)');
  const authority = (read('ENTRA_AUTHORITY') ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  if (!validAuthority(authority, environment))
    problems.push('ENTRA_AUTHORITY must be an https:// URL (http:// only to 127.0.0.1 outside production)');
  return { appId: appId ?? '', allowedTenants: tenants, authority };
}

/** POLICY_FILE and what the service knows of its tenant (SERVICE_CLOUD, _MAILBOX_GEO, _TENANT_COUNTRY). */
function readTenantFacts({ read, problems }: EnvReader): Pick<ServiceConfig, 'policyFile' | 'cloud' | 'mailboxGeo' | 'tenantCountry'> {
  const policyFile = read('POLICY_FILE');
  if (policyFile) {
    try {
      readFileSync(policyFile);
    } catch {
      problems.push(`POLICY_FILE cannot be read (${policyFile})`);
    }
  }
  const cloudRaw = read('SERVICE_CLOUD');
  if (cloudRaw && !isOneOf(KNOWN_CLOUDS, cloudRaw)) problems.push(`SERVICE_CLOUD must be one of ${KNOWN_CLOUDS.join(', ')}`);
  const mailboxGeo = read('SERVICE_MAILBOX_GEO')?.toUpperCase();
  if (mailboxGeo && !/^[A-Z]{3}$/.test(mailboxGeo)) problems.push('SERVICE_MAILBOX_GEO must be a 3-letter data location such as NAM');
  const tenantCountry = read('SERVICE_TENANT_COUNTRY')?.toUpperCase();
  if (tenantCountry && !/^[A-Z]{2}$/.test(tenantCountry))
    problems.push('SERVICE_TENANT_COUNTRY must be a 2-letter country code such as US');
  return { policyFile, cloud: cloudRaw as Cloud | undefined, mailboxGeo, tenantCountry };
}

/** PROFILE_SOURCE: the fixture people are made up, so they stand in for LinkedIn outside production only. */
function readProfileSource(
  { oneOf, problems }: EnvReader,
  environment: ServiceEnvironment,
  linkedin: LinkedInConfig | undefined,
): ProfileSourceName {
  const profileSource = oneOf<ProfileSourceName>(
    'PROFILE_SOURCE',
    ['fixtures', 'linkedin'],
    environment === 'production' ? 'linkedin' : 'fixtures',
  );
  if (profileSource === 'fixtures' && environment === 'production')
    problems.push('PROFILE_SOURCE=fixtures serves made-up people: it is refused in production (use linkedin, or SERVICE_ENV=development)');
  if (!linkedin && profileSource === 'linkedin')
    problems.push('PROFILE_SOURCE=linkedin (the default in production) needs the LINKEDIN_* sign-in variables');
  return profileSource;
}

/**
 * Reads and validates the configuration; throws one ConfigError naming every bad variable. `defaults.basePath`: the
 * path of the build's publicUrl (hosting/buildInfo.ts), which BASE_PATH overrides.
 */
export function loadConfig(env: Env = process.env, defaults: { basePath?: string } = {}): ServiceConfig {
  const reader = envReader(env);
  const { read, oneOf, integer, problems } = reader;
  const environment = oneOf<ServiceEnvironment>('SERVICE_ENV', ['production', 'development', 'test'], 'production');
  const entra = readEntra(reader, environment);
  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres://');
  const encryptionKeys = parseKeys(read('TOKEN_ENCRYPTION_KEYS'), problems);
  const tenantFacts = readTenantFacts(reader);
  const linkedin = readLinkedInConfig(read, environment, problems);
  const profileSource = readProfileSource(reader, environment, linkedin);
  const config: ServiceConfig = {
    environment,
    host: read('HOST') ?? '127.0.0.1',
    port: integer('PORT', 3001, 0, 65535),
    basePath: basePathOf(read('BASE_PATH') ?? defaults.basePath ?? '/', problems),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    entra,
    databaseUrl,
    pgliteDir: read('PGLITE_DIR') ?? '.data/insights-db',
    encryptionKeys,
    ...tenantFacts,
    profileSource,
    linkedin,
    rateLimit: {
      perUserPerMinute: integer('RATE_LIMIT_PER_USER', 300, 1, 1_000_000),
      perIpPerMinute: integer('RATE_LIMIT_PER_IP', 3000, 1, 1_000_000),
    },
  };
  const metrics = readMetrics(reader, config.port);
  if (problems.length > 0) throw new ConfigError(problems);
  return metrics ? { ...config, metrics } : config;
}

function validAuthority(value: string, environment: ServiceEnvironment): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return environment !== 'production' && url.protocol === 'http:' && url.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** TOKEN_ENCRYPTION_KEYS: `keyId:base64-of-32-bytes[,keyId:…]`, the first one current. Never echoes a key. */
function parseKeys(raw: string | undefined, problems: string[]): EncryptionKey[] {
  const name = 'TOKEN_ENCRYPTION_KEYS';
  if (!raw) {
    problems.push(`${name} must be set: keyId:base64 of 32 random bytes (e.g. k1:$(openssl rand -base64 32))`);
    return [];
  }
  const keys: EncryptionKey[] = [];
  for (const [index, entry] of raw.split(',').entries()) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator).trim();
    const key = Buffer.from(entry.slice(separator + 1).trim(), 'base64');
    if (separator < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      problems.push(`${name} entry ${index + 1} must be keyId:base64 of exactly 32 bytes (value not shown)`);
    } else if (keys.some((k) => k.id === id)) {
      problems.push(`${name} names key id "${id}" twice`);
    } else keys.push({ id, key });
  }
  return keys;
}

/** A path segment the service can route on (no Fastify parameter or wildcard characters, no dot segments). */
const SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._~-]+$/;

/** BASE_PATH: '/' or '/a/b/' (slashes added where missing); anything else is named and '/' used meanwhile. */
function basePathOf(raw: string, problems: string[]): string {
  const segments = raw.split('/').filter(Boolean);
  if (segments.every((segment) => SEGMENT.test(segment))) return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
  problems.push(`BASE_PATH must be the URL path the add-in is hosted under, such as /linkedin/ (got "${raw}")`);
  return '/';
}

/** METRICS_PORT (unset: no metrics) and METRICS_HOST (default 127.0.0.1): never the service's own port. */
function readMetrics({ read, integer, problems }: EnvReader, servicePort: number): ServiceConfig['metrics'] {
  if (read('METRICS_PORT') === undefined) return undefined;
  const port = integer('METRICS_PORT', 0, 0, 65535);
  if (port !== 0 && port === servicePort) problems.push('METRICS_PORT must differ from PORT: the metrics have a port of their own');
  return { host: read('METRICS_HOST') ?? '127.0.0.1', port };
}
