import { Writable } from 'node:stream';
import { createTokenCipher } from '../../server/crypto/tokenCipher';
import { createPendingSignIns } from '../../server/linkedin/pendingSignIns';
import { FIRST_RETRY_MS } from '../../server/linkedin/revocations';
import { loggerOptions } from '../../server/logging';
import type { LinkedInStandIn } from '../../dev/standins/linkedinProvider';
import { startStandIn } from './support/linkedin';
import type { TestService } from './support/service';
import { complete, completion, newAttempt, runDialog, startAuthorize, startSignInService, storedState } from './support/signIn';

/**
 * Every LinkedIn token the service drops is revoked at LinkedIn: asked at once, and when LinkedIn fails, queued in the
 * database and asked again with backoff until it confirms or the token lapses; the count waiting is in the log.
 * The queue's clock is the test's (`clock`); LinkedIn is the stand-in, which can refuse revokes for a while.
 */
let standIn: LinkedInStandIn;
let service: TestService;
let clock = new Date();
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});
const logged = (message: string) =>
  lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === message);

beforeAll(async () => {
  standIn = await startStandIn();
  service = await startSignInService(standIn, { logger: loggerOptions('info', sink), clock: () => clock });
}, 180_000);
afterAll(async () => {
  await service.close();
  await standIn.close();
});
beforeEach(async () => {
  clock = new Date();
  lines.length = 0;
  standIn.failRevokes(0);
  for (const table of ['connections', 'pending_sign_ins', 'revocations'] as const) await service.database.db.deleteFrom(table).execute();
});

/** Connects through the real sign-in; returns the token LinkedIn issued for it. */
async function connect(objectId?: string): Promise<string> {
  const attempt = newAttempt();
  const { dialog } = await runDialog(service, attempt);
  const token = objectId ? await service.token({ objectId }) : undefined;
  expect((await complete(service, completion(attempt, dialog?.searchParams.get('code') ?? ''), token)).statusCode).toBe(200);
  return standIn.issuedTokens().at(-1) ?? '';
}
const disconnect = async () =>
  service.app.inject({ method: 'DELETE', url: '/api/v1/connection', headers: { authorization: `Bearer ${await service.token()}` } });
const queued = () => service.database.db.selectFrom('revocations').selectAll().execute();
const later = (ms: number) => new Date(Date.now() + ms);

test('a disconnect LinkedIn does not confirm is queued, tried again with backoff, and revoked once LinkedIn answers', async () => {
  const token = await connect();
  standIn.failRevokes(2);
  expect((await disconnect()).json()).toEqual({ apiVersion: '1', status: 'notConnected' });
  expect((await storedState(service)).connections).toEqual([]);
  expect(standIn.revokedTokens()).not.toContain(token);
  const [row] = await queued();
  expect(row).toMatchObject({ reason: 'disconnect', attempts: 1, last_failure: 'failed' });
  expect(row?.token_ciphertext).not.toContain(token);
  expect(logged('LinkedIn tokens waiting for revocation').at(-1)).toMatchObject({ waiting: 1, failed: 1, level: 40 });

  // Not due yet: LinkedIn is not asked.
  const requests = standIn.revokeRequests();
  clock = later(FIRST_RETRY_MS / 2);
  expect(await service.revocations.runDue()).toEqual({ confirmed: 0, failed: 0, lapsed: 0, waiting: 1 });
  expect(standIn.revokeRequests()).toBe(requests);
  // 1 minute after the first try: the second fails too; the next waits 2 minutes.
  clock = later(FIRST_RETRY_MS + 1000);
  expect(await service.revocations.runDue()).toMatchObject({ failed: 1, waiting: 1 });
  clock = later(FIRST_RETRY_MS + 1000 + FIRST_RETRY_MS);
  expect(await service.revocations.runDue()).toMatchObject({ failed: 0, confirmed: 0, waiting: 1 });
  clock = later(FIRST_RETRY_MS + 1000 + 2 * FIRST_RETRY_MS + 1000);
  expect(await service.revocations.runDue()).toEqual({ confirmed: 1, failed: 0, lapsed: 0, waiting: 0 });
  expect(standIn.revokedTokens()).toContain(token);
  expect(await queued()).toEqual([]);
  expect(logged('LinkedIn tokens waiting for revocation').at(-1)).toMatchObject({ waiting: 0, confirmed: 1, level: 30 });
});

test("a queued revoke whose token's own expiry passes is dropped without asking LinkedIn", async () => {
  const token = await connect();
  await service.database.db
    .updateTable('connections')
    .set({ token_expires_at: later(10 * 60_000) })
    .execute();
  standIn.failRevokes(1000);
  await disconnect();
  const requests = standIn.revokeRequests();
  clock = later(11 * 60_000);
  expect(await service.revocations.runDue()).toEqual({ confirmed: 0, failed: 0, lapsed: 1, waiting: 0 });
  expect(standIn.revokeRequests()).toBe(requests);
  expect(standIn.revokedTokens()).not.toContain(token);
});

test('a disconnect of a token that has lapsed already asks LinkedIn nothing and queues nothing', async () => {
  await connect();
  await service.database.db
    .updateTable('connections')
    .set({ token_expires_at: later(-1000) })
    .execute();
  const requests = standIn.revokeRequests();
  await disconnect();
  expect(standIn.revokeRequests()).toBe(requests);
  expect(await queued()).toEqual([]);
});

test('reconnecting revokes the token the new connection replaces', async () => {
  const first = await connect();
  const second = await connect();
  expect(standIn.revokedTokens()).toContain(first);
  expect(standIn.revokedTokens()).not.toContain(second);
  expect(await queued()).toEqual([]);
});

test("an abandoned sign-in's token (a code never redeemed) is revoked when it is swept", async () => {
  await runDialog(service, newAttempt());
  const token = standIn.issuedTokens().at(-1) ?? '';
  await service.database.db
    .updateTable('pending_sign_ins')
    .set({ expires_at: later(-1000) })
    .execute();
  // The next sign-in sweeps what has expired.
  await startAuthorize(service, newAttempt());
  expect(standIn.revokedTokens()).toContain(token);
  expect((await storedState(service)).pendingWithToken).toBe(0);
});

test('a code redeemed by a completion that never finishes (a crash) has its token revoked by the queue after 2 minutes', async () => {
  const attempt = newAttempt();
  const { dialog } = await runDialog(service, attempt);
  const token = standIn.issuedTokens().at(-1) ?? '';
  const pending = createPendingSignIns(service.database.db, createTokenCipher(service.config.encryptionKeys), service.revocations);
  expect(await pending.redeem(dialog?.searchParams.get('code') ?? '', new Date())).toMatchObject({ accessToken: token });
  clock = later(60_000);
  expect(await service.revocations.runDue()).toMatchObject({ confirmed: 0, waiting: 1 });
  clock = later(2 * 60_000 + 1000);
  expect(await service.revocations.runDue()).toMatchObject({ confirmed: 1, waiting: 0 });
  expect(standIn.revokedTokens()).toContain(token);
});

test('a completed connection withdraws the revoke its redeemed code queued', async () => {
  const token = await connect();
  expect(await queued()).toEqual([]);
  clock = later(10 * 60_000);
  await service.revocations.runDue();
  expect(standIn.revokedTokens()).not.toContain(token);
});

test('the retry worker says at start how many tokens wait, and retries by itself', async () => {
  const token = await connect();
  standIn.failRevokes(1);
  await disconnect();
  lines.length = 0;
  clock = later(FIRST_RETRY_MS + 1000);
  const stop = service.revocations.start(50);
  try {
    // Waits for the worker to have done it (the stand-in saw the revoke), polling for at most 10 s.
    for (let i = 0; i < 200 && !standIn.revokedTokens().includes(token); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(standIn.revokedTokens()).toContain(token);
  } finally {
    stop();
  }
  expect(logged('LinkedIn tokens waiting for revocation')[0]).toMatchObject({ waiting: 1 });
  expect(await queued()).toEqual([]);
});
