import { createLinkedInClient, LinkedInError, randomToken, type LinkedInClient } from '../../server/linkedin/client';
import { loadConfig } from '../../server/config';
import { configProblemsOf } from './support/configProblems';
import { LINKEDIN_ENDPOINTS } from '../../server/linkedinConfig';
import { startLinkedInStandIn, StandInRefusedError, type LinkedInStandIn } from '../../dev/standins/linkedinProvider';
import { answerAuthorizePage, CALLBACK_URL, LINKEDIN_CLIENT_ID, linkedInConfigFor, startStandIn } from './support/linkedin';

describe('the LinkedIn OpenID Connect client, against the simulated provider', () => {
  let standIn: LinkedInStandIn;
  let client: LinkedInClient;
  beforeAll(async () => {
    standIn = await startStandIn();
    client = createLinkedInClient(linkedInConfigFor(standIn));
  });
  afterAll(() => standIn.close());

  async function signIn(nonce = randomToken()): Promise<{ code: string; nonce: string }> {
    const state = randomToken();
    const back = await answerAuthorizePage(client.authorizationUrl({ state, nonce }), 'allow');
    expect(back.searchParams.get('state')).toBe(state);
    return { code: back.searchParams.get('code') ?? '', nonce };
  }

  it('asks for openid profile email with the registered callback, a fresh state and nonce, and no secret', () => {
    const first = new URL(client.authorizationUrl({ state: randomToken(), nonce: randomToken() }));
    const second = new URL(client.authorizationUrl({ state: randomToken(), nonce: randomToken() }));
    expect(first.searchParams.get('scope')).toBe('openid profile email');
    expect(first.searchParams.get('response_type')).toBe('code');
    expect(first.searchParams.get('client_id')).toBe(LINKEDIN_CLIENT_ID);
    expect(first.searchParams.get('redirect_uri')).toBe(CALLBACK_URL);
    expect(first.href).not.toContain('standin-secret');
    expect(first.searchParams.get('state')).not.toBe(second.searchParams.get('state'));
    expect(first.searchParams.get('nonce')).not.toBe(second.searchParams.get('nonce'));
    expect(first.searchParams.get('state')).toHaveLength(43); // 256 bits
  });

  it('exchanges a code once, verifies the id_token, reads userinfo and revokes the token', async () => {
    const { code, nonce } = await signIn();
    const grant = await client.exchangeCode(code, nonce);
    expect(grant.subject).toBe(standIn.member.sub);
    const days = (grant.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(59.9);
    expect(days).toBeLessThanOrEqual(60);
    await expect(client.exchangeCode(code, nonce)).rejects.toMatchObject({ failure: 'refused' });

    const member = await client.userinfo(grant.accessToken);
    expect(member).toMatchObject({ sub: standIn.member.sub, name: 'Megan Bowen', email: 'megan.bowen@contoso.com', locale: undefined });

    await client.revoke(grant.accessToken);
    expect(standIn.revokedTokens()).toContain(grant.accessToken);
    await expect(client.userinfo(grant.accessToken)).rejects.toMatchObject({ failure: 'refused' });
  });

  it.each([
    ['a wrong issuer', { issuer: 'https://evil.example/oauth' }],
    ['a wrong audience', { audience: 'another-client' }],
    ['a wrong nonce', { nonce: 'replayed-nonce' }],
    ["a signature from a key not in LinkedIn's JWKS", { foreignKey: true }],
  ])('refuses an id_token with %s', async (_label, tampering) => {
    const { code, nonce } = await signIn();
    standIn.tamperNextIdToken(tampering);
    const refused = await client.exchangeCode(code, nonce).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LinkedInError);
    expect(refused).toMatchObject({ failure: 'idToken' });
  });

  it('refuses the exchange with a wrong client secret (LinkedIn says invalid_client)', async () => {
    const { code, nonce } = await signIn();
    const wrong = createLinkedInClient(linkedInConfigFor(standIn, { clientSecret: 'not-the-secret' }));
    await expect(wrong.exchangeCode(code, nonce)).rejects.toMatchObject({ failure: 'refused' });
  });

  it('gives up on a token endpoint that does not answer within the time limit', async () => {
    const { code, nonce } = await signIn();
    const hurried = createLinkedInClient(linkedInConfigFor(standIn, { timeoutMs: 300 }));
    standIn.failNextTokenRequest('hang');
    const started = Date.now();
    await expect(hurried.exchangeCode(code, nonce)).rejects.toMatchObject({ failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('treats a LinkedIn 5xx as failed, not as a refusal', async () => {
    const { code, nonce } = await signIn();
    standIn.failNextTokenRequest(503);
    await expect(client.exchangeCode(code, nonce)).rejects.toMatchObject({ failure: 'failed' });
  });

  it("redirects Cancel and errors back with the state and LinkedIn's error codes", async () => {
    const state = randomToken();
    const url = client.authorizationUrl({ state, nonce: randomToken() });
    expect((await answerAuthorizePage(url, 'cancel')).searchParams.get('error')).toBe('user_cancelled_authorize');
    expect((await answerAuthorizePage(url, 'cancelLogin')).searchParams.get('error')).toBe('user_cancelled_login');
    const failed = await answerAuthorizePage(url, 'error');
    expect(failed.searchParams.get('error')).toBe('server_error');
    expect(failed.searchParams.get('state')).toBe(state);
    expect(failed.searchParams.get('code')).toBeNull();
  });

  it('shows no authorize page for an unregistered redirect URL', async () => {
    const url = new URL(client.authorizationUrl({ state: randomToken(), nonce: randomToken() }));
    url.searchParams.set('redirect_uri', 'https://evil.example/callback');
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
  });
});

describe('the simulated LinkedIn provider', () => {
  it('refuses to start in production configuration', async () => {
    await expect(
      startLinkedInStandIn({ environment: 'production', clientId: 'c', clientSecret: 's', redirectUris: [CALLBACK_URL] }),
    ).rejects.toBeInstanceOf(StandInRefusedError);
  });
});

describe('LinkedIn sign-in configuration', () => {
  const service = {
    ENTRA_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    ENTRA_ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
    TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  };
  const base = {
    LINKEDIN_CLIENT_ID: '86abcdefgh',
    LINKEDIN_CLIENT_SECRET: 'secret-value-never-printed',
    LINKEDIN_CALLBACK_URL: 'https://insights.contoso.com/linkedin/api/v1/connection/callback',
    LINKEDIN_DIALOG_REDIRECT_URIS: 'https://addins.contoso.com/linkedin/dialog.html',
  };
  const problemsOf = (env: Record<string, string>): readonly string[] => configProblemsOf(() => loadConfig(env));

  it("uses LinkedIn's own endpoints, a 5 s limit, and is off when nothing is set", () => {
    expect(loadConfig({ ...service, ...base }).linkedin).toMatchObject({
      endpoints: LINKEDIN_ENDPOINTS,
      timeoutMs: 5_000,
      dialogRedirectUris: [base.LINKEDIN_DIALOG_REDIRECT_URIS],
    });
    expect(loadConfig({ ...service, SERVICE_ENV: 'development' }).linkedin).toBeUndefined();
  });

  it('refuses endpoint overrides and http addresses in production, without printing the secret', () => {
    const problems = problemsOf({
      ...service,
      ...base,
      LINKEDIN_TOKEN_ENDPOINT: 'http://127.0.0.1:9/token',
      LINKEDIN_DIALOG_REDIRECT_URIS: 'http://127.0.0.1/dialog.html',
    });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).not.toContain(base.LINKEDIN_CLIENT_SECRET);
    const config = loadConfig({ ...service, ...base, SERVICE_ENV: 'test', LINKEDIN_TOKEN_ENDPOINT: 'http://127.0.0.1:9/token' });
    expect(config.linkedin?.endpoints.token).toBe('http://127.0.0.1:9/token');
  });
});
