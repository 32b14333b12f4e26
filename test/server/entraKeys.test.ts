import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, type KeyLike } from 'jose';
import { createEntraVerifier, InvalidTokenError, type EntraVerifier } from '../../server/auth/entraVerifier';
import { startEntraStandIn, type EntraStandIn } from '../../dev/standins/entraIssuer';
import { APP_ID, TENANT, USER } from './support/service';

/**
 * A tenant's Entra keys: kept at most 10 minutes, fetched again at once (after a 30 s cool-down) when a token names a
 * key the set does not have, and a key Entra withdraws stops working within 10 minutes — remembered tokens included.
 * The verifier's clock is moved by the test; the stand-in counts key fetches.
 */
let entra: EntraStandIn;
let clock = 0;
const MINUTE = 60_000;

beforeEach(async () => {
  entra = await startEntraStandIn('test');
  clock = Date.now();
});
afterEach(() => entra.close());

const verifier = (): EntraVerifier =>
  createEntraVerifier({ appId: APP_ID, allowedTenants: [TENANT], authority: entra.authority, now: () => clock });
/** A token issued at the verifier's current time (the stand-in's own clock is the real one). */
const issueAtClock = (objectId = USER, key?: { keyId: string; privateKey: KeyLike }) => {
  const t = Math.floor(clock / 1000);
  return entra.issue({ tenantId: TENANT, objectId, appId: APP_ID, claims: { iat: t, nbf: t, exp: t + 3600 }, ...(key ? { key } : {}) });
};
const accepted = async (verify: EntraVerifier, token: string) => (await verify(token)).objectId;
const refused = (verify: EntraVerifier, token: string) => expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);

test('the key set is kept at most 10 minutes: a call after that fetches it again', async () => {
  const verify = verifier();
  await accepted(verify, await issueAtClock());
  expect(entra.keyFetches()).toBe(1);
  clock += 9 * MINUTE;
  await accepted(verify, await issueAtClock('1a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e'));
  expect(entra.keyFetches()).toBe(1);
  clock += MINUTE + 1;
  await accepted(verify, await issueAtClock('2a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e'));
  expect(entra.keyFetches()).toBe(2);
});

test('a token signed with a new key (Entra rotated) fetches the set again, at most once per 30 s', async () => {
  const verify = verifier();
  await accepted(verify, await issueAtClock());
  await entra.rotateKey();
  const next = await issueAtClock('1a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e');
  // Within the cool-down of the last fetch: refused without asking Entra (forged kids cannot make the service hammer it).
  await refused(verify, next);
  expect(entra.keyFetches()).toBe(1);
  clock += 31_000;
  expect(await accepted(verify, next)).toBe('1a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e');
  expect(entra.keyFetches()).toBe(2);
  // Unknown kids keep arriving: still at most one fetch per 30 s.
  const forged = await new SignJWT({ tid: TENANT }).setProtectedHeader({ alg: 'RS256', kid: 'made-up' }).sign(entra.privateKey);
  for (let i = 0; i < 5; i += 1) await refused(verify, forged);
  expect(entra.keyFetches()).toBe(2);
});

test('a withdrawn key stops working within 10 minutes, for a token remembered before the withdrawal too', async () => {
  const verify = verifier();
  await accepted(verify, await issueAtClock('1a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e'));
  // Verified 5 minutes after the set was fetched: remembered no longer than that set may be kept.
  clock += 5 * MINUTE;
  const remembered = await issueAtClock();
  await accepted(verify, remembered);
  const withdrawn = await entra.rotateKey();
  // A new token signed with the withdrawn key (as if stolen), and the token verified before the withdrawal.
  const stolen = await issueAtClock(USER, withdrawn);
  // Inside the 10 minutes the service's copy of the set still has the key (what README promises, no more).
  clock += 4 * MINUTE;
  expect(await accepted(verify, remembered)).toBe(USER);
  expect(await accepted(verify, stolen)).toBe(USER);
  // 10 minutes after the fetch: the set is fetched again, and neither works any more.
  clock += MINUTE + 1;
  await refused(verify, remembered);
  await refused(verify, stolen);
  expect(entra.keyFetches()).toBe(2);
});

test('a key set that cannot be fetched refuses calls (no stale keys) and is not asked again for 30 s', async () => {
  let asked = 0;
  const failing = createServer((_request, response) => {
    asked += 1;
    response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  const authority = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
  try {
    const verify = createEntraVerifier({ appId: APP_ID, allowedTenants: [TENANT], authority, now: () => clock });
    const token = await issueAtClock();
    await refused(verify, token);
    await refused(verify, token);
    expect(asked).toBe(1);
    clock += 31_000;
    await refused(verify, token);
    expect(asked).toBe(2);
  } finally {
    await new Promise<void>((resolve) => failing.close(() => resolve()));
  }
});
