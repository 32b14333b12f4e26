import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../server/db/database';
import { startEntraStandIn, type EntraStandIn } from '../../dev/standins/entraIssuer';
import { templateBlob } from './support/pgliteTemplate';
import { startTestService, TENANT, USER, type TestService } from './support/service';

/**
 * The embedded database on disk: a restart keeps connections; a stored token is ciphertext; after disconnect neither
 * the token nor an address the user looked up appears anywhere in the database's files or tables.
 */
const TOKEN = 'AQX-linkedin-access-token-4f9c2e71b0d8';
const LOOKED_UP = 'aiko.tanaka@fabrikam.com';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function occurrences(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le'), Buffer.from(Buffer.from(needle).toString('base64'))];
  return filesUnder(dir).filter((file) => {
    const bytes = readFileSync(file);
    return forms.some((form) => bytes.includes(form));
  });
}

async function tableText(database: DatabaseHandle): Promise<string> {
  const connections = await database.db.selectFrom('connections').selectAll().execute();
  const audit = await database.db.selectFrom('audit_trail').selectAll().execute();
  return JSON.stringify({ connections, audit });
}

let dir: string;
let entra: EntraStandIn;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insights-persistence-'));
  entra = await startEntraStandIn('test');
});
afterAll(async () => {
  await entra.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The service on a file-backed PGlite in `dir`; the first start lays the directory from the migrated template. */
async function startOnDisk(first: boolean): Promise<TestService> {
  const database = await openDatabase({ pgliteDir: dir, ...(first ? { pgliteTemplate: await templateBlob() } : {}) });
  const service = await startTestService({ database, entra });
  const close = service.close;
  return { ...service, close: async () => (await close(), await database.close()) };
}

it('keeps a connection across a restart, stores only ciphertext, and leaves no token or address behind after disconnect', async () => {
  let service = await startOnDisk(true);
  const auth = { authorization: `Bearer ${await service.token()}` };
  await service.connect('twoWay', undefined, TOKEN);
  expect(
    (await service.app.inject({ method: 'POST', url: '/api/v1/profiles/lookup', headers: auth, payload: { emails: [LOOKED_UP] } }))
      .statusCode,
  ).toBe(200);

  const stored = await service.database.db.selectFrom('connections').select('token_ciphertext').executeTakeFirstOrThrow();
  expect(stored.token_ciphertext).toMatch(/^v1\.k1\./);
  expect(stored.token_ciphertext).not.toContain(TOKEN);
  expect(await tableText(service.database)).not.toContain(TOKEN);
  await service.close();

  // Restart: a new process would open the same directory.
  service = await startOnDisk(false);
  const status = await service.app.inject({ url: '/api/v1/connection', headers: { authorization: `Bearer ${await service.token()}` } });
  expect(status.json()).toMatchObject({ status: 'connected', consent: 'twoWay' });
  expect((await service.store.find({ tenantId: TENANT, objectId: USER, groups: undefined }))?.accessToken()).toBe(TOKEN);

  const disconnect = await service.app.inject({
    method: 'DELETE',
    url: '/api/v1/connection',
    headers: { authorization: `Bearer ${await service.token()}` },
  });
  expect(disconnect.json()).toEqual({ apiVersion: '1', status: 'notConnected' });
  const text = await tableText(service.database);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(LOOKED_UP);
  expect(text).toContain('"event":"disconnect"');
  expect(await service.database.db.selectFrom('connections').selectAll().execute()).toEqual([]);
  await service.database.embedded?.query('CHECKPOINT');
  await service.close();

  expect(filesUnder(dir).length).toBeGreaterThan(10);
  expect(occurrences(dir, TOKEN)).toEqual([]);
  expect(occurrences(dir, LOOKED_UP)).toEqual([]);
}, 240_000);
