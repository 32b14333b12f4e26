import { createServiceRules, type ServiceEnvironment } from '../../server/rules/serviceRules';
import { DEFAULT_ADMIN_POLICY, type AdminPolicy } from '../../src/contract/policyFile';
import type { ReasonCode } from '../../src/policy';
import { spySource } from './support/spySource';
import { OPEN_POLICY, startTestService, statedPolicy, type TestService } from './support/service';

/**
 * The rules on the server: every reason code the service can know refuses the call with that code, and the profile
 * source is never asked anything (the spy counts every call). Device policies are the pane's and are not here. The
 * rows' `environment` is what the service detects (its SERVICE_* settings); the file's `environment` wins over it.
 */
const GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const OTHER_GROUP = '7f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const env = { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' } as const;

interface Row {
  code: ReasonCode;
  admin: AdminPolicy;
  environment?: ServiceEnvironment;
  token?: { groups?: string[]; claims?: Record<string, unknown> };
}

const selected: AdminPolicy = { ...OPEN_POLICY, tenantMode: 'selected', selectedGroupId: GROUP };
/** A file that states nothing of the environment: what the service detects decides. */
const UNSTATED: AdminPolicy = { ...OPEN_POLICY, environment: {} };
const ORGANISATION_ROWS: [string, Row][] = [
  ['cloud-unavailable (detected cloud GCC)', { code: 'cloud-unavailable', admin: UNSTATED, environment: { ...env, cloud: 'gcc' } }],
  [
    'cloud-unavailable (stated in the file over a detected worldwide)',
    { code: 'cloud-unavailable', admin: { ...OPEN_POLICY, environment: { ...env, cloud: 'gcc' } }, environment: env },
  ],
  [
    'mailbox-geo-unavailable (mailboxes detected in DEU)',
    { code: 'mailbox-geo-unavailable', admin: UNSTATED, environment: { ...env, mailboxGeo: 'DEU' } },
  ],
  [
    'mailbox-geo-unavailable (stated DEU in the file over a detected NAM)',
    { code: 'mailbox-geo-unavailable', admin: { ...OPEN_POLICY, environment: { ...env, mailboxGeo: 'DEU' } }, environment: env },
  ],
  ['environment-unknown (no cloud or location configured)', { code: 'environment-unknown', admin: { ...OPEN_POLICY, environment: {} } }],
  ['tenant-off (mode no)', { code: 'tenant-off', admin: { ...OPEN_POLICY, tenantMode: 'no' } }],
  [
    'tenant-default-off (mode unset, tenant detected in DE)',
    { code: 'tenant-default-off', admin: { ...UNSTATED, tenantMode: 'unset' }, environment: { ...env, tenantCountry: 'DE' } },
  ],
  [
    'tenant-default-off (mode unset, tenant in FR)',
    { code: 'tenant-default-off', admin: { ...UNSTATED, tenantMode: 'unset' }, environment: { ...env, tenantCountry: 'FR' } },
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
    'selected-users-unverifiable (legacy user list only, whatever the token says)',
    {
      code: 'selected-users-unverifiable',
      admin: { ...OPEN_POLICY, tenantMode: 'selected', selectedUsers: ['megan.bowen@contoso.com'] },
      token: { groups: [GROUP], claims: { preferred_username: 'megan.bowen@contoso.com' } },
    },
  ],
  [
    'not-in-selected-group (on the legacy list, not in the group)',
    {
      code: 'not-in-selected-group',
      admin: { ...selected, selectedUsers: ['megan.bowen@contoso.com'] },
      token: { groups: [OTHER_GROUP], claims: { preferred_username: 'megan.bowen@contoso.com' } },
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
/** What the rows swap: the file's statements, and what the service detects. */
let current: { admin: AdminPolicy; environment: ServiceEnvironment } = { admin: OPEN_POLICY, environment: {} };
const rules = createServiceRules({ read: () => statedPolicy(current.admin).read(), origin: 'the row' }, () => current.environment);

beforeAll(async () => {
  service = await startTestService({ source: spy.source, rules });
  await service.connect('twoWay');
}, 180_000);
afterAll(() => service.close());
beforeEach(() => {
  spy.reset();
  current = { admin: OPEN_POLICY, environment: {} };
});

async function call(url: string, body: unknown, token: Parameters<TestService['token']>[0] = {}) {
  return service.app.inject({
    method: 'POST',
    url,
    payload: body as object,
    headers: { authorization: `Bearer ${await service.token(token)}` },
  });
}

describe('the organisation and availability rules: 403 { error: refused, reason: <reason code> }, the source never called', () => {
  const cases = ORGANISATION_ROWS.flatMap(([name, row]) =>
    ENDPOINTS.map(([endpoint, url, body]) => [`${name} → ${endpoint}`, row, url, body] as const),
  );
  it.each(cases)('%s', async (_name, row, url, body) => {
    current = { admin: row.admin, environment: row.environment ?? {} };
    const response = await call(url, body, row.token);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'refused', reason: row.code });
    expect(spy.total()).toBe(0);
  });

  it('the same calls pass when the rules allow them (the control): a member of the selected group', async () => {
    current = { admin: selected, environment: env };
    for (const [, url, body] of ENDPOINTS) expect((await call(url, body, { groups: [GROUP] })).statusCode).toBe(200);
    expect(spy.calls.lookup).toBe(1);
    expect(spy.calls.insights).toBe(1);
    expect(spy.calls.suggestions).toBe(1);
  });
});

describe('consent and the member’s own setting', () => {
  const stranger = '1b1b1b1b-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
  it('not-connected: insights without a connection → 401 notConnected (reason not-connected), the source never called', async () => {
    const response = await call('/api/v1/profiles/insights', { email: 'aiko.tanaka@fabrikam.com' }, { objectId: stranger });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'notConnected', reason: 'not-connected' });
    expect(spy.total()).toBe(0);
  });

  it('not-connected: suggestions without a connection → 403 consentRequired (reason not-connected), the source never called', async () => {
    const response = await call('/api/v1/suggestions', { emails: ['aiko.tanaka@fabrikam.com'] }, { objectId: stranger });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'consentRequired', reason: 'not-connected' });
    expect(spy.total()).toBe(0);
  });

  it('inbound-only: suggestions with LinkedIn-to-Microsoft consent → 403 consentRequired (reason inbound-only), the source never called', async () => {
    const inbound = '2c2c2c2c-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
    await service.connect('linkedInToMicrosoft', inbound);
    const response = await call('/api/v1/suggestions', { emails: ['aiko.tanaka@fabrikam.com'] }, { objectId: inbound });
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

describe('Today: people on the calendar are asked about only with both-ways consent (the lookup states its purpose)', () => {
  const TODAY_ENDPOINTS = [
    ['lookup', '/api/v1/profiles/lookup', { emails: ['aiko.tanaka@fabrikam.com'], purpose: 'today' }],
    ['insights', '/api/v1/profiles/insights', { email: 'aiko.tanaka@fabrikam.com', purpose: 'today' }],
  ] as const;
  const consents = [
    ['not connected', '3d3d3d3d-1b1b-4c2c-8d3d-4e4e4e4e4e4e', null, 'today-not-connected'],
    ['LinkedIn to Microsoft only', '4e4e4e4e-1b1b-4c2c-8d3d-4e4e4e4e4e4e', 'linkedInToMicrosoft', 'today-inbound-only'],
  ] as const;
  it.each(
    consents.flatMap(([who, objectId, consent, reason]) =>
      TODAY_ENDPOINTS.map(([name, url, body]) => [`${who} → ${name}`, objectId, consent, reason, url, body] as const),
    ),
  )("%s → 403 consentRequired with Today's reason, the source never called", async (_name, objectId, consent, reason, url, body) => {
    if (consent) await service.connect(consent, objectId);
    const response = await call(url, body, { objectId });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'consentRequired', reason });
    expect(spy.total()).toBe(0);
  });
  it("LinkedIn turned off by the admin: the card's reason refuses Today too (403 refused tenant-off)", async () => {
    current = { admin: { ...OPEN_POLICY, tenantMode: 'no' }, environment: env };
    const response = await call('/api/v1/profiles/lookup', TODAY_ENDPOINTS[0][2]);
    expect(response.json()).toMatchObject({ error: 'refused', reason: 'tenant-off' });
    expect(spy.total()).toBe(0);
  });
  it('both ways (the control): the same calls pass', async () => {
    for (const [, url, body] of TODAY_ENDPOINTS) expect((await call(url, body)).statusCode).toBe(200);
    expect(spy.calls.lookup).toBe(1);
    expect(spy.calls.insights).toBe(1);
  });
});

describe('the device the pane states: the Office policies bind desktop Outlook only, as in the pane', () => {
  const officeOff: AdminPolicy = {
    ...OPEN_POLICY,
    officePolicy: { ...OPEN_POLICY.officePolicy, showLinkedInFeatures: 'disabled' },
  };
  it.each([
    ['windows', 403, 'office-policy-off'],
    ['mac', 403, 'office-policy-off'],
    ['unknown', 403, 'office-policy-off'],
    ['web', 200, undefined],
    ['ios', 200, undefined],
  ] as const)('"Show LinkedIn features" disabled by policy, Outlook on %s → %i', async (platform, status, reason) => {
    current = { admin: officeOff, environment: {} };
    const response = await call('/api/v1/profiles/lookup', {
      emails: ['aiko.tanaka@fabrikam.com'],
      device: { platform, showLinkedInFeatures: true },
    });
    expect(response.statusCode).toBe(status);
    if (reason) expect(response.json()).toMatchObject({ error: 'refused', reason });
  });

  it("the user's own option off on this device refuses (a client that turned it off asks nothing)", async () => {
    const response = await call('/api/v1/profiles/lookup', {
      emails: ['aiko.tanaka@fabrikam.com'],
      device: { platform: 'web', showLinkedInFeatures: false },
    });
    expect(response.json()).toMatchObject({ error: 'refused', reason: 'user-option-off' });
    expect(spy.total()).toBe(0);
  });

  it('a device statement outside the contract is a bad request, not a device', async () => {
    const response = await call('/api/v1/profiles/lookup', {
      emails: ['aiko.tanaka@fabrikam.com'],
      device: { platform: 'blackberry', showLinkedInFeatures: true },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('a policy file the service cannot trust refuses everything, as the pane refuses to run on it', () => {
  it.each([
    ['invalid', 'policy-file-invalid'],
    ['unreadable', 'policy-file-unreadable'],
  ] as const)('%s → 403 refused (%s) on every endpoint, the source never called', async (status, reason) => {
    const failing = createServiceRules(
      { read: () => (status === 'invalid' ? { status, text: '{', problems: [] } : { status, cause: 'gone' }), origin: 'test' },
      () => env,
    );
    const refusing = await startTestService({ source: spy.source, rules: failing, database: service.database, entra: service.entra });
    try {
      for (const [, url, body] of ENDPOINTS) {
        const response = await refusing.app.inject({
          method: 'POST',
          url,
          payload: body,
          headers: { authorization: `Bearer ${await service.token()}` },
        });
        expect([response.statusCode, response.json()]).toMatchObject([403, { error: 'refused', reason }]);
      }
      expect(spy.total()).toBe(0);
    } finally {
      await refusing.close();
    }
  });
});
