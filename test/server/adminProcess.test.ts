import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/database';
import { createTokenCipher } from '../../server/crypto/tokenCipher';
import { connectionContext } from '../../server/crypto/tokenContexts';
import { scanFolder } from './support/diskScan';
import { connect, person, storeFor } from './support/held';
import { bundle, startProcess, type RunningProcess, stopAll } from './support/process';
import { ENTRA_APP, LOOPBACK } from './support/settings';

/**
 * The admin's commands as an admin runs them (`node server/admin.cjs …` beside the service, on the service's settings)
 * against the embedded database in a folder: a key that still seals tokens cannot be dropped until `keys rotate` has
 * re-sealed them; a backup is refused while the service holds the folder, and a backup restored holds the very same
 * connections; erase-user and export-user by Entra object id.
 */
let ADMIN: string;
let MAIN: string;
let dir: string;
const running: RunningProcess[] = [];
const K1 = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
const BASE = {
  ...ENTRA_APP,
  SERVICE_ENV: 'development',
  ...LOOPBACK,
};

function start(file: string, env: Record<string, string>, args: string[] = []): RunningProcess {
  const child = startProcess(file, { ...BASE, PGLITE_DIR: join(dir, 'db'), ...env }, dir, args);
  running.push(child);
  return child;
}

/** Runs one admin command to its end: its exit code and what it printed. */
async function admin(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const run = start(ADMIN, { TOKEN_ENCRYPTION_KEYS: K1, ...env }, args);
  const code = await run.exited;
  return { code, output: run.output() };
}

/** The folder's database with people 1 and 2 connected, their tokens sealed with k1. */
async function populate(): Promise<void> {
  const database = await openDatabase({ pgliteDir: join(dir, 'db') });
  const keys = [{ id: 'k1', key: Buffer.alloc(32, 1) }];
  await connect(database, keys, 1);
  await connect(database, keys, 2);
  await database.close();
}

beforeAll(() => {
  ADMIN = bundle('admin');
  MAIN = bundle('main');
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'admin-'));
  await populate();
}, 180_000);
afterEach(async () => {
  await stopAll(running, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

test('rotation: without the key in use the service refuses to start; after keys rotate it starts on the new key alone', async () => {
  const made = await admin(['keys', 'new'], { TOKEN_ENCRYPTION_KEYS: '' });
  const line = /^TOKEN_ENCRYPTION_KEYS=((k\d{8}T\d{4}):[A-Za-z0-9+/]{43}=)$/m.exec(made.output);
  expect(made.code).toBe(0);
  const [, newKey = '', newId = ''] = line ?? [];

  const refused = start(MAIN, { TOKEN_ENCRYPTION_KEYS: newKey });
  expect(await refused.exited).toBe(1);
  expect(refused.output()).toContain('TOKEN_ENCRYPTION_KEYS lacks key "k1" (2 stored tokens)');

  const rotation = await admin(['keys', 'rotate'], { TOKEN_ENCRYPTION_KEYS: `${newKey},${K1}` });
  expect([rotation.code, JSON.parse(rotation.output)]).toEqual([0, { resealed: 2, tokensPerKey: { [newId]: 2 } }]);

  const service = start(MAIN, { TOKEN_ENCRYPTION_KEYS: newKey });
  const url = await service.listening(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
}, 240_000);

test('backup → restore gives the same connections; refused while the service holds the folder, and into a used one', async () => {
  const service = start(MAIN, { TOKEN_ENCRYPTION_KEYS: K1 });
  await service.listening(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  const file = join(dir, 'backup.tar.gz');
  const whileRunning = await admin(['backup', file]);
  expect(whileRunning.code).toBe(1);
  expect(whileRunning.output).toContain(`PGLITE_DIR ${join(dir, 'db')} is in use by process ${service.child.pid}`);
  service.child.kill('SIGTERM');
  expect(await service.exited).toBe(0);

  const backup = await admin(['backup', file]);
  expect(backup.code).toBe(0);
  expect(JSON.parse(backup.output)).toMatchObject({ backup: file, counts: { connections: { total: 2 } } });
  expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  const restored = join(dir, 'restored');
  const restore = await admin(['restore', file], { PGLITE_DIR: restored });
  expect(restore.code).toBe(0);
  expect((await admin(['restore', file], { PGLITE_DIR: restored })).output).toContain('already holds a database');

  const before = await connectionsIn(join(dir, 'db'));
  const after = await connectionsIn(restored);
  expect(after).toEqual(before);
  expect(after).toHaveLength(2);
}, 240_000);

test('erase-user and export-user by Entra object id, nothing of theirs left on disk; erase-all only with --yes', async () => {
  const oid = person(1).objectId;
  const onDisk = () =>
    scanFolder(
      join(dir, 'db'),
      createTokenCipher([{ id: 'k1', key: Buffer.alloc(32, 1) }]),
      [connectionContext(person(1)), connectionContext(person(2))],
      [oid, 'token-1'],
    );
  expect(onDisk().fragments.map((found) => found.fragment)).toContain(oid);
  expect(JSON.parse((await admin(['export-user', oid])).output)).toMatchObject({
    objectId: oid,
    connections: [{ consent: 'linkedInToMicrosoft' }],
  });
  const erased = await admin(['erase-user', oid]);
  // LinkedIn is not configured here (development): nothing came from LinkedIn, so the revoke has nothing to ask.
  expect([erased.code, JSON.parse(erased.output)]).toEqual([
    0,
    { connections: 1, auditRows: 1, pendingSignIns: 0, tokens: 1, revoked: 1, unconfirmed: 0 },
  ]);
  expect(JSON.parse((await admin(['export-user', oid])).output)).toMatchObject({ connections: [], auditTrail: [] });
  // Nor in the folder's files: no byte of their object id or token (heap, indexes, WAL), no ciphertext that opens.
  const afterErasure = onDisk();
  expect(afterErasure.fragments).toEqual([]);
  expect(afterErasure.opened.map((found) => found.plaintext)).toEqual(['token-2']);
  expect((await admin(['erase-user', 'not-a-guid'])).code).toBe(2);
  expect((await admin(['erase-all'])).code).toBe(2);
  expect(JSON.parse((await admin(['counts'])).output)).toMatchObject({ connections: { total: 1 } });
  expect(existsSync(`${join(dir, 'db')}.lock`)).toBe(false);
}, 240_000);

/** Every connection in a folder's database, with its token read back. */
async function connectionsIn(folder: string): Promise<unknown[]> {
  const database = await openDatabase({ pgliteDir: folder });
  try {
    const store = storeFor(database, [{ id: 'k1', key: Buffer.alloc(32, 1) }]).connections;
    const rows = await database.db.selectFrom('connections').selectAll().orderBy('object_id').execute();
    return await Promise.all(
      rows.map(async (row) => ({
        ...row,
        token: (await store.find({ tenantId: row.tenant_id, objectId: row.object_id, groups: undefined }))?.accessToken(),
      })),
    );
  } finally {
    await database.close();
  }
}
