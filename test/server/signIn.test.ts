import type { DatabaseHandle } from '../../server/db/database';
import { startEntraStandIn, type EntraStandIn } from '../../dev/standins/entraIssuer';
import type { LinkedInStandIn } from '../../dev/standins/linkedinProvider';
import { DIALOG_URL, startStandIn } from './support/linkedin';
import { freshTestDatabase } from './support/pgliteTemplate';
import { OPEN_POLICY, startTestService, type TestService, type TestServiceOptions } from './support/service';
import {
  complete,
  completion,
  newAttempt,
  runDialog,
  startAuthorize,
  startSignInService,
  storedState,
  type Attempt,
} from './support/signIn';

// One database and one Entra issuer for the file (PGlite takes seconds to start on a loaded machine); each test
// builds its own service over them and leaves the tables empty.
let standIn: LinkedInStandIn;
let database: DatabaseHandle;
let entra: EntraStandIn;
beforeAll(async () => {
  [standIn, database, entra] = await Promise.all([startStandIn(), freshTestDatabase(), startEntraStandIn('test')]);
});
afterAll(async () => {
  await Promise.all([standIn.close(), database.close(), entra.close()]);
});
afterEach(async () => {
  for (const table of ['connections', 'audit_trail', 'pending_sign_ins', 'revocations'] as const)
    await database.db.deleteFrom(table).execute();
});
const serviceWith = (options: TestServiceOptions = {}) => startSignInService(standIn, { database, entra, ...options });

async function connect(service: TestService, attempt: Attempt = newAttempt(), token?: string) {
  const { dialog } = await runDialog(service, attempt);
  const code = dialog?.searchParams.get('code') ?? '';
  return { attempt, code, response: await complete(service, completion(attempt, code), token) };
}

const get = async (service: TestService, url: string, token?: string) =>
  service.app.inject({ url, headers: { authorization: `Bearer ${token ?? (await service.token())}` } });
const post = async (service: TestService, url: string, body: unknown, token?: string) =>
  service.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token ?? (await service.token())}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

describe('connecting LinkedIn through the service, against the simulated provider', () => {
  let service: TestService;
  beforeEach(async () => {
    service = await serviceWith();
  });
  afterEach(() => service.close());

  test("the dialog is sent to LinkedIn with the service's own state and nonce, never the pane's values or the secret", async () => {
    const attempt = newAttempt();
    const started = await startAuthorize(service, attempt);
    expect(started.statusCode).toBe(302);
    expect(started.headers['cache-control']).toBe('no-store');
    // No opener isolation on the dialog's way: it would cut the dialog off from the window it answers (the pane's).
    expect(started.headers['cross-origin-opener-policy']).toBe('unsafe-none');
    const linkedIn = new URL(String(started.headers.location));
    expect(`${linkedIn.origin}${linkedIn.pathname}`).toBe(standIn.endpoints.authorization);
    expect(linkedIn.searchParams.get('scope')).toBe('openid profile email');
    expect(linkedIn.searchParams.get('state')).not.toBe(attempt.state);
    expect(linkedIn.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(linkedIn.href).not.toContain(attempt.challenge);
    expect(linkedIn.href).not.toContain('standin-secret');
  });

  test('Allow → the dialog gets a one-time code for its state → the pane completes it → connected, token stored only as ciphertext', async () => {
    const { attempt, code, response } = await connect(service);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ apiVersion: '1', status: 'connected', consent: attempt.consent });
    expect(response.body).not.toContain('standin-');

    expect((await get(service, '/api/v1/connection')).json()).toMatchObject({ status: 'connected', consent: 'twoWay' });
    const { connections, audit, pendingWithToken } = await storedState(service);
    expect(connections).toHaveLength(1);
    expect(connections[0]?.token_ciphertext).toMatch(/^v1\./);
    expect(JSON.stringify(connections)).not.toContain('standin-');
    expect(audit.map((row) => row.event)).toEqual(['connect']);
    expect(pendingWithToken).toBe(0);
  });

  test('the connected member sees their own LinkedIn profile; every other address "can\'t be looked up from here"', async () => {
    await service.close();
    service = await serviceWith({ env: { PROFILE_SOURCE: 'linkedin' } });
    await connect(service);
    const lookup = await post(service, '/api/v1/profiles/lookup', { emails: ['Megan.Bowen@contoso.com', 'aiko.tanaka@fabrikam.com'] });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json().results).toEqual([
      {
        email: 'Megan.Bowen@contoso.com',
        status: 'match',
        profile: { id: standIn.member.sub, name: 'Megan Bowen', photoUrl: standIn.member.picture },
      },
      { email: 'aiko.tanaka@fabrikam.com', status: 'unavailable' },
    ]);
    const insights = await post(service, '/api/v1/profiles/insights', { email: 'megan.bowen@contoso.com' });
    expect(insights.statusCode).toBe(200);
    expect(insights.json()).toEqual({ apiVersion: '1', email: 'megan.bowen@contoso.com', status: 'unavailable' });
    const suggestions = await post(service, '/api/v1/suggestions', { emails: ['aiko.tanaka@fabrikam.com'] });
    expect(suggestions.json()).toEqual({ apiVersion: '1', status: 'unavailable' });
  });

  test('without a connection, the linkedin source looks nobody up: unavailable, never noMatch', async () => {
    await service.close();
    service = await serviceWith({ env: { PROFILE_SOURCE: 'linkedin' } });
    const lookup = await post(service, '/api/v1/profiles/lookup', { emails: ['megan.bowen@contoso.com'] });
    expect(lookup.json().results).toEqual([{ email: 'megan.bowen@contoso.com', status: 'unavailable' }]);
  });

  test("after LinkedIn's 60 days, GET connection says expired (audit written once) and connected calls answer notConnected", async () => {
    await connect(service);
    await service.database.db
      .updateTable('connections')
      .set({ token_expires_at: new Date(Date.now() - 1000) })
      .execute();
    for (let i = 0; i < 2; i++) {
      const status = await get(service, '/api/v1/connection');
      expect(status.json()).toMatchObject({ apiVersion: '1', status: 'expired', consent: 'twoWay' });
    }
    const { audit, connections } = await storedState(service);
    expect(audit.map((row) => row.event)).toEqual(['connect', 'expire']);
    expect(connections[0]?.expired_at).not.toBeNull();
    const insights = await post(service, '/api/v1/profiles/insights', { email: 'aiko.tanaka@fabrikam.com' });
    expect(insights.statusCode).toBe(401);
    expect(insights.json()).toMatchObject({ error: 'notConnected' });

    // Reconnecting makes it whole again.
    await connect(service);
    expect((await get(service, '/api/v1/connection')).json()).toMatchObject({ status: 'connected' });
    expect((await storedState(service)).connections[0]?.expired_at).toBeNull();
  });

  test('disconnect deletes the token and asks LinkedIn to revoke it', async () => {
    await connect(service);
    const revokedBefore = standIn.revokedTokens().length;
    const removed = await service.app.inject({
      method: 'DELETE',
      url: '/api/v1/connection',
      headers: { authorization: `Bearer ${await service.token()}` },
    });
    expect(removed.json()).toEqual({ apiVersion: '1', status: 'notConnected' });
    expect(standIn.revokedTokens()).toHaveLength(revokedBefore + 1);
    expect((await storedState(service)).connections).toEqual([]);
  });

  test('a revoke LinkedIn does not answer still disconnects, and the token waits in the queue', async () => {
    await service.close();
    service = await serviceWith({ env: { LINKEDIN_REVOKE_ENDPOINT: 'http://127.0.0.1:9/oauth/v2/revoke' } });
    await connect(service);
    const removed = await service.app.inject({
      method: 'DELETE',
      url: '/api/v1/connection',
      headers: { authorization: `Bearer ${await service.token()}` },
    });
    expect(removed.statusCode).toBe(200);
    expect((await storedState(service)).connections).toEqual([]);
    expect((await storedState(service)).revocationsWaiting).toBe(1);
  });

  test('with the organisation mode "no", the sign-in page says why and nothing is sent to LinkedIn or kept', async () => {
    await service.close();
    service = await serviceWith({ policy: { ...OPEN_POLICY, tenantMode: 'no' } });
    const tokenRequests = standIn.tokenRequests();
    const page = await startAuthorize(service, newAttempt());
    expect(page.statusCode).toBe(403);
    expect(page.headers.location).toBeUndefined();
    expect(page.body).toContain('turned off LinkedIn account connections');
    expect(page.body).toContain('(Reason: tenant-off)');
    expect(await database.db.selectFrom('pending_sign_ins').selectAll().execute()).toEqual([]);
    expect(standIn.tokenRequests()).toBe(tokenRequests);
  });

  test("a user outside the selected group is refused at completion with the reason, and LinkedIn's token is revoked at once", async () => {
    await service.close();
    const group = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
    service = await serviceWith({ policy: { ...OPEN_POLICY, tenantMode: 'selected', selectedGroupId: group } });
    const attempt = newAttempt();
    const { dialog } = await runDialog(service, attempt);
    const code = dialog?.searchParams.get('code') ?? '';
    const revokedBefore = standIn.revokedTokens().length;
    const refused = await complete(
      service,
      completion(attempt, code),
      await service.token({ groups: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'refused', reason: 'not-in-selected-group' });
    expect(standIn.revokedTokens()).toHaveLength(revokedBefore + 1);
    const stored = await storedState(service);
    expect([stored.connections, stored.pendingWithToken, stored.revocationsWaiting]).toEqual([[], 0, 0]);
  });

  test('a dialog answer goes only to the registered dialog page, with nothing but code and state', async () => {
    const attempt = newAttempt();
    const { dialog } = await runDialog(service, attempt);
    expect(`${dialog?.origin}${dialog?.pathname}`).toBe(DIALOG_URL);
    expect([...(dialog?.searchParams.keys() ?? [])].sort()).toEqual(['code', 'state']);
  });
});

test('without LinkedIn configured, the sign-in page says so (503) and completing answers 503', async () => {
  const service = await startTestService({ database, entra });
  try {
    const page = await startAuthorize(service, newAttempt());
    expect(page.statusCode).toBe(503);
    expect(page.headers.location).toBeUndefined();
    const attempt = newAttempt();
    expect((await complete(service, completion(attempt, attempt.state))).statusCode).toBe(503);
  } finally {
    await service.close();
  }
});
