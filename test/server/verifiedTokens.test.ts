import { createEntraVerifier, InvalidTokenError, type EntraVerifier } from '../../server/auth/entraVerifier';
import { startEntraStandIn, type EntraStandIn } from '../../dev/standins/entraIssuer';
import { APP_ID, TENANT, USER } from './support/service';

/**
 * Verified tokens are remembered (by hash) so the pane's repeated calls skip the signature check, but never beyond
 * the token's own lifetime, never longer than the memory's age limit, and never for other bytes. The key set is
 * re-read on every full verification here (its cache age is 0), so the stand-in's key fetches count them.
 */
let entra: EntraStandIn;
let clock = Date.now();
const MAX_AGE_MS = 60_000;

beforeAll(async () => {
  entra = await startEntraStandIn('test');
});
afterAll(() => entra.close());

function verifier(max = 100): EntraVerifier {
  clock = Date.now();
  return createEntraVerifier({
    appId: APP_ID,
    allowedTenants: [TENANT],
    authority: entra.authority,
    keyCacheMaxAgeMs: 0,
    verifiedTokens: { max, maxAgeMs: MAX_AGE_MS },
    now: () => clock,
  });
}
const issue = (objectId = USER, expiresIn = 3600) => entra.issue({ tenantId: TENANT, objectId, appId: APP_ID, expiresIn });

test('the same token again is not verified again (no key fetch), and answers the same user', async () => {
  const verify = verifier();
  const token = await issue();
  const first = await verify(token);
  const fetches = entra.keyFetches();
  await expect(verify(token)).resolves.toEqual(first);
  await expect(verify(token)).resolves.toEqual(first);
  expect(entra.keyFetches()).toBe(fetches);
});

test('a remembered token is refused once it has expired (with the 5 minutes of skew)', async () => {
  const verify = verifier();
  const token = await issue(USER, 60);
  await verify(token);
  clock += (60 + 300 + 1) * 1000;
  await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
});

test('a remembered token is verified again after the age limit (a withdrawn key stops working then)', async () => {
  const verify = verifier();
  const token = await issue();
  await verify(token);
  const fetches = entra.keyFetches();
  clock += MAX_AGE_MS + 1;
  await verify(token);
  expect(entra.keyFetches()).toBe(fetches + 1);
});

test('other bytes are verified in full: a tampered copy of a remembered token is refused', async () => {
  const verify = verifier();
  const token = await issue();
  await verify(token);
  const [header, payload, signature] = token.split('.');
  const other = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
  other.oid = '99999999-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
  const tampered = `${header}.${Buffer.from(JSON.stringify(other)).toString('base64url')}.${signature}`;
  await expect(verify(tampered)).rejects.toBeInstanceOf(InvalidTokenError);
});

test('the memory is bounded: the least recently used token leaves first', async () => {
  const verify = verifier(2);
  const [a, b, c] = await Promise.all([
    issue(),
    issue('1a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e'),
    issue('2a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e'),
  ]);
  await verify(a);
  await verify(b);
  await verify(a); // a is now the most recently used
  await verify(c); // b leaves
  const fetches = entra.keyFetches();
  await verify(a);
  expect(entra.keyFetches()).toBe(fetches);
  await verify(b);
  expect(entra.keyFetches()).toBe(fetches + 1);
});
