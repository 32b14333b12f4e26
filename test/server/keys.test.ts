import { rotateKeys } from '../../server/admin/keys';
import { assertKeysInUseConfigured, KeyInUseMissingError } from '../../server/crypto/sealedTokens';
import { createTokenCipher } from '../../server/crypto/tokenCipher';
import { pendingSignInContext, revocationContext } from '../../server/crypto/tokenContexts';
import { openDatabase, type DatabaseHandle } from '../../server/db/database';
import { connect, emptyTables, pendingSignIn, person, storeFor } from './support/held';
import { freshTestDatabase } from './support/pgliteTemplate';

/**
 * Key rotation (`npm run keys -- rotate`) on the embedded database and on PostgreSQL (.ci/run): tokens sealed with k1
 * are re-sealed with k2 and read with k2 alone afterwards; while k1 still seals stored tokens, a configuration without
 * it is refused, naming it.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const k1 = { id: 'k1', key: Buffer.alloc(32, 1) };
const k2 = { id: 'k2', key: Buffer.alloc(32, 2) };
let handle: DatabaseHandle;

beforeEach(async () => {
  handle = onPostgres ? await openDatabase({ databaseUrl: process.env.DATABASE_URL }) : await freshTestDatabase();
  await emptyTables(handle);
  await connect(handle, [k1], 1);
  await connect(handle, [k1], 2);
  await pendingSignIn(handle, [k1]);
  // A dropped token LinkedIn has not confirmed revoked yet: waiting in the revocation queue, sealed with k1 too.
  const dropped = { accessToken: 'queued-token', expiresAt: new Date(Date.now() + 86_400_000), reason: 'disconnect' as const };
  await storeFor(handle, [k1]).revocations.queue(handle.db, dropped);
}, 180_000);
afterEach(() => handle.close());

test(`on ${onPostgres ? 'PostgreSQL' : 'the embedded database'}: tokens sealed with k1 read with k2 alone after rotation`, async () => {
  expect(await rotateKeys(handle.db, [k2, k1])).toEqual({ resealed: 4, after: new Map([['k2', 4]]) });
  const onlyK2 = createTokenCipher([k2]);
  const store = storeFor(handle, [k2]).connections;
  expect((await store.find(person(1)))?.accessToken()).toBe('token-1');
  expect((await store.find(person(2)))?.accessToken()).toBe('token-2');
  const pending = await handle.db.selectFrom('pending_sign_ins').select(['id', 'token_ciphertext']).executeTakeFirstOrThrow();
  expect(onlyK2.decrypt(pending.token_ciphertext ?? '', pendingSignInContext(pending.id))).toBe('pending-token');
  const queued = await handle.db.selectFrom('revocations').select(['id', 'token_ciphertext']).executeTakeFirstOrThrow();
  expect(onlyK2.decrypt(queued.token_ciphertext, revocationContext(queued.id))).toBe('queued-token');
  await expect(assertKeysInUseConfigured(handle.db, [k2])).resolves.toBeUndefined();
  // Nothing left to re-seal.
  expect((await rotateKeys(handle.db, [k2, k1])).resealed).toBe(0);
});

test('a key still in use removed from the settings: refused, naming the key and how many tokens it seals', async () => {
  const refusal = assertKeysInUseConfigured(handle.db, [k2]);
  await expect(refusal).rejects.toBeInstanceOf(KeyInUseMissingError);
  await expect(refusal).rejects.toThrow('TOKEN_ENCRYPTION_KEYS lacks key "k1" (4 stored tokens)');
  // Rotation cannot read them either: it refuses before changing anything.
  await expect(rotateKeys(handle.db, [k2])).rejects.toThrow('lacks key "k1"');
  const store = storeFor(handle, [k1]).connections;
  expect((await store.find(person(1)))?.accessToken()).toBe('token-1');
});
