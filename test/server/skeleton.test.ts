import { ConfigError, loadConfig } from '../../server/config';
import { startEntraStandIn, StandInRefusedError } from '../../dev/standins/entraIssuer';
import { KEY, startTestService, type TestService } from './support/service';

describe('the insights service skeleton', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  }, 180_000);
  afterAll(() => service.close());

  it('answers /healthz and /readyz (with the embedded database)', async () => {
    expect((await service.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await service.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'pglite', policyFile: 'valid' });
  });

  it('refuses an API call without a token with 401 and WWW-Authenticate', async () => {
    const response = await service.app.inject({ url: '/api/v1/connection' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(response.json()).toMatchObject({ error: 'invalidToken' });
  });

  it('answers GET connection for a valid Entra token, with security headers', async () => {
    const response = await service.app.inject({ url: '/api/v1/connection', headers: { authorization: `Bearer ${await service.token()}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ apiVersion: '1', status: 'notConnected' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('configuration', () => {
  it('names every bad variable at once and never prints a secret', () => {
    const secret = 'k1:c2VjcmV0LXZhbHVlLXRoYXQtaXMtdG9vLXNob3J0';
    let error: unknown;
    try {
      loadConfig({ ENTRA_APP_ID: 'nope', ENTRA_ALLOWED_TENANTS: '', TOKEN_ENCRYPTION_KEYS: secret, PORT: 'x', SERVICE_ENV: 'staging' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['ENTRA_APP_ID', 'ENTRA_ALLOWED_TENANTS', 'TOKEN_ENCRYPTION_KEYS', 'PORT', 'SERVICE_ENV'])
      expect(message).toContain(name);
    expect(message).not.toContain('c2VjcmV0');
  });

  const PRODUCTION = {
    ENTRA_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    ENTRA_ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
    TOKEN_ENCRYPTION_KEYS: `k1:${KEY}`,
    LINKEDIN_CLIENT_ID: 'contoso-linkedin-app',
    LINKEDIN_CLIENT_SECRET: 'linkedin-client-secret-value',
    LINKEDIN_CALLBACK_URL: 'https://addins.contoso.com/linkedin/api/v1/connection/callback',
    LINKEDIN_DIALOG_REDIRECT_URIS: 'https://addins.contoso.com/linkedin/dialog.html',
  };

  it('accepts a complete production configuration: LinkedIn is the source there', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.environment).toBe('production');
    expect(config.entra.authority).toBe('https://login.microsoftonline.com');
    expect(config.profileSource).toBe('linkedin');
  });

  it('never serves the made-up fixture people in production, and says why', () => {
    expect(() => loadConfig({ ...PRODUCTION, PROFILE_SOURCE: 'fixtures' })).toThrow(/PROFILE_SOURCE=fixtures serves made-up people/);
    const {
      LINKEDIN_CLIENT_ID: _id,
      LINKEDIN_CLIENT_SECRET: _secret,
      LINKEDIN_CALLBACK_URL: _callback,
      LINKEDIN_DIALOG_REDIRECT_URIS: _dialog,
      ...withoutLinkedIn
    } = PRODUCTION;
    expect(() => loadConfig(withoutLinkedIn)).toThrow(/needs the LINKEDIN_\* sign-in variables/);
    expect(loadConfig({ ...withoutLinkedIn, SERVICE_ENV: 'development' }).profileSource).toBe('fixtures');
  });

  it('refuses a loopback (stand-in) authority in production', () => {
    expect(() => loadConfig({ ...PRODUCTION, ENTRA_AUTHORITY: 'http://127.0.0.1:9999' })).toThrow(/ENTRA_AUTHORITY/);
  });
});

describe('the local Entra stand-in', () => {
  it('refuses to start in production configuration', async () => {
    await expect(startEntraStandIn('production')).rejects.toBeInstanceOf(StandInRefusedError);
  });
});

describe('rate limits: per user and per client address, 429 with Retry-After', () => {
  let limited: TestService;
  beforeAll(async () => {
    limited = await startTestService({ env: { RATE_LIMIT_PER_USER: '3', RATE_LIMIT_PER_IP: '8' } });
  }, 180_000);
  afterAll(() => limited.close());

  const get = async (objectId: string, ip: string) =>
    limited.app.inject({
      url: '/api/v1/connection',
      remoteAddress: ip,
      headers: { authorization: `Bearer ${await limited.token({ objectId })}` },
    });

  it('a user over their limit gets 429 + Retry-After; another user from the same address does not', async () => {
    const user = '3d3d3d3d-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
    for (let i = 0; i < 3; i += 1) expect((await get(user, '10.0.0.1')).statusCode).toBe(200);
    const refused = await get(user, '10.0.0.2');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ error: 'throttled' });
    expect((await get('4e4e4e4e-1b1b-4c2c-8d3d-4e4e4e4e4e4e', '10.0.0.1')).statusCode).toBe(200);
  });

  it('an address over its limit gets 429 + Retry-After whatever the user', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i += 1)
      statuses.push((await get(`5f5f5f5f-1b1b-4c2c-8d3d-4e4e4e4e4e${String(i).padStart(2, '0')}`, '10.0.0.9')).statusCode);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses[8]).toBe(429);
  });
});
