import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkbenchControls } from '../../dev/workbenchControls';
import { STARTING_CONTROLS } from '../../dev/service/controls';
import { startDevService, type DevService } from '../../dev/service/devService';

/**
 * The development service's Microsoft Graph stand-in, as the workbench's pane meets it: it answers only a Graph token
 * from the local Entra issuer carrying the permission the call needs, as the controls say (data location, country,
 * group, the sample day, the calendar's permission and faults); the service's own token is not one.
 */
let service: DevService;
let addinDir: string;
let base: string;
const GRAPH = '/__workbench/graph/v1.0';
const PILOT_GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const START = Date.UTC(2026, 11, 4, 23);
const CALENDAR = `${GRAPH}/me/calendarView?startDateTime=${new Date(START).toISOString()}&endDateTime=${new Date(START + 86_400_000).toISOString()}`;

beforeAll(async () => {
  addinDir = mkdtempSync(join(tmpdir(), 'dev-addin-'));
  writeFileSync(join(addinDir, 'index.html'), '<!doctype html><title>workbench</title>');
  service = await startDevService({ port: 0, addinDir, logLevel: 'silent' });
  base = `http://127.0.0.1:${service.port}`;
});
afterAll(async () => {
  await service?.close();
  rmSync(addinDir, { recursive: true, force: true });
});
afterEach(() => setControls({}));

async function setControls(patch: Partial<WorkbenchControls>): Promise<void> {
  const answer = await fetch(`${base}/__workbench/controls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...STARTING_CONTROLS, ...patch }),
  });
  expect(answer.status).toBe(200);
}
const tokenFor = async (scope?: string) => {
  const answer = await fetch(`${base}/__workbench/token`, {
    method: 'POST',
    ...(scope ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope }) } : {}),
  });
  return { status: answer.status, body: (await answer.json()) as { accessToken?: string; error?: string } };
};
const graph = async (path: string, token: string | undefined, init: RequestInit = {}) => {
  const answer = await fetch(`${base}${path}`, {
    ...init,
    headers: { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: answer.status, headers: answer.headers, body: (await answer.json()) as Record<string, unknown> };
};

test('/me, /organization and checkMemberGroups answer as the controls say, to a User.Read token only', async () => {
  const user = (await tokenFor('User.Read')).body.accessToken;
  expect((await graph(`${GRAPH}/me`, user)).body).toMatchObject({ mail: 'megan.bowen@contoso.com', preferredDataLocation: 'NAM' });
  await setControls({ mailboxGeo: 'unknown', tenantCountry: 'DE', groupMembership: 'notMember' });
  expect((await graph(`${GRAPH}/me`, user)).body).toMatchObject({ preferredDataLocation: null });
  expect((await graph(`${GRAPH}/organization`, user)).body).toEqual({ value: [{ countryLetterCode: 'DE' }] });
  const check = (token: string | undefined) =>
    graph(`${GRAPH}/me/checkMemberGroups`, token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ groupIds: [PILOT_GROUP] }),
    });
  expect((await check(user)).body).toEqual({ value: [] });
  await setControls({ groupMembership: 'member' });
  expect((await check(user)).body).toEqual({ value: [PILOT_GROUP] });
  // The service's own token, none, or a forged one: refused as Graph refuses them.
  expect((await graph(`${GRAPH}/me`, (await tokenFor()).body.accessToken)).status).toBe(401);
  expect((await graph(`${GRAPH}/me`, undefined)).status).toBe(401);
  expect((await graph(`${GRAPH}/me`, `${user ?? ''}x`)).status).toBe(401);
});

test('the calendar: the sample day for the window asked, to a Calendars.ReadBasic token only', async () => {
  const calendar = (await tokenFor('Calendars.ReadBasic')).body.accessToken;
  const answer = await graph(CALENDAR, calendar);
  expect(answer.status).toBe(200);
  expect((answer.body.value as unknown[]).length).toBe(12);
  expect((await graph(CALENDAR, (await tokenFor('User.Read')).body.accessToken)).status).toBe(403);
  expect((await graph(`${GRAPH}/me`, calendar)).status).toBe(403);
  expect((await graph(`${GRAPH}/me/calendarView?startDateTime=x&endDateTime=y`, calendar)).status).toBe(400);
});

test('no calendar permission: the issuer gives no token for it (as Entra without admin consent); the rest works', async () => {
  await setControls({ calendarPermission: 'notGranted' });
  expect(await tokenFor('Calendars.ReadBasic')).toEqual({ status: 403, body: expect.objectContaining({ error: 'consent_required' }) });
  expect((await tokenFor('User.Read')).status).toBe(200);
});

test.each([
  ['unauthorized', 401, undefined],
  ['forbidden', 403, undefined],
  ['throttled', 429, '7'],
  ['unavailable', 503, '1'],
] as const)("the calendar's fault %s answers %i, as Graph does", async (fault, status, retryAfter) => {
  await setControls({ faults: { ...STARTING_CONTROLS.faults, calendar: fault } });
  const answer = await graph(CALENDAR, (await tokenFor('Calendars.ReadBasic')).body.accessToken);
  expect(answer.status).toBe(status);
  expect(answer.headers.get('retry-after') ?? undefined).toBe(retryAfter);
  expect(answer.body).toMatchObject({ error: { code: expect.any(String) } });
});
