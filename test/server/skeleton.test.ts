/**
 * @jest-environment node
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { ConfigError, loadConfig } from '../../server/config';
import { startEntraStandIn, StandInRefusedError } from '../../server/standins/entraIssuer';
import { KEY, startTestService, type TestService } from './support/service';

describe('the insights service skeleton', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  it('answers /healthz and /readyz (with the embedded database)', async () => {
    expect((await service.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await service.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'pglite' });
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

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      ENTRA_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      ENTRA_ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
      TOKEN_ENCRYPTION_KEYS: `k1:${KEY}`,
    });
    expect(config.environment).toBe('production');
    expect(config.entra.authority).toBe('https://login.microsoftonline.com');
  });

  it('refuses a loopback (stand-in) authority in production', () => {
    expect(() =>
      loadConfig({
        ENTRA_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        ENTRA_ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
        TOKEN_ENCRYPTION_KEYS: `k1:${KEY}`,
        ENTRA_AUTHORITY: 'http://127.0.0.1:9999',
      }),
    ).toThrow(/ENTRA_AUTHORITY/);
  });
});

describe('the local Entra stand-in', () => {
  it('refuses to start in production configuration', async () => {
    await expect(startEntraStandIn('production')).rejects.toBeInstanceOf(StandInRefusedError);
  });
});
