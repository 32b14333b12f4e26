import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FRAME_ANCESTORS } from '../../server/hosting/config';
import { bundle, startProcess, type RunningProcess, stopAll } from './support/process';
import { ENTRA_APP, LINKEDIN_APP, LOOPBACK, oneTokenKey } from './support/settings';

/**
 * `npm run serve` as an admin runs it: one process, started with a generated configuration (a `.env` file and the
 * environment), hosting a deploy build's pages, the policy file and the API — with the CSP and caching headers, HTTPS
 * from a certificate, and a clear refusal to start on a bad or missing setting.
 */
const PAGE_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'";
const KEY = oneTokenKey(5);
let BUNDLE: string;
let dir: string;
const running: RunningProcess[] = [];

/** A deploy build in miniature: pages carrying their policy in a minified <meta>, a hashed script, the manifest. */
function writeAddin(root: string): void {
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, 'server'), { recursive: true });
  writeFileSync(
    join(root, 'taskpane.html'),
    `<!doctype html><meta http-equiv=Content-Security-Policy content="${PAGE_POLICY}"><title>pane</title>`,
  );
  writeFileSync(join(root, 'dialog.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'">`);
  writeFileSync(join(root, 'taskpane.0a1b2c3d.js'), 'console.log(1)');
  writeFileSync(join(root, 'manifest.xml'), '<OfficeApp/>');
  writeFileSync(join(root, 'assets', 'icon-80.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(root, 'server', 'main.cjs'), '// the service itself: never sent');
  writeFileSync(join(dir, 'secret.txt'), 'outside the add-in');
}

function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...ENTRA_APP,
    TOKEN_ENCRYPTION_KEYS: KEY,
    ...LINKEDIN_APP,
    ADDIN_DIR: join(dir, 'dist'),
    PGLITE_DIR: join(dir, 'db'),
    ...LOOPBACK,
    ...extra,
  };
}

async function serve(env: Record<string, string>): Promise<string> {
  const process = startProcess(BUNDLE, env, dir);
  running.push(process);
  return process.listening(/ on (https?:\/\/127\.0\.0\.1:\d+)/);
}

beforeAll(() => {
  BUNDLE = bundle('serve');
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'serve-'));
  writeAddin(join(dir, 'dist'));
  writeFileSync(
    join(dir, 'linkedin-policy.json'),
    '{ "version": 1, "linkedInAccountConnections": "selected", "selectedGroupId": "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b" }',
  );
});
afterEach(async () => {
  await stopAll(running, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('behind a reverse proxy: pages, files, the policy file and the API from one process, with their headers', async () => {
  // Settings from a .env file beside where it starts, as an admin would keep them; TRUST_PROXY from the environment.
  writeFileSync(join(dir, '.env'), `POLICY_FILE=${join(dir, 'linkedin-policy.json')}\nSERVICE_ENV=production\n`);
  const url = await serve(baseEnv({ TRUST_PROXY: '1' }));

  const page = await fetch(`${url}/taskpane.html`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.headers.get('content-security-policy')).toBe(`${PAGE_POLICY}; frame-ancestors ${DEFAULT_FRAME_ANCESTORS.join(' ')}`);
  expect(page.headers.get('cache-control')).toBe('no-cache');
  expect(page.headers.get('x-frame-options')).toBeNull();
  // HSTS only over HTTPS: here the proxy terminates it and says so in X-Forwarded-Proto; plain HTTP gets none.
  expect(page.headers.get('strict-transport-security')).toBeNull();
  const overHttps = await fetch(`${url}/taskpane.html`, { headers: { 'x-forwarded-proto': 'https' } });
  expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000');
  expect((await fetch(`${url}/dialog.html`)).headers.get('content-security-policy')).toMatch(/^default-src 'self'; frame-ancestors /);

  const script = await fetch(`${url}/taskpane.0a1b2c3d.js`);
  expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect((await fetch(`${url}/manifest.xml`)).headers.get('cache-control')).toBe('no-cache');
  expect((await fetch(`${url}/assets/icon-80.png`)).headers.get('content-type')).toBe('image/png');

  const policy = await fetch(`${url}/linkedin-policy.json`);
  expect(policy.headers.get('cache-control')).toBe('no-cache');
  expect(await policy.json()).toMatchObject({ linkedInAccountConnections: 'selected' });
  // The admin changes the file: the next load sees it (no stale copy).
  writeFileSync(join(dir, 'linkedin-policy.json'), '{ "version": 1, "linkedInAccountConnections": "no" }');
  expect(await (await fetch(`${url}/linkedin-policy.json`)).json()).toMatchObject({ linkedInAccountConnections: 'no' });

  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready', database: 'pglite', policyFile: 'valid' });
  const api = await fetch(`${url}/api/v1/connection`);
  expect(api.status).toBe(401);
  expect(api.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  expect(api.headers.get('cache-control')).toBe('no-store');

  for (const path of ['/server/main.cjs', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/.env', '/nothing-here.html'])
    expect([path, (await fetch(`${url}${path}`)).status]).toEqual([path, 404]);
}, 120_000);

test('hosted at the path of its build: pages, the policy file and the API under /linkedin/, nothing at the root', async () => {
  // What `npm run build -- --env publicUrl=https://addins.contoso.com/linkedin/` writes beside the service.
  writeFileSync(
    join(dir, 'dist', 'server', 'build.json'),
    JSON.stringify({ publicUrl: 'https://addins.contoso.com/linkedin/', basePath: '/linkedin/' }),
  );
  const url = await serve(baseEnv({ TRUST_PROXY: '1', POLICY_FILE: join(dir, 'linkedin-policy.json') }));
  for (const path of ['/linkedin/taskpane.html', '/linkedin/taskpane.0a1b2c3d.js', '/linkedin/linkedin-policy.json', '/linkedin/readyz'])
    expect([path, (await fetch(`${url}${path}`)).status]).toEqual([path, 200]);
  const api = await fetch(`${url}/linkedin/api/v1/connection`);
  expect([api.status, api.headers.get('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token"']);
  for (const path of ['/taskpane.html', '/linkedin-policy.json', '/api/v1/connection', '/linkedin/server/build.json'])
    expect([path, (await fetch(`${url}${path}`)).status]).toEqual([path, 404]);
}, 120_000);

test('BASE_PATH overrides the build: behind a proxy that strips the path, it answers at the root', async () => {
  writeFileSync(join(dir, 'dist', 'server', 'build.json'), JSON.stringify({ basePath: '/linkedin/' }));
  const url = await serve(baseEnv({ TRUST_PROXY: '1', BASE_PATH: '/' }));
  expect((await fetch(`${url}/taskpane.html`)).status).toBe(200);
  expect((await fetch(`${url}/api/v1/connection`)).status).toBe(401);
  expect((await fetch(`${url}/linkedin/taskpane.html`)).status).toBe(404);
}, 120_000);

test('no policy file configured: 404, as the pane expects (the documented defaults apply)', async () => {
  const url = await serve(baseEnv({ SERVICE_ENV: 'development' }));
  expect((await fetch(`${url}/linkedin-policy.json`)).status).toBe(404);
}, 120_000);

test('HTTPS from a certificate and key', async () => {
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    ],
    { stdio: 'ignore' },
  );
  const url = await serve(baseEnv({ TLS_CERT_FILE: join(dir, 'cert.pem'), TLS_KEY_FILE: join(dir, 'key.pem') }));
  expect(url).toMatch(/^https:/);
  const answer = await new Promise<{ status: number; hsts: unknown }>((resolve, reject) => {
    httpsRequest(`${url}/taskpane.html`, { ca: readFileSync(join(dir, 'cert.pem')) }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, hsts: response.headers['strict-transport-security'] });
    })
      .on('error', reject)
      .end();
  });
  expect(answer).toEqual({ status: 200, hsts: 'max-age=31536000' });
}, 120_000);

test.each([
  ['neither HTTPS nor a reverse proxy in production', {}, 'TLS_CERT_FILE'],
  ['a certificate without its key', { TLS_CERT_FILE: '/etc/hostname' }, 'TLS_KEY_FILE'],
  ['an add-in folder that is not a deploy build', { ADDIN_DIR: '/tmp', TRUST_PROXY: 'true' }, 'ADDIN_DIR'],
  [
    'a frame ancestor that is not an https origin',
    { FRAME_ANCESTORS: "'self' http://evil.example", TRUST_PROXY: 'true' },
    'FRAME_ANCESTORS',
  ],
  ['no encryption key', { TOKEN_ENCRYPTION_KEYS: '', TRUST_PROXY: 'true' }, 'TOKEN_ENCRYPTION_KEYS'],
  ['a base path that is not a URL path', { BASE_PATH: '/linked in/:id', TRUST_PROXY: 'true' }, 'BASE_PATH'],
])(
  'refuses to start with %s: exits non-zero, the setting named, no secret printed',
  async (_name, extra, setting) => {
    const process = startProcess(BUNDLE, { ...baseEnv(), SERVICE_ENV: 'production', ...extra }, dir);
    running.push(process);
    await expect(process.exited).resolves.not.toBe(0);
    expect(process.output()).toContain(setting);
    expect(process.output()).not.toContain(KEY.slice(3));
  },
  60_000,
);
