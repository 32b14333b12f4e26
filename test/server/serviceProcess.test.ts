import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, startProcess } from './support/process';

/**
 * `npm run service` as an admin runs it: the bundled server (built as `npm run build:server` builds it) started as a
 * process on the embedded database in a folder, with nothing else keeping it alive. It must listen, be ready, and stop
 * cleanly on SIGTERM; without a required setting it must exit non-zero naming it.
 */
let BUNDLE: string;
const ENV = {
  ENTRA_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  ENTRA_ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
  TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
  // Production (the default): LinkedIn is the profile source, so its app must be configured (nothing is asked of
  // LinkedIn at start).
  LINKEDIN_CLIENT_ID: 'contoso-linkedin-app',
  LINKEDIN_CLIENT_SECRET: 'linkedin-client-secret-value',
  LINKEDIN_CALLBACK_URL: 'https://addins.contoso.com/linkedin/api/v1/connection/callback',
  LINKEDIN_DIALOG_REDIRECT_URIS: 'https://addins.contoso.com/linkedin/dialog.html',
  HOST: '127.0.0.1',
  PORT: '0',
};

beforeAll(() => {
  BUNDLE = bundle('main');
});

test('starts on the embedded database in a folder, is ready, and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'insights-service-'));
  const service = startProcess(BUNDLE, { ...ENV, PGLITE_DIR: join(dir, 'db') });
  try {
    const url = await service.listening(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite', policyFile: 'none' });
    service.child.kill('SIGTERM');
    await expect(service.exited).resolves.toBe(0);
  } finally {
    service.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 240_000);

test('a missing setting stops it at once, named, with a non-zero exit', async () => {
  const { ENTRA_APP_ID: _missing, ...withoutAppId } = ENV;
  const service = startProcess(BUNDLE, withoutAppId);
  await expect(service.exited).resolves.not.toBe(0);
  expect(service.output()).toContain('ENTRA_APP_ID');
  expect(service.output()).not.toContain(ENV.TOKEN_ENCRYPTION_KEYS.slice(3));
}, 60_000);
