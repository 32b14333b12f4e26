import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, startProcess } from './support/process';
import { ENTRA_APP, LINKEDIN_APP, LOOPBACK, oneTokenKey } from './support/settings';

/**
 * `npm run service` as an admin runs it: the bundled server (built as `npm run build:server` builds it) started as a
 * process on the embedded database in a folder, with nothing else keeping it alive. It must listen, be ready, and stop
 * cleanly on SIGTERM; without a required setting it must exit non-zero naming it.
 */
let BUNDLE: string;
const ENV = {
  ...ENTRA_APP,
  TOKEN_ENCRYPTION_KEYS: oneTokenKey(9),
  // Production (the default): LinkedIn is the profile source, so its app must be configured.
  ...LINKEDIN_APP,
  ...LOOPBACK,
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
