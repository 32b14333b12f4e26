import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkbenchControls } from '../../dev/workbenchControls';
import { STARTING_CONTROLS } from '../../dev/service/controls';
import { freePort, startDevService, type DevService } from '../../dev/service/devService';

/**
 * The service in development mode (npm start) as the workbench drives it: its controls set the rules the real routes
 * enforce, the faults reach the pane over a real connection, the token follows the group control, and a shared link's
 * consent is made true on the service without replacing a connection that already matches.
 */
const PILOT_GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
let service: DevService;
let addinDir: string;
let base: string;

beforeAll(async () => {
  addinDir = mkdtempSync(join(tmpdir(), 'dev-addin-'));
  writeFileSync(join(addinDir, 'index.html'), '<!doctype html><title>workbench</title>');
  service = await startDevService({ port: 0, addinDir, logLevel: 'silent' });
  base = `http://127.0.0.1:${service.port}`;
  // A fresh database's initdb alone can take most of jest's 15 s on a loaded CI machine (it did once).
}, 60_000);
afterAll(async () => {
  await service?.close();
  rmSync(addinDir, { recursive: true, force: true });
});

const post = (path: string, body?: unknown, token?: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function setControls(patch: Partial<WorkbenchControls>): Promise<void> {
  const answer = await post('/__workbench/controls', { ...STARTING_CONTROLS, ...patch });
  expect(answer.status).toBe(200);
}
const token = async (): Promise<string> => ((await (await post('/__workbench/token')).json()) as { accessToken: string }).accessToken;
const lookup = async () => post('/api/v1/profiles/lookup', { emails: ['aiko.tanaka@fabrikam.com'] }, await token());

afterEach(async () => {
  await setControls({});
  await post('/__workbench/connection', { consent: 'none' });
});

test("the workbench page is served at /, the policy file is the controls' text (404 when there is none)", async () => {
  expect(await (await fetch(`${base}/`)).text()).toContain('<title>workbench</title>');
  await setControls({ policyText: '{"version":1,"linkedInAccountConnections":"selected"}' });
  expect(await (await fetch(`${base}/linkedin-policy.json`)).text()).toBe('{"version":1,"linkedInAccountConnections":"selected"}');
  await setControls({ policyText: null });
  expect((await fetch(`${base}/linkedin-policy.json`)).status).toBe(404);
});

test('controls that are not the contract are refused, and change nothing', async () => {
  const answer = await post('/__workbench/controls', { ...STARTING_CONTROLS, latencyMs: -1 });
  expect(answer.status).toBe(400);
  expect((await post('/__workbench/controls', { ...STARTING_CONTROLS, extra: 1 })).status).toBe(400);
  expect((await lookup()).status).toBe(200);
});

test('the real routes enforce the rules the controls set: tenant mode off, a GCC High tenant, the pilot group', async () => {
  expect((await lookup()).status).toBe(200);
  await setControls({ policyText: '{"version":1,"linkedInAccountConnections":"no"}' });
  expect(await (await lookup()).json()).toMatchObject({ error: 'refused', reason: 'tenant-off' });
  await setControls({ cloud: 'gccHigh' });
  expect(await (await lookup()).json()).toMatchObject({ error: 'refused', reason: 'cloud-unavailable' });
  // The file states the cloud: it wins over the control, as in the pane.
  await setControls({
    cloud: 'gccHigh',
    policyText: '{"version":1,"linkedInAccountConnections":"yes","environment":{"cloud":"worldwide"}}',
  });
  expect((await lookup()).status).toBe(200);
  const pilot = JSON.stringify({ version: 1, linkedInAccountConnections: 'selected', selectedGroupId: PILOT_GROUP });
  await setControls({ policyText: pilot, groupMembership: 'member' });
  expect((await lookup()).status).toBe(200);
  await setControls({ policyText: pilot, groupMembership: 'notMember' });
  expect(await (await lookup()).json()).toMatchObject({ error: 'refused', reason: 'not-in-selected-group' });
  await setControls({ policyText: pilot, groupMembership: 'unknown' });
  expect(await (await lookup()).json()).toMatchObject({ error: 'refused', reason: 'membership-unknown' });
  // A list-only pilot cannot be checked securely, by the pane or the service.
  await setControls({ policyText: '{"version":1,"linkedInAccountConnections":"selected","selectedUsers":["megan.bowen@contoso.com"]}' });
  expect(await (await lookup()).json()).toMatchObject({ error: 'refused', reason: 'selected-users-unverifiable' });
  // A file the pane would refuse leaves the service refusing too, and not ready, saying why.
  await setControls({ policyText: '{"linkedInAccountConnections":"sometimes"}' });
  expect(await (await lookup()).json()).toMatchObject({ error: 'refused', reason: 'policy-file-invalid' });
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ reason: 'policy-file-invalid', policyFile: 'invalid' });
});

test.each([
  ['unauthorized', 401, { 'www-authenticate': 'Bearer error="invalid_token"' }],
  ['forbidden', 403, {}],
  ['throttled', 429, { 'retry-after': '30' }],
  ['server', 500, {}],
] as const)('a "%s" lookup fault answers %i with its headers; insights are untouched', async (fault, status, headers) => {
  await setControls({ faults: { lookup: fault, insights: 'none' } });
  const answer = await lookup();
  expect(answer.status).toBe(status);
  for (const [name, value] of Object.entries(headers)) expect(answer.headers.get(name)).toBe(value);
  await post('/__workbench/connection', { consent: 'twoWay' });
  expect((await post('/api/v1/profiles/insights', { email: 'aiko.tanaka@fabrikam.com' }, await token())).status).toBe(200);
});

test('an invalid payload and a truncated body are a 200 the pane must not trust; offline drops the connection', async () => {
  await setControls({ faults: { lookup: 'invalidPayload', insights: 'truncated' } });
  expect(await (await lookup()).json()).toMatchObject({ results: 'not a list' });
  await post('/__workbench/connection', { consent: 'twoWay' });
  const cut = await post('/api/v1/profiles/insights', { email: 'aiko.tanaka@fabrikam.com' }, await token());
  expect(cut.status).toBe(200);
  await expect(cut.clone().json()).rejects.toThrow();
  expect(await cut.text()).toBe('{"apiVersion":"1","resu');
  await setControls({ faults: { lookup: 'offline', insights: 'none' } });
  const dropped = await new Promise<string>((resolve) => {
    const sent = request(`${base}/api/v1/profiles/lookup`, { method: 'POST' }, () => resolve('answered'));
    sent.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    sent.end('{}');
  });
  expect(dropped).toBe('ECONNRESET');
});

test('latency delays every API answer by the amount the control says', async () => {
  await setControls({ latencyMs: 400 });
  const started = performance.now();
  await (await fetch(`${base}/api/v1/connection`)).text();
  expect(performance.now() - started).toBeGreaterThanOrEqual(390);
});

test("a link's consent is made true on the service, and a connection that already matches is kept as it is", async () => {
  const connection = async () =>
    (await fetch(`${base}/api/v1/connection`, { headers: { authorization: `Bearer ${await token()}` } })).json();
  expect(await connection()).toMatchObject({ status: 'notConnected' });
  const made = (await (await post('/__workbench/connection', { consent: 'twoWay' })).json()) as { changed: boolean; connectedAt: string };
  expect(made.changed).toBe(true);
  expect(await connection()).toMatchObject({ status: 'connected', consent: 'twoWay', connectedAt: made.connectedAt });
  expect(await (await post('/__workbench/connection', { consent: 'twoWay' })).json()).toMatchObject({
    changed: false,
    connectedAt: made.connectedAt,
  });
  expect(await (await post('/__workbench/connection', { consent: 'linkedInToMicrosoft' })).json()).toMatchObject({ changed: true });
  expect(await (await post('/__workbench/connection', { consent: 'none' })).json()).toMatchObject({ changed: true });
  expect(await connection()).toMatchObject({ status: 'notConnected' });
});

test("the tenant's OpenID configuration follows the Cloud control (400 for a tenant Entra can't find)", async () => {
  const config = () => fetch(`${base}/__workbench/openid/contoso.com/v2.0/.well-known/openid-configuration`);
  expect(await (await config()).json()).toMatchObject({ tenant_region_scope: 'NA', tenant_region_sub_scope: null });
  await setControls({ cloud: 'gccHigh' });
  expect(await (await config()).json()).toMatchObject({ tenant_region_scope: 'USGov', tenant_region_sub_scope: 'DODCON' });
  await setControls({ cloud: 'unknown' });
  expect((await config()).status).toBe(400);
});

describe('port 0: a free port is looked up before listening, so another socket may take it in between', () => {
  let holder: Server;
  let taken: number;
  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    taken = (holder.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  test('the service starts on another free port when the one it found is taken by the time it listens', async () => {
    const offered: number[] = [];
    const choosePort = async () => {
      const port = offered.length === 0 ? taken : await freePort();
      offered.push(port);
      return port;
    };
    const second = await startDevService({ port: 0, addinDir, logLevel: 'silent', choosePort });
    try {
      expect(offered).toHaveLength(2);
      expect(second.port).toBe(offered[1]);
      expect(second.port).not.toBe(taken);
      expect((await fetch(`http://127.0.0.1:${second.port}/readyz`)).status).toBe(200);
    } finally {
      await second.close();
    }
  }, 60_000);

  test('it gives up after three taken ports, saying the address is in use; a port asked for is never swapped', async () => {
    let asked = 0;
    const choosePort = async () => {
      asked += 1;
      return taken;
    };
    await expect(startDevService({ port: 0, addinDir, logLevel: 'silent', choosePort })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(asked).toBe(3);
    await expect(startDevService({ port: taken, addinDir, logLevel: 'silent', choosePort })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(asked).toBe(3);
  }, 60_000); // four starts, each opening a database and building the service, on a CI machine running other suites
});
