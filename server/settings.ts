import * as z from '../src/contract/zod';
import { KNOWN_CLOUDS } from '../src/policy';
import {
  GUID,
  isHttpsOrLoopback,
  isPlainHttp,
  isServiceUrl,
  listOf,
  oneOf,
  readablePath,
  setting,
  settingsSchema,
  urlHasQuery,
  urlPathEndsWith,
  wholeNumber,
  type Problem,
  type Rule,
} from './settingKinds';

/**
 * Every setting the insights service reads from the environment, in the order an admin reads their problems: its
 * kind (type, default as an admin would write it, allowed values) and the one sentence said when it is not of it; then
 * the rules between settings (what production requires, what goes together). server/config.ts parses with it;
 * README's table and .env.example are held to it by test/server/settingsDocumented.test.ts.
 */
export const SERVICE_ENVIRONMENTS = ['production', 'development', 'test'] as const;
export const PROFILE_SOURCES = ['fixtures', 'linkedin'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type ServiceEnvironment = (typeof SERVICE_ENVIRONMENTS)[number];
export type ProfileSourceName = (typeof PROFILE_SOURCES)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

/** PROFILE_SOURCE when unset: the fixture people are made up, so they stand in for LinkedIn outside production only. */
export const PROFILE_SOURCE_DEFAULTS: Record<ServiceEnvironment, ProfileSourceName> = {
  production: 'linkedin',
  development: 'fixtures',
  test: 'fixtures',
};

/** The settings that may point the LinkedIn sign-in at another LinkedIn (the simulated one), outside production. */
export const LINKEDIN_ENDPOINT_SETTINGS = {
  authorization: 'LINKEDIN_AUTHORIZATION_ENDPOINT',
  token: 'LINKEDIN_TOKEN_ENDPOINT',
  userinfo: 'LINKEDIN_USERINFO_ENDPOINT',
  jwks: 'LINKEDIN_JWKS_URI',
  revoke: 'LINKEDIN_REVOKE_ENDPOINT',
} as const;
const LINKEDIN_SIGN_IN = ['LINKEDIN_CLIENT_ID', 'LINKEDIN_CLIENT_SECRET', 'LINKEDIN_CALLBACK_URL', 'LINKEDIN_DIALOG_REDIRECT_URIS'];

const mustBeOneOf =
  (values: readonly string[]): Problem =>
  (got, _issue, name) =>
    `${name} must be one of ${values.join(', ')} (got "${got}")`;
const mustBeWholeNumber =
  (min: number, max: number): Problem =>
  (got, _issue, name) =>
    `${name} must be a whole number from ${min} to ${max} (got "${got}")`;
const port = () => wholeNumber(0, 65535);

/** `keyId:base64 of 32 bytes`: the first key encrypts, every key decrypts. */
const KEY_ENTRY = /^\s*([A-Za-z0-9_-]{1,32})\s*:(.*)$/s;
const encryptionKey = z
  .pipe(
    z.string().check(z.regex(KEY_ENTRY)),
    z.transform((entry) => {
      const [, id = '', key = ''] = KEY_ENTRY.exec(entry) ?? [];
      return { id, key: Buffer.from(key.trim(), 'base64') };
    }),
  )
  .check(z.refine((entry) => entry.key.length === 32));
/** A key id named twice is refused (which key would a sealed token's id mean?); an entry in error is not counted. */
const uniqueKeyIds = z.check<{ id: string }[]>(
  (payload) => {
    const seen = new Set<string>();
    payload.value.forEach((key, index) => {
      if (payload.issues.some((issue) => issue.path?.[0] === index)) return;
      if (seen.has(key.id)) payload.issues.push({ code: 'custom', input: key.id, path: [index], params: { twice: key.id } });
      seen.add(key.id);
    });
  },
  { when: () => true },
);
const keysProblem: Problem = (got, issue) => {
  const name = 'TOKEN_ENCRYPTION_KEYS';
  if (got === undefined) return `${name} must be set: keyId:base64 of 32 random bytes (e.g. k1:$(openssl rand -base64 32))`;
  if (issue.code === 'custom' && issue.params?.twice) return `${name} names key id "${String(issue.params.twice)}" twice`;
  return `${name} entry ${(issue.path?.[1] as number) + 1} must be keyId:base64 of exactly 32 bytes (value not shown)`;
};

/** A path segment the service can route on (no Fastify parameter or wildcard characters, no dot segments). */
const SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._~-]+$/;
/** '/' or '/a/b/', slashes added where missing. */
const urlPath = z.pipe(
  listOf(z.string().check(z.regex(SEGMENT)), '/', (segment) => segment === ''),
  z.transform((segments) => (segments.length === 0 ? '/' : `/${segments.join('/')}/`)),
);

const linkedInEndpoint = () => z.optional(z.string());
const endpointProblem: Problem = (_got, _issue, name) => `${name} must be an https:// URL or http://127.0.0.1…`;

export const SERVICE_SETTINGS = {
  SERVICE_ENV: setting(z.prefault(oneOf(SERVICE_ENVIRONMENTS), 'production'), mustBeOneOf(SERVICE_ENVIRONMENTS)),
  ENTRA_APP_ID: setting(z.string().check(z.regex(GUID)), "ENTRA_APP_ID must be the service's application (client) id, a GUID"),
  ENTRA_ALLOWED_TENANTS: setting(
    listOf(z.string().check(z.trim(), z.toLowerCase(), z.regex(GUID))).check(z.minLength(1)),
    'ENTRA_ALLOWED_TENANTS must be a comma-separated list of tenant ids (GUIDs)',
  ),
  ENTRA_AUTHORITY: setting(
    z.prefault(
      z.string().check(
        z.overwrite((url) => url.replace(/\/+$/, '')),
        z.refine(isHttpsOrLoopback),
      ),
      'https://login.microsoftonline.com',
    ),
    'ENTRA_AUTHORITY must be an https:// URL (http:// only to 127.0.0.1 outside production)',
  ),
  DATABASE_URL: setting(z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//))), 'DATABASE_URL must start with postgres://'),
  TOKEN_ENCRYPTION_KEYS: setting(listOf(encryptionKey, ',', () => false).check(uniqueKeyIds), keysProblem),
  POLICY_FILE: setting(z.optional(readablePath), (got) => `POLICY_FILE cannot be read (${got})`),
  SERVICE_CLOUD: setting(z.optional(oneOf(KNOWN_CLOUDS)), `SERVICE_CLOUD must be one of ${KNOWN_CLOUDS.join(', ')}`),
  SERVICE_MAILBOX_GEO: setting(
    z.optional(z.string().check(z.toUpperCase(), z.regex(/^[A-Z]{3}$/))),
    'SERVICE_MAILBOX_GEO must be a 3-letter data location such as NAM',
  ),
  SERVICE_TENANT_COUNTRY: setting(
    z.optional(z.string().check(z.toUpperCase(), z.regex(/^[A-Z]{2}$/))),
    'SERVICE_TENANT_COUNTRY must be a 2-letter country code such as US',
  ),
  LINKEDIN_CLIENT_ID: setting(
    z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/))),
    "LINKEDIN_CLIENT_ID must be the LinkedIn app's client id",
  ),
  LINKEDIN_CLIENT_SECRET: setting(
    z.optional(z.string().check(z.minLength(8))),
    "LINKEDIN_CLIENT_SECRET must be the LinkedIn app's client secret (value not shown)",
  ),
  LINKEDIN_CALLBACK_URL: setting(
    z.optional(
      z.string().check(
        z.refine(isServiceUrl),
        z.refine((url) => urlPathEndsWith(url, '/api/v1/connection/callback')),
      ),
    ),
    "LINKEDIN_CALLBACK_URL must be the https:// address of this service's …/api/v1/connection/callback",
  ),
  LINKEDIN_DIALOG_REDIRECT_URIS: setting(
    z.optional(
      listOf(
        z.string().check(
          z.trim(),
          z.refine(isServiceUrl),
          z.refine((url) => !urlHasQuery(url)),
        ),
      ).check(z.minLength(1)),
    ),
    "LINKEDIN_DIALOG_REDIRECT_URIS must list the exact https:// addresses of the add-in's dialog.html, comma-separated",
  ),
  LINKEDIN_AUTHORIZATION_ENDPOINT: setting(linkedInEndpoint(), endpointProblem),
  LINKEDIN_TOKEN_ENDPOINT: setting(linkedInEndpoint(), endpointProblem),
  LINKEDIN_USERINFO_ENDPOINT: setting(linkedInEndpoint(), endpointProblem),
  LINKEDIN_JWKS_URI: setting(linkedInEndpoint(), endpointProblem),
  LINKEDIN_REVOKE_ENDPOINT: setting(linkedInEndpoint(), endpointProblem),
  PROFILE_SOURCE: setting(z.optional(oneOf(PROFILE_SOURCES)), mustBeOneOf(PROFILE_SOURCES)),
  HOST: z.prefault(z.string(), '127.0.0.1'),
  PORT: setting(z.prefault(port(), '3001'), mustBeWholeNumber(0, 65535)),
  BASE_PATH: setting(
    z.prefault(urlPath, '/'),
    (got) => `BASE_PATH must be the URL path the add-in is hosted under, such as /linkedin/ (got "${got}")`,
  ),
  LOG_LEVEL: setting(z.prefault(oneOf(LOG_LEVELS), 'info'), mustBeOneOf(LOG_LEVELS)),
  PGLITE_DIR: z.prefault(z.string(), '.data/insights-db'),
  RATE_LIMIT_PER_USER: setting(z.prefault(wholeNumber(1, 1_000_000), '300'), mustBeWholeNumber(1, 1_000_000)),
  RATE_LIMIT_PER_IP: setting(z.prefault(wholeNumber(1, 1_000_000), '3000'), mustBeWholeNumber(1, 1_000_000)),
  METRICS_PORT: setting(z.optional(port()), mustBeWholeNumber(0, 65535)),
  METRICS_HOST: z.prefault(z.string(), '127.0.0.1'),
};

const production = ({ value }: Parameters<Rule>[0]) => value<ServiceEnvironment>('SERVICE_ENV') === 'production';

/** http:// to a loopback stand-in is for development and tests: production's addresses are https:// only. */
const httpsInProduction: Rule = (context) => {
  if (!production(context)) return;
  for (const name of ['ENTRA_AUTHORITY', 'LINKEDIN_CALLBACK_URL']) if (isPlainHttp(context.value(name))) context.refuse(name);
  if (context.value<string[]>('LINKEDIN_DIALOG_REDIRECT_URIS')?.some(isPlainHttp)) context.refuse('LINKEDIN_DIALOG_REDIRECT_URIS');
};

/** The LinkedIn sign-in is configured whole or not at all (then connecting answers 503 and says so). */
const linkedInWhole: Rule = ({ given, refuse }) => {
  if (!LINKEDIN_SIGN_IN.some(given)) return;
  for (const name of LINKEDIN_SIGN_IN) if (!given(name)) refuse(name);
};

/** LinkedIn's own addresses in production; outside it, another LinkedIn's (the simulated one). */
const linkedInEndpoints: Rule = (context) => {
  for (const name of Object.values(LINKEDIN_ENDPOINT_SETTINGS)) {
    const url = context.value<string>(name);
    if (url === undefined) continue;
    if (production(context)) context.refuse(name, `${name} cannot be changed in production (LinkedIn's own address is used)`);
    else if (!isServiceUrl(url)) context.refuse(name);
  }
};

/** Where profiles come from: never the made-up people in production, never LinkedIn without its sign-in. */
const profileSource: Rule = (context) => {
  const source =
    context.value<ProfileSourceName>('PROFILE_SOURCE') ??
    PROFILE_SOURCE_DEFAULTS[context.value<ServiceEnvironment>('SERVICE_ENV') ?? 'production'];
  if (source === 'fixtures' && production(context))
    context.refuse(
      'PROFILE_SOURCE',
      'PROFILE_SOURCE=fixtures serves made-up people: it is refused in production (use linkedin, or SERVICE_ENV=development)',
    );
  if (source === 'linkedin' && !LINKEDIN_SIGN_IN.some(context.given))
    context.refuse('PROFILE_SOURCE', 'PROFILE_SOURCE=linkedin (the default in production) needs the LINKEDIN_* sign-in variables');
};

/** The metrics have a port of their own. */
const metricsPort: Rule = ({ value, refuse }) => {
  const metrics = value<number>('METRICS_PORT');
  if (metrics !== undefined && metrics !== 0 && metrics === value<number>('PORT'))
    refuse('METRICS_PORT', 'METRICS_PORT must differ from PORT: the metrics have a port of their own');
};

export const SERVICE_RULES: readonly Rule[] = [httpsInProduction, linkedInWhole, linkedInEndpoints, profileSource, metricsPort];

export const serviceSettings = settingsSchema(SERVICE_SETTINGS, SERVICE_RULES);
export type ServiceSettings = z.output<typeof serviceSettings>;
