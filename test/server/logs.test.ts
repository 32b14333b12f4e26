/**
 * @jest-environment node
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { Writable } from 'node:stream';
import { loggerOptions, scrub } from '../../server/logging';
import { startTestService, type TestService } from './support/service';

/** What an operator's log holds after real calls: never the Authorization header, a token, a code or an address. */
let service: TestService;
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});

beforeAll(async () => {
  service = await startTestService({ logger: loggerOptions('trace', sink) });
}, 180_000);
afterAll(() => service.close());

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
