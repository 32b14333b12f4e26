/**
 * @jest-environment node
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { createServerPolicy, type ServerPolicy } from '../../server/rules/serverPolicy';
import { DEFAULT_ADMIN_POLICY, type AdminPolicy } from '../../src/contract/policyFile';
import type { ReasonCode } from '../../src/policy';
import { spySource } from './support/spySource';
import { OPEN_POLICY, startTestService, type TestService } from './support/service';

/**
 * The rules on the server: every reason code the service can know refuses the call with that code, and the profile
 * source is never asked anything (the spy counts every call). Device policies are the pane's and are not here.
 */
const GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const OTHER_GROUP = '7f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const env = { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' } as const;

interface Row {
  code: ReasonCode;
  admin: AdminPolicy;
  environment?: { cloud?: 'gcc'; mailboxGeo?: string; tenantCountry?: string };
  token?: { groups?: string[]; claims?: Record<string, unknown> };
}

const selected: AdminPolicy = { ...OPEN_POLICY, tenantMode: 'selected', selectedGroupId: GROUP };
const ORGANISATION_ROWS: [string, Row][] = [
  ['cloud-unavailable (configured cloud GCC)', { code: 'cloud-unavailable', admin: OPEN_POLICY, environment: { cloud: 'gcc' } }],
  [
    'mailbox-geo-unavailable (mailboxes in DEU)',
    { code: 'mailbox-geo-unavailable', admin: OPEN_POLICY, environment: { mailboxGeo: 'DEU' } },
  ],
  ['environment-unknown (no cloud or location configured)', { code: 'environment-unknown', admin: { ...OPEN_POLICY, environment: {} } }],
  ['tenant-off (mode no)', { code: 'tenant-off', admin: { ...OPEN_POLICY, tenantMode: 'no' } }],
  [
    'tenant-default-off (mode unset, tenant in DE)',
    { code: 'tenant-default-off', admin: { ...OPEN_POLICY, tenantMode: 'unset' }, environment: { tenantCountry: 'DE' } },
  ],
  [
    'tenant-default-off (mode unset, tenant in FR)',
    { code: 'tenant-default-off', admin: { ...OPEN_POLICY, tenantMode: 'unset' }, environment: { tenantCountry: 'FR' } },
  ],
  [
    'tenant-mode-unknown (mode unset, country unknown)',
    { code: 'tenant-mode-unknown', admin: { ...DEFAULT_ADMIN_POLICY, environment: { cloud: 'worldwide', mailboxGeo: 'NAM' } } },
  ],
  ['not-in-selected-group (groups claim without it)', { code: 'not-in-selected-group', admin: selected, token: { groups: [OTHER_GROUP] } }],
  ['membership-unknown (no groups claim)', { code: 'membership-unknown', admin: selected }],
  [
    'membership-unknown (groups overage)',
    { code: 'membership-unknown', admin: selected, token: { claims: { _claim_names: { groups: 'src1' }, _claim_sources: { src1: {} } } } },
  ],
  [
    'membership-unknown (legacy user list only)',
    {
      code: 'membership-unknown',
      admin: { ...OPEN_POLICY, tenantMode: 'selected', selectedUsers: ['megan.bowen@contoso.com'] },
      token: { groups: [GROUP] },
    },
  ],
];

const ENDPOINTS = [
  ['lookup', '/api/v1/profiles/lookup', { emails: ['aiko.tanaka@fabrikam.com'] }],
  ['insights', '/api/v1/profiles/insights', { email: 'aiko.tanaka@fabrikam.com' }],
  ['suggestions', '/api/v1/suggestions', { emails: ['aiko.tanaka@fabrikam.com'] }],
] as const;

let service: TestService;
const spy = spySource();
let current: ServerPolicy = createServerPolicy(OPEN_POLICY, {});
const delegating: ServerPolicy = {
  get admin() {
    return current.admin;
  },
  decide: (...args) => current.decide(...args),
};

beforeAll(async () => {
  service = await startTestService({ source: spy.source, serverPolicy: delegating });
  await service.connect('twoWay');
}, 180_000);
afterAll(() => service.close());
beforeEach(() => {
  spy.reset();
  current = createServerPolicy(OPEN_POLICY, {});
});

async function call(url: string, body: unknown, token: Row['token'] = {}) {
  return service.app.inject({
    method: 'POST',
    url,
    payload: body as object,
    headers: { authorization: `Bearer ${await service.token(token)}` },
  });
}

describe('the organisation and availability rules: 403 { error: <reason code> }, the source never called', () => {
  const cases = ORGANISATION_ROWS.flatMap(([name, row]) =>
    ENDPOINTS.map(([endpoint, url, body]) => [`${name} → ${endpoint}`, row, url, body] as const),
  );
  it.each(cases)('%s', async (_name, row, url, body) => {
    current = createServerPolicy(row.admin, row.environment ?? {});
    const response = await call(url, body, row.token);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: row.code });
    expect(spy.total()).toBe(0);
  });

  it('the same calls pass when the rules allow them (the control): a member of the selected group', async () => {
    current = createServerPolicy(selected, env);
    for (const [, url, body] of ENDPOINTS) expect((await call(url, body, { groups: [GROUP] })).statusCode).toBe(200);
    expect(spy.calls.lookup).toBe(1);
    expect(spy.calls.insights).toBe(1);
    expect(spy.calls.suggestions).toBe(1);
  });
});

describe('consent and the member’s own setting', () => {
  const stranger = '1b1b1b1b-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
  it('not-connected: insights without a connection → 401 notConnected (reason not-connected), the source never called', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/profiles/insights',
      payload: { email: 'aiko.tanaka@fabrikam.com' },
      headers: { authorization: `Bearer ${await service.token({ objectId: stranger })}` },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'notConnected', reason: 'not-connected' });
    expect(spy.total()).toBe(0);
  });

  it('not-connected: suggestions without a connection → 403 consentRequired (reason not-connected), the source never called', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/suggestions',
      payload: { emails: ['aiko.tanaka@fabrikam.com'] },
      headers: { authorization: `Bearer ${await service.token({ objectId: stranger })}` },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'consentRequired', reason: 'not-connected' });
    expect(spy.total()).toBe(0);
  });

  it('inbound-only: suggestions with LinkedIn-to-Microsoft consent → 403 consentRequired (reason inbound-only), the source never called', async () => {
    const inbound = '2c2c2c2c-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
    await service.connect('linkedInToMicrosoft', inbound);
    const response = await service.app.inject({
      method: 'POST',
      url: '/api/v1/suggestions',
      payload: { emails: ['aiko.tanaka@fabrikam.com'] },
      headers: { authorization: `Bearer ${await service.token({ objectId: inbound })}` },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'consentRequired', reason: 'inbound-only' });
    expect(spy.total()).toBe(0);
  });

  it('member-hidden: insights for a hidden member → 404 memberHidden (reason member-hidden); only visibility was asked, no data', async () => {
    const response = await call('/api/v1/profiles/insights', { email: 'rafael.ortiz@northwind.com' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'memberHidden', reason: 'member-hidden' });
    expect(spy.calls.memberVisibility).toBe(1);
    expect(spy.calls.insights).toBe(0);
    expect(response.body).not.toContain('Rafael');
  });
});
