import { chmodSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEntraStandIn, type EntraStandIn } from '../../dev/standins/entraIssuer';
import { bundle, startProcess, type RunningProcess } from './support/process';
import { APP_ID, KEY, TENANT, USER } from './support/service';

/**
 * The policy file is one file for the pane and the service: an admin edits POLICY_FILE while `npm run service` runs,
 * and the very next request is decided by the new file, without a restart. A file made invalid (or removed) while it
 * runs refuses every LinkedIn call as the pane refuses to run on it (403 with the reason), is logged once with its
 * field errors, and makes /readyz not ready with the reason while /healthz stays up; fixed, all is as before.
 */
let entra: EntraStandIn;
let service: RunningProcess;
let url: string;
let dir: string;
let file: string;

const write = (policy: unknown) => writeFileSync(file, typeof policy === 'string' ? policy : JSON.stringify(policy));
const OPEN = { version: 1, linkedInAccountConnections: 'yes', environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' } };

beforeAll(async () => {
  entra = await startEntraStandIn('test');
  dir = mkdtempSync(join(tmpdir(), 'policy-file-'));
  file = join(dir, 'linkedin-policy.json');
  write(OPEN);
  service = startProcess(bundle('main'), {
    SERVICE_ENV: 'test',
    ENTRA_APP_ID: APP_ID,
    ENTRA_ALLOWED_TENANTS: TENANT,
    ENTRA_AUTHORITY: entra.authority,
    TOKEN_ENCRYPTION_KEYS: `k1:${KEY}`,
    PGLITE_DIR: 'memory://',
    POLICY_FILE: file,
    // What the service detects: a GCC tenant. The file's statements win over it.
    SERVICE_CLOUD: 'gcc',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  url = await service.listening(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
}, 180_000);

afterAll(async () => {
  service.child.kill('SIGTERM');
  await service.exited;
  await entra.close();
  rmSync(dir, { recursive: true, force: true });
});

async function lookup(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/v1/profiles/lookup`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await entra.issue({ tenantId: TENANT, objectId: USER, appId: APP_ID })}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ emails: ['aiko.tanaka@fabrikam.com'] }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const readyz = async () => {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

test('each edit is enforced on the next request: stated environment over detection, mode off, a list-only pilot, back on', async () => {
  expect((await lookup()).status).toBe(200);
  // The file stops stating the cloud: the service's own detection (GCC) decides.
  write({ ...OPEN, environment: { mailboxGeo: 'NAM', tenantCountry: 'US' } });
  expect(await lookup()).toMatchObject({ status: 403, body: { error: 'refused', reason: 'cloud-unavailable' } });
  write({ ...OPEN, linkedInAccountConnections: 'no' });
  expect(await lookup()).toMatchObject({ status: 403, body: { error: 'refused', reason: 'tenant-off' } });
  write(OPEN);
  expect((await lookup()).status).toBe(200);
  // The same length as the file before it (same size, likely the same clock tick): still seen.
  write({ ...OPEN, environment: { ...OPEN.environment, mailboxGeo: 'DEU' } });
  expect(await lookup()).toMatchObject({ status: 403, body: { error: 'refused', reason: 'mailbox-geo-unavailable' } });
  write(OPEN);
  expect((await lookup()).status).toBe(200);
  write({ ...OPEN, linkedInAccountConnections: 'selected', selectedUsers: ['megan.bowen@contoso.com'] });
  expect(await lookup()).toMatchObject({ status: 403, body: { error: 'refused', reason: 'selected-users-unverifiable' } });
  write(OPEN);
  expect((await lookup()).status).toBe(200);
}, 60_000);

test('a file made invalid while running fails closed, is logged once with its field errors, and /readyz says why', async () => {
  write({ ...OPEN, linkedInAccountConnections: 'sometimes', extra: true });
  for (let i = 0; i < 3; i++)
    expect(await lookup()).toMatchObject({ status: 403, body: { error: 'refused', reason: 'policy-file-invalid' } });
  expect(await readyz()).toMatchObject({ status: 503, body: { reason: 'policy-file-invalid', policyFile: 'invalid' } });
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const logged = service
    .output()
    .split('\n')
    .filter((line) => line.includes('is not valid'));
  expect(logged).toHaveLength(1);
  expect(logged[0]).toContain('linkedInAccountConnections');
  expect(logged[0]).toContain('extra');

  write(OPEN);
  expect((await lookup()).status).toBe(200);
  expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready', policyFile: 'valid' } });
}, 60_000);

test('a file that vanishes or cannot be read refuses everything until it is back', async () => {
  unlinkSync(file);
  expect(await lookup()).toMatchObject({ status: 403, body: { error: 'refused', reason: 'policy-file-unreadable' } });
  expect(await readyz()).toMatchObject({ status: 503, body: { reason: 'policy-file-unreadable' } });
  write(OPEN);
  if (process.getuid?.() !== 0) {
    // (root reads any file: the permission row runs as an ordinary user only)
    chmodSync(file, 0o000);
    expect(await lookup()).toMatchObject({ status: 403, body: { reason: 'policy-file-unreadable' } });
    chmodSync(file, 0o600);
  }
  expect((await lookup()).status).toBe(200);
}, 60_000);
