import { loadConfig } from '../../server/config';
import { configProblemsOf } from './support/configProblems';

/**
 * What an admin reads when a setting is wrong: every problem, in this order, in these words (no value of a secret),
 * and what a good environment parses to. Pinned before the settings move to one schema, so the move changes none of it.
 */
const KEY = Buffer.alloc(32, 7).toString('base64');
const BASE: Record<string, string> = {
  SERVICE_ENV: 'development',
  ENTRA_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  ENTRA_ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
  TOKEN_ENCRYPTION_KEYS: `k1:${KEY}`,
};
const LI = {
  LINKEDIN_CLIENT_ID: 'client-1',
  LINKEDIN_CLIENT_SECRET: 'secret-value-1',
  LINKEDIN_CALLBACK_URL: 'https://insights.contoso.com/api/v1/connection/callback',
  LINKEDIN_DIALOG_REDIRECT_URIS: 'https://addins.contoso.com/linkedin/dialog.html',
};

const ROWS: [string, Record<string, string | undefined>, string[]][] = [
  [
    'nothing set',
    {},
    [
      "ENTRA_APP_ID must be the service's application (client) id, a GUID",
      'ENTRA_ALLOWED_TENANTS must be a comma-separated list of tenant ids (GUIDs)',
      'TOKEN_ENCRYPTION_KEYS must be set: keyId:base64 of 32 random bytes (e.g. k1:$(openssl rand -base64 32))',
      'PROFILE_SOURCE=linkedin (the default in production) needs the LINKEDIN_* sign-in variables',
    ],
  ],
  [
    'an unknown SERVICE_ENV',
    { ...BASE, SERVICE_ENV: 'staging' },
    [
      'SERVICE_ENV must be one of production, development, test (got "staging")',
      'PROFILE_SOURCE=linkedin (the default in production) needs the LINKEDIN_* sign-in variables',
    ],
  ],
  [
    'a bad app id and tenant list',
    { ...BASE, ENTRA_APP_ID: 'nope', ENTRA_ALLOWED_TENANTS: 'x, y' },
    [
      "ENTRA_APP_ID must be the service's application (client) id, a GUID",
      'ENTRA_ALLOWED_TENANTS must be a comma-separated list of tenant ids (GUIDs)',
    ],
  ],
  [
    'an http authority in production',
    { ...BASE, ...LI, SERVICE_ENV: 'production', ENTRA_AUTHORITY: 'http://127.0.0.1:9/' },
    ['ENTRA_AUTHORITY must be an https:// URL (http:// only to 127.0.0.1 outside production)'],
  ],
  [
    'an http authority elsewhere than loopback',
    { ...BASE, ENTRA_AUTHORITY: 'http://example.com' },
    ['ENTRA_AUTHORITY must be an https:// URL (http:// only to 127.0.0.1 outside production)'],
  ],
  ['a DATABASE_URL that is not postgres', { ...BASE, DATABASE_URL: 'mysql://x' }, ['DATABASE_URL must start with postgres://']],
  [
    'keys: a short key, a bad id, a twice-named id',
    { ...BASE, TOKEN_ENCRYPTION_KEYS: `k1:${KEY},k1:${KEY},bad id:${KEY},k3:c2hvcnQ=` },
    [
      'TOKEN_ENCRYPTION_KEYS names key id "k1" twice',
      'TOKEN_ENCRYPTION_KEYS entry 3 must be keyId:base64 of exactly 32 bytes (value not shown)',
      'TOKEN_ENCRYPTION_KEYS entry 4 must be keyId:base64 of exactly 32 bytes (value not shown)',
    ],
  ],
  [
    'an unreadable POLICY_FILE',
    { ...BASE, POLICY_FILE: '/nonexistent/policy.json' },
    ['POLICY_FILE cannot be read (/nonexistent/policy.json)'],
  ],
  [
    'tenant facts',
    { ...BASE, SERVICE_CLOUD: 'moon', SERVICE_MAILBOX_GEO: 'NA', SERVICE_TENANT_COUNTRY: 'USA' },
    [
      'SERVICE_CLOUD must be one of worldwide, gcc, gccHigh, dod, china, germany',
      'SERVICE_MAILBOX_GEO must be a 3-letter data location such as NAM',
      'SERVICE_TENANT_COUNTRY must be a 2-letter country code such as US',
    ],
  ],
  ['PROFILE_SOURCE unknown', { ...BASE, PROFILE_SOURCE: 'graph' }, ['PROFILE_SOURCE must be one of fixtures, linkedin (got "graph")']],
  [
    'fixtures in production',
    { ...BASE, ...LI, SERVICE_ENV: 'production', PROFILE_SOURCE: 'fixtures' },
    ['PROFILE_SOURCE=fixtures serves made-up people: it is refused in production (use linkedin, or SERVICE_ENV=development)'],
  ],
  [
    'production without LinkedIn',
    { ...BASE, SERVICE_ENV: 'production' },
    ['PROFILE_SOURCE=linkedin (the default in production) needs the LINKEDIN_* sign-in variables'],
  ],
  [
    'LinkedIn half set',
    {
      ...BASE,
      LINKEDIN_CLIENT_ID: 'a b',
      LINKEDIN_CLIENT_SECRET: 'short',
      LINKEDIN_CALLBACK_URL: 'https://x.com/callback',
      LINKEDIN_DIALOG_REDIRECT_URIS: 'https://a.com/d.html?x=1',
    },
    [
      "LINKEDIN_CLIENT_ID must be the LinkedIn app's client id",
      "LINKEDIN_CLIENT_SECRET must be the LinkedIn app's client secret (value not shown)",
      "LINKEDIN_CALLBACK_URL must be the https:// address of this service's \u2026/api/v1/connection/callback",
      "LINKEDIN_DIALOG_REDIRECT_URIS must list the exact https:// addresses of the add-in's dialog.html, comma-separated",
    ],
  ],
  [
    'LinkedIn endpoints in production',
    { ...BASE, ...LI, SERVICE_ENV: 'production', LINKEDIN_TOKEN_ENDPOINT: 'https://x.com/t' },
    ["LINKEDIN_TOKEN_ENDPOINT cannot be changed in production (LinkedIn's own address is used)"],
  ],
  [
    'LinkedIn endpoint not a service URL',
    { ...BASE, ...LI, LINKEDIN_JWKS_URI: 'http://example.com/jwks' },
    ['LINKEDIN_JWKS_URI must be an https:// URL or http://127.0.0.1\u2026'],
  ],
  [
    'port, rate limits, log level, base path',
    { ...BASE, PORT: '70000', RATE_LIMIT_PER_USER: '0', RATE_LIMIT_PER_IP: '1.5', LOG_LEVEL: 'loud', BASE_PATH: '/a/:b/' },
    [
      'PORT must be a whole number from 0 to 65535 (got "70000")',
      'BASE_PATH must be the URL path the add-in is hosted under, such as /linkedin/ (got "/a/:b/")',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'RATE_LIMIT_PER_USER must be a whole number from 1 to 1000000 (got "0")',
      'RATE_LIMIT_PER_IP must be a whole number from 1 to 1000000 (got "1.5")',
    ],
  ],
  [
    'metrics on the service port',
    { ...BASE, PORT: '4000', METRICS_PORT: '4000' },
    ['METRICS_PORT must differ from PORT: the metrics have a port of their own'],
  ],
  ['metrics port out of range', { ...BASE, METRICS_PORT: 'x' }, ['METRICS_PORT must be a whole number from 0 to 65535 (got "x")']],
];

test.each(ROWS)('%s', (_name, env, problems) => {
  // Every row names problems, so an environment that loads fails here as surely as one that throws something else.
  expect(configProblemsOf(() => loadConfig(env))).toEqual(problems);
});

test('a good environment: trimmed, lower-cased where it is an id, defaults filled in, the path given its slashes', () => {
  const config = loadConfig({
    ...BASE,
    ...LI,
    BASE_PATH: 'linkedin',
    SERVICE_MAILBOX_GEO: 'nam',
    METRICS_PORT: '9100',
    LINKEDIN_JWKS_URI: 'http://127.0.0.1:9/jwks',
    ENTRA_ALLOWED_TENANTS: ' 11111111-2222-4333-8444-555555555555 , AAAAAAAA-2222-4333-8444-555555555555',
  });
  expect(config).toEqual({
    environment: 'development',
    host: '127.0.0.1',
    port: 3001,
    basePath: '/linkedin/',
    logLevel: 'info',
    entra: {
      appId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      allowedTenants: ['11111111-2222-4333-8444-555555555555', 'aaaaaaaa-2222-4333-8444-555555555555'],
      authority: 'https://login.microsoftonline.com',
    },
    pgliteDir: '.data/insights-db',
    encryptionKeys: [{ id: 'k1', key: Buffer.from(KEY, 'base64') }],
    mailboxGeo: 'NAM',
    profileSource: 'fixtures',
    linkedin: {
      clientId: 'client-1',
      clientSecret: 'secret-value-1',
      callbackUrl: 'https://insights.contoso.com/api/v1/connection/callback',
      dialogRedirectUris: ['https://addins.contoso.com/linkedin/dialog.html'],
      endpoints: {
        authorization: 'https://www.linkedin.com/oauth/v2/authorization',
        token: 'https://www.linkedin.com/oauth/v2/accessToken',
        userinfo: 'https://api.linkedin.com/v2/userinfo',
        jwks: 'http://127.0.0.1:9/jwks',
        revoke: 'https://www.linkedin.com/oauth/v2/revoke',
      },
      timeoutMs: 5000,
    },
    rateLimit: { perUserPerMinute: 300, perIpPerMinute: 3000 },
    metrics: { host: '127.0.0.1', port: 9100 },
  });
});
