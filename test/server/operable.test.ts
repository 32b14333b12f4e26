import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, startProcess, type RunningProcess, stopAll } from './support/process';
import { ENTRA_APP, LOOPBACK, oneTokenKey } from './support/settings';

/**
 * `npm run serve` as an operator watches it: one start line naming how it runs, one line per request, a stop line;
 * /metrics in Prometheus's text on its own port only when asked; source maps only when asked; and a start that fails
 * on a port, a certificate or the database names the setting to change — never a bare library message, never a secret.
 */
let BUNDLE: string;
let dir: string;
const running: RunningProcess[] = [];
const KEY = oneTokenKey(8);

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...ENTRA_APP,
    TOKEN_ENCRYPTION_KEYS: KEY,
    SERVICE_ENV: 'development',
    ADDIN_DIR: join(dir, 'dist'),
    PGLITE_DIR: join(dir, 'db'),
    POLICY_FILE: join(dir, 'linkedin-policy.json'),
    TRUST_PROXY: '127.0.0.1',
    ...LOOPBACK,
    ...extra,
  };
}

function start(extra: Record<string, string> = {}): RunningProcess {
  const service = startProcess(BUNDLE, env(extra), dir);
  running.push(service);
  return service;
}

beforeAll(() => {
  BUNDLE = bundle('serve');
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'operable-'));
  mkdirSync(join(dir, 'dist', 'server'), { recursive: true });
  writeFileSync(
    join(dir, 'dist', 'taskpane.html'),
    `<!doctype html><meta http-equiv=Content-Security-Policy content="default-src 'self'">`,
  );
  writeFileSync(join(dir, 'dist', 'taskpane.0a1b2c3d.js'), 'console.log(1)\n//# sourceMappingURL=taskpane.0a1b2c3d.js.map');
  writeFileSync(join(dir, 'dist', 'taskpane.0a1b2c3d.js.map'), '{"version":3,"sourcesContent":["the source"]}');
  writeFileSync(
    join(dir, 'dist', 'server', 'build.json'),
    JSON.stringify({ publicUrl: 'https://addins.contoso.com/linkedin/', basePath: '/linkedin/', release: '9.8.7' }),
  );
  writeFileSync(join(dir, 'linkedin-policy.json'), '{ "version": 1 }');
});
afterEach(async () => {
  await stopAll(running, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

test('a start line naming the mode, a line per request, /metrics on its own port, a stop line', async () => {
  const service = start({ METRICS_PORT: '0' });
  const url = await service.listening(/ on (http:\/\/127\.0\.0\.1:\d+) \(/);
  const metricsUrl = /metrics: (http:\/\/127\.0\.0\.1:\d+)\/metrics/.exec(service.output())?.[1] ?? '';
  const startLine =
    service
      .output()
      .split('\n')
      .find((line) => line.includes('serving the add-in')) ?? '';
  for (const fact of [
    `database: embedded in ${join(dir, 'db')}`,
    'plain HTTP behind a reverse proxy (TRUST_PROXY=127.0.0.1)',
    'public URL https://addins.contoso.com/linkedin/',
    'answering under /linkedin/',
    `policy file ${join(dir, 'linkedin-policy.json')}`,
    'source: fixtures',
    'release 9.8.7',
  ])
    expect([fact, startLine.includes(fact)]).toEqual([fact, true]);
  expect(startLine).not.toContain(KEY.slice(3));

  expect((await fetch(`${url}/linkedin/taskpane.html`)).status).toBe(200);
  expect((await fetch(`${url}/linkedin/api/v1/connection?code=secret-code`)).status).toBe(401);
  expect((await fetch(`${url}/linkedin/taskpane.0a1b2c3d.js.map`)).status).toBe(404);
  expect((await fetch(`${url}/metrics`)).status).toBe(404);

  const scraped = await fetch(`${metricsUrl}/metrics`);
  expect(scraped.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const text = await scraped.text();
  expect(text).toContain('http_requests_total{route="/linkedin/api/v1/connection",method="GET",status="401"} 1');
  expect(text).toContain('http_requests_total{route="/linkedin/*",method="GET",status="200"} 1');
  expect(text).toMatch(/http_request_duration_seconds_bucket\{route="\/linkedin\/api\/v1\/connection",le="\+Inf"\} 1/);
  expect(text).toMatch(/^database_errors_total 0$/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  expect(text).toMatch(/^linkedin_revocations_waiting 0$/m);

  service.child.kill('SIGTERM');
  expect(await service.exited).toBe(0);
  expect(service.output()).toMatch(/"msg":"stopping on SIGTERM[^"]*"[\s\S]*"msg":"stopped"/);
  // Read once the service has stopped: a request's line is written after its answer, and the pipe may bring it later
  // than the answer itself (the last one was missing on a loaded machine).
  const lines = service
    .output()
    .split('\n')
    .filter((line) => line.includes('"request answered"'));
  expect(lines.map((line) => JSON.parse(line) as { req: { method: string; url: string }; res: { statusCode: number } })).toEqual([
    expect.objectContaining({ req: { method: 'GET', url: '/linkedin/taskpane.html' }, res: { statusCode: 200 } }),
    expect.objectContaining({ req: { method: 'GET', url: '/linkedin/api/v1/connection?code=[redacted]' }, res: { statusCode: 401 } }),
    expect.objectContaining({ req: { method: 'GET', url: '/linkedin/taskpane.0a1b2c3d.js.map' }, res: { statusCode: 404 } }),
    expect.objectContaining({ req: { method: 'GET', url: '/metrics' }, res: { statusCode: 404 } }),
  ]);
  expect(service.output()).not.toContain('secret-code');
}, 120_000);

test('source maps only when asked (SERVE_SOURCE_MAPS=true); no metrics port unless asked', async () => {
  const service = start({ SERVE_SOURCE_MAPS: 'true' });
  const url = await service.listening(/ on (http:\/\/127\.0\.0\.1:\d+) \(/);
  expect((await fetch(`${url}/linkedin/taskpane.0a1b2c3d.js.map`)).status).toBe(200);
  expect(service.output()).toContain('metrics: off');
}, 120_000);

/** A loopback port something else is listening on. */
async function takenPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

test.each([
  ['the port is taken', async (port: number) => ({ PORT: String(port) }), 'PORT='],
  ['the metrics port is taken', async (port: number) => ({ METRICS_PORT: String(port) }), 'METRICS_PORT='],
  [
    'PostgreSQL does not answer',
    async (port: number) => ({ DATABASE_URL: `postgres://linkedin:pa55word-secret@127.0.0.1:${port + 1}/cards` }),
    'DATABASE_URL (127.0.0.1:',
  ],
  [
    'the certificate and key do not belong together',
    async () => certificateAndOtherKey(),
    "TLS_KEY_FILE is not the private key of TLS_CERT_FILE's certificate",
  ],
])(
  'a start where %s names the setting and exits 1',
  async (_name, extra, named) => {
    const { port, server } = await takenPort();
    try {
      const service = start(await extra(port));
      expect(await service.exited).toBe(1);
      expect(service.output()).toContain(named);
      expect(service.output()).not.toMatch(/pa55word-secret|key values mismatch|^Error: listen/m);
    } finally {
      server.close();
    }
  },
  60_000,
);

function certificateAndOtherKey(): Record<string, string> {
  const make = (name: string) =>
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, `${name}.key`),
        '-out',
        join(dir, `${name}.pem`),
      ],
      {
        stdio: 'ignore',
      },
    );
  make('one');
  make('two');
  return { TLS_CERT_FILE: join(dir, 'one.pem'), TLS_KEY_FILE: join(dir, 'two.key'), TRUST_PROXY: '' };
}
