import { exportSPKI, generateKeyPair, importJWK, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { APP_ID, OTHER_TENANT, startTestService, TENANT, USER, type TestService } from './support/service';

/**
 * Forged and broken Microsoft Entra access tokens: every row is refused with 401 + WWW-Authenticate, and the call
 * changes nothing (each row tries DELETE /connection on a user who has a stored connection).
 */
let service: TestService;
let otherKey: KeyLike;
let publicPem: string;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  const t = now();
  const payload: JWTPayload = {
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: APP_ID,
    tid: TENANT,
    oid: USER,
    scp: 'access_as_user',
    ver: '2.0',
    iat: t,
    nbf: t,
    exp: t + 3600,
  };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete payload[name];
    else payload[name] = value;
  }
  return payload;
}

/** Signed with the stand-in's real key, as Entra would: only the claims are wrong. */
const genuine = (overrides: Record<string, unknown> = {}) =>
  service.entra.issue({ tenantId: TENANT, objectId: USER, appId: APP_ID, claims: overrides });
const signedWith = (key: KeyLike | Uint8Array, header: Record<string, unknown>, payload = claims()) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', ...header }).sign(key);

type Row = [name: string, header: () => Promise<string | undefined>];
const bearer = async (token: Promise<string>) => `Bearer ${await token}`;

const ROWS: Row[] = [
  ['no Authorization header', async () => undefined],
  ['a Basic credential', async () => 'Basic dXNlcjpwYXNz'],
  ['malformed (not a JWT)', async () => 'Bearer not.a.jwt'],
  ['alg none (unsigned)', async () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
  [
    'HS256 signed with the public key as the secret',
    () => bearer(signedWith(new TextEncoder().encode(publicPem), { alg: 'HS256', kid: service.entra.keyId })),
  ],
  [
    'RS512 (an algorithm not allowed) with the real key',
    () => bearer(signedWith(service.entra.privateKey, { alg: 'RS512', kid: service.entra.keyId })),
  ],
  ['unknown kid (another key pair)', () => bearer(signedWith(otherKey, { kid: 'attacker-key' }))],
  ['known kid, signed by another key', () => bearer(signedWith(otherKey, { kid: service.entra.keyId }))],
  [
    'tampered payload (signature of other claims)',
    async () => {
      const [header, , signature] = (await genuine()).split('.');
      return `Bearer ${header}.${b64(claims({ oid: '99999999-1b1b-4c2c-8d3d-4e4e4e4e4e4e' }))}.${signature}`;
    },
  ],
  ['wrong issuer host', () => bearer(genuine({ iss: `https://login.evil.example/${TENANT}/v2.0` }))],
  ['issuer with a trailing slash', () => bearer(genuine({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0/` }))],
  ['unlisted tenant (iss and tid agree)', () => bearer(service.entra.issue({ tenantId: OTHER_TENANT, objectId: USER, appId: APP_ID }))],
  [
    'iss of an unlisted tenant, tid of the allowed one',
    () => bearer(genuine({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })),
  ],
  ['iss of the allowed tenant, tid of an unlisted one', () => bearer(genuine({ tid: OTHER_TENANT }))],
  ['no tid', () => bearer(genuine({ tid: undefined }))],
  ['wrong audience', () => bearer(genuine({ aud: '00000003-0000-0000-c000-000000000000' }))],
  ['audience as api:// URI of another app', () => bearer(genuine({ aud: 'api://bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee' }))],
  ['missing scope (User.Read only)', () => bearer(genuine({ scp: 'User.Read' }))],
  ['no scp (an app-only token with roles)', () => bearer(genuine({ scp: undefined, roles: ['access_as_user'] }))],
  ['scope as a prefix only (access_as_user_x)', () => bearer(genuine({ scp: 'access_as_user_x' }))],
  ['expired 10 minutes ago', () => bearer(genuine({ exp: now() - 600, iat: now() - 4000, nbf: now() - 4000 }))],
  ['not valid for another 10 minutes', () => bearer(genuine({ nbf: now() + 600 }))],
  ['no exp', () => bearer(genuine({ exp: undefined }))],
  ['no nbf', () => bearer(genuine({ nbf: undefined }))],
  ['no oid', () => bearer(genuine({ oid: undefined }))],
  ['oid that is not an object id', () => bearer(genuine({ oid: 'admin' }))],
  ['v1 token (sts.windows.net issuer, ver 1.0)', () => bearer(genuine({ iss: `https://sts.windows.net/${TENANT}/`, ver: '1.0' }))],
  ['v2 issuer but ver 1.0', () => bearer(genuine({ ver: '1.0' }))],
  ['oversized (over 8 KB)', () => bearer(genuine({ padding: 'x'.repeat(9000) }))],
  ['two bearer tokens in one header', async () => `Bearer ${await genuine()} ${await genuine()}`],
  ['iat a year in the future', () => bearer(genuine({ iat: now() + 365 * 86_400 }))],
  [
    'iat 29 hours ago (older than any token Entra issues), exp still ahead',
    () => bearer(genuine({ iat: now() - 29 * 3600, nbf: now() - 29 * 3600 })),
  ],
  ['a lifetime of a year (exp a year after iat)', () => bearer(genuine({ exp: now() + 365 * 86_400 }))],
  ['signature padded with == (not canonical base64url)', async () => `Bearer ${await genuine()}==`],
  ['signature with stray low bits in its last character', async () => `Bearer ${withStrayBits(await genuine())}`],
  ['signature in standard base64 (+ and / for - and _)', async () => `Bearer ${await inStandardBase64()}`],
];

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The same signature bytes spelled differently: a 256-byte signature's last character carries 4 unused bits. */
function withStrayBits(token: string): string {
  const last = token.slice(-1);
  return `${token.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(last) | 1]}`;
}
/** A genuine token whose signature has a - or _, spelled with + and / (which lenient decoders read the same). */
async function inStandardBase64(): Promise<string> {
  for (;;) {
    const token = await genuine({ uti: Math.random().toString(36) });
    const signature = token.split('.')[2] ?? '';
    if (/[-_]/.test(signature)) return token.replace(/[^.]+$/, signature.replace(/-/g, '+').replace(/_/g, '/'));
  }
}

async function tablesSnapshot(): Promise<string> {
  const db = service.database.db;
  const connections = await db.selectFrom('connections').selectAll().orderBy('object_id').execute();
  const audit = await db.selectFrom('audit_trail').selectAll().orderBy('id').execute();
  return JSON.stringify({ connections, audit });
}

beforeAll(async () => {
  service = await startTestService();
  otherKey = (await generateKeyPair('RS256')).privateKey;
  publicPem = await exportSPKI((await importJWK(service.entra.publicJwk, 'RS256')) as KeyLike);
  await service.connect('twoWay');
}, 180_000);
afterAll(() => service.close());

describe(`forged Entra tokens (${ROWS.length} rows): 401, WWW-Authenticate, nothing read or written`, () => {
  it.each(ROWS)('%s', async (_name, makeHeader) => {
    const before = await tablesSnapshot();
    const header = await makeHeader();
    const response = await service.app.inject({
      method: 'DELETE',
      url: '/api/v1/connection',
      headers: header ? { authorization: header } : {},
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(response.json()).toMatchObject({ error: 'invalidToken' });
    expect(await tablesSnapshot()).toBe(before);
  });
});

describe('genuine tokens (the controls)', () => {
  it('a token within 4 minutes of its expiry skew is still accepted (skew ≤ 5 min)', async () => {
    const token = await genuine({ exp: now() - 240, iat: now() - 4000, nbf: now() - 4000 });
    const response = await service.app.inject({ url: '/api/v1/connection', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'connected', consent: 'twoWay' });
  });

  it('reads the tenant key set once and caches it across calls', async () => {
    const before = service.entra.keyFetches();
    for (let i = 0; i < 5; i += 1) {
      const response = await service.app.inject({ url: '/api/v1/connection', headers: { authorization: `Bearer ${await genuine()}` } });
      expect(response.statusCode).toBe(200);
    }
    expect(service.entra.keyFetches()).toBe(before);
    expect(before).toBeLessThanOrEqual(1);
  });
});
