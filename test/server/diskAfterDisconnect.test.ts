import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenCipher } from '../../server/crypto/tokenCipher';
import { openDatabase } from '../../server/db/database';
import type { LinkedInStandIn } from '../../dev/standins/linkedinProvider';
import { ivOf, scanFolder, type DiskScan } from './support/diskScan';
import { startStandIn } from './support/linkedin';
import { templateBlob } from './support/pgliteTemplate';
import { TENANT, USER, type TestService } from './support/service';
import { complete, completion, newAttempt, runDialog, startSignInService } from './support/signIn';

/**
 * After a disconnect, the embedded database's folder holds no readable copy of the user's LinkedIn tokens: every file
 * (heap, indexes, WAL) is read, every ciphertext in it tried with the service's keys and every context it binds them
 * to. The user connects through the real sign-in (a pending sign-in holds the token, then the connection), reconnects
 * (the replaced token is queued and revoked), and disconnects while LinkedIn first refuses the revoke (the queue holds
 * it) and then confirms it. Another user stays connected: their token must still be found, which proves the scan
 * reads what the database keeps.
 */
const OTHER = '2b2b2b2b-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
let dir: string;
let standIn: LinkedInStandIn;
let service: TestService;
const cipher = () => createTokenCipher(service.config.encryptionKeys);
const userContexts = [`${TENANT}:${USER}`, `${TENANT}:${OTHER}`];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insights-disk-'));
  standIn = await startStandIn();
  const database = await openDatabase({ pgliteDir: join(dir, 'db'), pgliteTemplate: await templateBlob() });
  service = await startSignInService(standIn, { database });
}, 180_000);
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Connects through the real sign-in; returns the token LinkedIn issued and every ciphertext of it the test saw stored. */
async function connectThroughSignIn(objectId: string): Promise<{ token: string; stored: string[] }> {
  const attempt = newAttempt();
  const { dialog } = await runDialog(service, attempt);
  const pending = await service.database.db.selectFrom('pending_sign_ins').select('token_ciphertext').execute();
  const answer = await complete(service, completion(attempt, dialog?.searchParams.get('code') ?? ''), await service.token({ objectId }));
  expect(answer.statusCode).toBe(200);
  const connection = await service.database.db
    .selectFrom('connections')
    .select('token_ciphertext')
    .where('object_id', '=', objectId)
    .execute();
  const stored = [...pending, ...connection].flatMap((row) => (row.token_ciphertext ? [row.token_ciphertext] : []));
  return { token: standIn.issuedTokens().at(-1) ?? '', stored };
}

const tokensOf = (scan: DiskScan, tokens: readonly string[]) => scan.opened.filter(({ plaintext }) => tokens.includes(plaintext));

test("after disconnect (and the purge that follows within a minute), no file of the folder opens to the user's tokens", async () => {
  const first = await connectThroughSignIn(USER);
  const second = await connectThroughSignIn(USER); // reconnect: the first token is replaced, queued and revoked
  const other = await connectThroughSignIn(OTHER);
  standIn.failRevokes(1);
  const disconnected = await service.app.inject({
    method: 'DELETE',
    url: '/api/v1/connection',
    headers: { authorization: `Bearer ${await service.token()}` },
  });
  expect(disconnected.statusCode).toBe(200);
  const queued = await service.database.db.selectFrom('revocations').select('token_ciphertext').execute();
  expect(queued).toHaveLength(1);
  await service.database.db
    .updateTable('revocations')
    .set({ next_attempt_at: new Date(0) })
    .execute();
  expect(await service.revocations.runDue()).toMatchObject({ confirmed: 1, waiting: 0 });
  expect(standIn.revokedTokens()).toEqual(expect.arrayContaining([first.token, second.token]));

  const tokens = [first.token, second.token];
  const fragments = [...tokens, ...[...first.stored, ...second.stored, ...queued.map((row) => row.token_ciphertext)].map(ivOf)];
  await service.database.embedded?.query('CHECKPOINT');
  // Before the purge the folder still holds the deleted rows' copies: what the purge is for (and proof the scan sees them).
  const before = scanFolder(join(dir, 'db'), cipher(), userContexts, fragments);
  expect(tokensOf(before, tokens).length).toBeGreaterThan(0);

  expect(await service.database.purge?.run()).toBe(true);
  await service.close();
  await service.database.close();

  const after = scanFolder(join(dir, 'db'), cipher(), userContexts, fragments);
  console.log(
    `disk scan after disconnect: ${after.files} files, ${(after.bytes / 1e6).toFixed(1)} MB, ${after.ciphertexts} ciphertexts ` +
      `× ${after.contexts} contexts; before the purge ${tokensOf(before, tokens).length} copies opened to the user's tokens`,
  );
  expect(tokensOf(after, tokens)).toEqual([]);
  expect(after.fragments).toEqual([]);
  // The user who is still connected: their token is in the folder, and opens (the scan reads what the database keeps).
  expect(tokensOf(after, [other.token]).length).toBeGreaterThan(0);
}, 240_000);

test('the service purges by itself, batched: a disconnect is purged within the interval (here 100 ms), once', async () => {
  const database = await openDatabase({ pgliteDir: join(dir, 'timed'), pgliteTemplate: await templateBlob() });
  const purge = database.purge;
  if (!purge) throw new Error('a database in a folder purges');
  const purged: boolean[] = [];
  database.purge = { observe: purge.observe, run: async () => (purged.push(await purge.run()), purged.at(-1) ?? false) };
  const timed = await startSignInService(standIn, { database, purgeEveryMs: 100 });
  try {
    await timed.connect('twoWay', USER, 'linkedin-token-purged-by-itself');
    await timed.app.inject({ method: 'DELETE', url: '/api/v1/connection', headers: { authorization: `Bearer ${await timed.token()}` } });
    // A turn may fall in the middle of the disconnect (its revoke writes after the delete): then the next one purges
    // again. Settled: a turn purged after the disconnect, and the two turns since did nothing (nothing dropped since).
    const since = purged.length;
    const settled = () => {
      const after = purged.slice(since);
      return after.includes(true) && after.slice(after.lastIndexOf(true) + 1).length >= 2;
    };
    for (let i = 0; i < 200 && !settled(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled()).toBe(true);
    expect(purged.slice(since).filter(Boolean).length).toBeLessThanOrEqual(2);
  } finally {
    await timed.close();
    await database.close();
  }
}, 120_000);
