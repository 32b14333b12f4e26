import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FRAME_ANCESTORS, loadServeConfig } from '../../server/hosting/config';
import { configProblemsOf } from './support/configProblems';

/**
 * What an admin reads when a setting of `npm run serve` is wrong: every problem, in this order, in these words (no
 * key printed), and what a good environment parses to. Pinned before the settings move to one schema.
 */
const dir = mkdtempSync(join(tmpdir(), 'hosting-'));
const addinDir = join(dir, 'dist');
execFileSync('mkdir', ['-p', addinDir]);
writeFileSync(join(addinDir, 'taskpane.html'), '<!doctype html>');
const pem = (name: string, cn: string) => {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', `/CN=${cn}`].concat([
      '-keyout',
      join(dir, `${name}.key`),
      '-out',
      join(dir, `${name}.pem`),
    ]),
    { stdio: 'ignore' },
  );
  return { cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) };
};
const one = pem('one', 'one');
const two = pem('two', 'two');

/** The service's own settings, good, so that only npm run serve's are at fault. */
const SERVICE = {
  ENTRA_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  ENTRA_ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
  TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  LINKEDIN_CLIENT_ID: 'client-1',
  LINKEDIN_CLIENT_SECRET: 'secret-value-1',
  LINKEDIN_CALLBACK_URL: 'https://insights.contoso.com/api/v1/connection/callback',
  LINKEDIN_DIALOG_REDIRECT_URIS: 'https://addins.contoso.com/linkedin/dialog.html',
};
const serve = (env: Record<string, string>, environment: 'production' | 'development' = 'production') =>
  loadServeConfig({ ...SERVICE, SERVICE_ENV: environment, ...env });

function problemsOf(env: Record<string, string>, environment: 'production' | 'development' = 'production'): string[] {
  return configProblemsOf(() => serve(env, environment));
}

const ROWS: [string, Record<string, string>, string[]][] = [
  [
    'nothing set in production, the add-in folder without a build',
    { ADDIN_DIR: dir },
    [
      `ADDIN_DIR must be the deploy build (npm run build → dist/): no taskpane.html in ${dir}`,
      'npm run serve needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE, or TRUST_PROXY when a reverse proxy in front terminates HTTPS',
    ],
  ],
  [
    'a frame ancestor over http, a bad proxy list, source maps not a boolean',
    { ADDIN_DIR: addinDir, FRAME_ANCESTORS: "'self', http://evil.example ftp://x", TRUST_PROXY: '10.0.0.1,,x', SERVE_SOURCE_MAPS: 'yes' },
    [
      `FRAME_ANCESTORS must list https:// origins (or 'self'), separated by spaces (got "http://evil.example")`,
      "TRUST_PROXY must be true, a number of proxy hops, or the proxies' addresses (comma-separated)",
      'npm run serve needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE, or TRUST_PROXY when a reverse proxy in front terminates HTTPS',
      'SERVE_SOURCE_MAPS must be true or false (got "yes")',
    ],
  ],
  [
    'a certificate without its key',
    { ADDIN_DIR: addinDir, TLS_CERT_FILE: one.cert },
    [
      'TLS_CERT_FILE and TLS_KEY_FILE go together: set both (HTTPS) or neither (behind a reverse proxy)',
      'npm run serve needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE, or TRUST_PROXY when a reverse proxy in front terminates HTTPS',
    ],
  ],
  [
    'files that cannot be read',
    { ADDIN_DIR: addinDir, TLS_CERT_FILE: '/nonexistent/c.pem', TLS_KEY_FILE: '/nonexistent/k.pem', TRUST_PROXY: 'true' },
    ['TLS_CERT_FILE cannot be read (/nonexistent/c.pem)', 'TLS_KEY_FILE cannot be read (/nonexistent/k.pem)'],
  ],
  [
    'a key given as the certificate',
    { ADDIN_DIR: addinDir, TLS_CERT_FILE: one.key, TLS_KEY_FILE: one.key, TRUST_PROXY: '2' },
    ['TLS_CERT_FILE is not a PEM certificate (chain)'],
  ],
  [
    'a certificate given as the key',
    { ADDIN_DIR: addinDir, TLS_CERT_FILE: one.cert, TLS_KEY_FILE: one.cert, TRUST_PROXY: '2' },
    ['TLS_KEY_FILE is not a PEM private key (or it is encrypted: give the key without a passphrase)'],
  ],
  [
    "another certificate's key",
    { ADDIN_DIR: addinDir, TLS_CERT_FILE: one.cert, TLS_KEY_FILE: two.key },
    [
      "TLS_KEY_FILE is not the private key of TLS_CERT_FILE's certificate: give the pair that belongs together",
      'npm run serve needs HTTPS: set TLS_CERT_FILE and TLS_KEY_FILE, or TRUST_PROXY when a reverse proxy in front terminates HTTPS',
    ],
  ],
];

test.each(ROWS)('%s', (_name, env, problems) => {
  expect(problemsOf(env)).toEqual(problems);
});

test('outside production plain HTTP is allowed', () => {
  expect(problemsOf({ ADDIN_DIR: addinDir }, 'development')).toEqual([]);
});

test('a good environment: defaults filled in, the pair read, the proxy setting in its three forms', () => {
  const read = (env: Record<string, string>) => serve(env).hosting;
  const withTls = read({ ADDIN_DIR: addinDir, TLS_CERT_FILE: one.cert, TLS_KEY_FILE: ` ${one.key} ` });
  expect(withTls).toEqual({
    addinDir,
    frameAncestors: [...DEFAULT_FRAME_ANCESTORS],
    tls: { cert: expect.any(Buffer), key: expect.any(Buffer) },
    trustProxy: false,
    sourceMaps: false,
  });
  expect(withTls.tls?.cert.toString()).toContain('BEGIN CERTIFICATE');
  const behind = (TRUST_PROXY: string) => read({ ADDIN_DIR: addinDir, TRUST_PROXY }).trustProxy;
  expect([behind('true'), behind('2'), behind('127.0.0.1, 10.0.0.0/8')]).toEqual([true, 2, ['127.0.0.1', '10.0.0.0/8']]);
  expect(
    read({ ADDIN_DIR: addinDir, TRUST_PROXY: 'true', FRAME_ANCESTORS: "'self' https://*.contoso.com", SERVE_SOURCE_MAPS: 'true' }),
  ).toMatchObject({
    frameAncestors: ["'self'", 'https://*.contoso.com'],
    sourceMaps: true,
  });
});
