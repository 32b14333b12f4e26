import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, startProcess, type RunningProcess, stopAll } from './support/process';
import { ENTRA_APP, LOOPBACK, oneTokenKey } from './support/settings';

/**
 * The embedded database's folder on disk, as the service process leaves it: the folder 0700 and every file 0600
 * (PGlite would make them 0666), narrowed at start where an older release left them wide; and one process per folder —
 * a second one stops at once naming the setting and the holder, while a lock left by a killed process is taken over.
 */
let BUNDLE: string;
let dir: string;
const running: RunningProcess[] = [];
const ENV = {
  ...ENTRA_APP,
  TOKEN_ENCRYPTION_KEYS: oneTokenKey(3),
  SERVICE_ENV: 'development',
  ...LOOPBACK,
};

function start(): RunningProcess {
  const service = startProcess(BUNDLE, { ...ENV, PGLITE_DIR: join(dir, 'db') });
  running.push(service);
  return service;
}

/** Every entry under the folder with its permission bits, the folder itself first. */
function modes(root: string): Array<[string, string]> {
  const found: Array<[string, string]> = [[root, (statSync(root).mode & 0o777).toString(8)]];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    found.push([path, (statSync(path).mode & 0o777).toString(8)]);
  }
  return found;
}

/** The entries whose mode is not the private one (0700 folders, 0600 files): none. */
function notPrivate(root: string): Array<[string, string]> {
  return modes(root).filter(([path, mode]) => mode !== (statSync(path).isDirectory() ? '700' : '600'));
}

beforeAll(() => {
  BUNDLE = bundle('main');
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'embedded-folder-'));
});
afterEach(async () => {
  await stopAll(running, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

test('one process per folder, private on disk: a second stops at once; a killed holder is taken over and wide files narrowed', async () => {
  const first = start();
  const url = await first.listening(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  const db = join(dir, 'db');
  expect(modes(db).length).toBeGreaterThan(500);
  expect(notPrivate(db)).toEqual([]);
  expect((statSync(`${db}.lock`).mode & 0o777).toString(8)).toBe('600');

  const second = start();
  expect(await second.exited).not.toBe(0);
  expect(second.output()).toContain(`PGLITE_DIR ${db} is in use by process ${first.child.pid}`);
  expect((await fetch(`${url}/readyz`)).status).toBe(200);

  // The holder dies without closing (its lock stays); an older release's wide permissions are put back on the folder.
  first.child.kill('SIGKILL');
  await first.exited;
  chmodSync(db, 0o777);
  chmodSync(join(db, 'PG_VERSION'), 0o666);
  chmodSync(join(db, 'base'), 0o777);
  const third = start();
  const thirdUrl = await third.listening(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  expect((await fetch(`${thirdUrl}/readyz`)).status).toBe(200);
  expect(notPrivate(db)).toEqual([]);
  third.child.kill('SIGTERM');
  await expect(third.exited).resolves.toBe(0);
  expect(() => statSync(`${db}.lock`)).toThrow();
}, 240_000);
