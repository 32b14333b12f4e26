import { Writable } from 'node:stream';
import { loggerOptions, scrub } from '../../server/logging';
import type { LinkedInStandIn } from '../../dev/standins/linkedinProvider';
import { startStandIn } from './support/linkedin';
import type { TestService } from './support/service';
import { newAttempt, startAuthorize, startSignInService } from './support/signIn';

/** What an operator's log holds after real calls: never the Authorization header, a token, a code or an address. */
let standIn: LinkedInStandIn;
let service: TestService;
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});

beforeAll(async () => {
  standIn = await startStandIn();
  service = await startSignInService(standIn, { logger: loggerOptions('trace', sink) });
}, 180_000);
afterAll(async () => {
  await service.close();
  await standIn.close();
});
const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

it('logs requests, refusals and errors without tokens, codes or e-mail addresses', async () => {
  const token = await service.token();
  const address = 'aiko.tanaka@fabrikam.com';
  await service.app.inject({
    method: 'POST',
    url: '/api/v1/profiles/lookup',
    headers: { authorization: `Bearer ${token}` },
    payload: { emails: [address] },
  });
  await service.app.inject({
    method: 'POST',
    url: '/api/v1/profiles/lookup',
    headers: { authorization: `Bearer ${token}x` },
    payload: { emails: [address] },
  });
  await service.app.inject({
    method: 'GET',
    url: `/api/v1/connection/authorize/?code=secret-code-123&state=s&login_hint=${address}`,
    headers: { authorization: `Bearer ${token}` },
  });
  await service.app.inject({
    method: 'POST',
    url: '/api/v1/profiles/insights',
    headers: { authorization: `Bearer ${token}` },
    payload: `{"email": "${address}"`,
  });
  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(4);
  expect(log).toContain('/api/v1/profiles/lookup');
  for (const secret of [token, token.split('.')[1], address, 'secret-code-123', 'Bearer ey']) expect(log).not.toContain(secret);
});

it('scrubs addresses and tokens from any logged value', () => {
  const scrubbed = JSON.stringify(
    scrub({ msg: 'for a.b@contoso.com with Bearer abc.def.ghi', nested: [{ t: 'eyJhbGciOi.eyJzdWIi.sig' }] }),
  );
  expect(scrubbed).not.toMatch(/contoso|abc\.def|eyJ/);
});

it("says why a sign-in could not start (a dialog state used twice), with the database's own words", async () => {
  const attempt = newAttempt();
  expect((await startAuthorize(service, attempt)).statusCode).toBe(302);
  const again = await startAuthorize(service, attempt);
  expect(new URL(String(again.headers.location)).searchParams.get('error')).toBe('server_error');
  const line = logged().find((entry) => entry.msg === 'sign-in could not start');
  expect(line).toMatchObject({ reason: 'the dialog state was already used', err: { message: expect.stringMatching(/duplicate key/) } });
  expect(JSON.stringify(line)).not.toContain('undefined');
  expect(JSON.stringify(line)).not.toContain(attempt.state);
});

it('never logs an address, code or token from a URL, matched route or not', async () => {
  const address = 'megan.bowen@contoso.com';
  const code = 'Q2xhaW1lZC1ieS10aGUtc2VydmljZS0xMjM0NTY3ODkw';
  const before = lines.length;
  for (const url of [
    `/api/v1/people/${address}`,
    `/api/v1/people/${encodeURIComponent(address)}`,
    `/api/v1/profiles/${encodeURIComponent(encodeURIComponent(address))}/card`,
    `/${address}`,
    `/api/v1/connection/callback?code=${code}&state=${code}x`,
    `/api/v1/connection/authorize/?login_hint=${address}&state=s`,
    `/api/v1/connection/${code}?x=1`,
  ])
    await service.app.inject({ url });
  const log = lines.slice(before).join('');
  expect(log).toContain('/api/v1/people/[email]');
  for (const secret of [address, encodeURIComponent(address), 'megan.bowen%2540', code, 'megan']) expect(log).not.toContain(secret);
});
