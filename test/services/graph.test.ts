import { http, HttpResponse } from 'msw';
import { detectWithGraph } from '../../src/app/detectEnvironment';
import { createGraphClient, GRAPH_BASE } from '../../src/services/graphClient';
import { DEFAULT_ADMIN_POLICY, type AdminPolicy } from '../../src/contract/policyFile';
import { createTestServer } from '../support/mswServer';

const { server, requests } = createTestServer();
const GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const user = { address: 'megan.bowen@contoso.com', displayName: 'Megan Bowen' };
const graph = createGraphClient(async () => 'graph-token');
const policy = (patch: Partial<AdminPolicy>): AdminPolicy => ({ ...DEFAULT_ADMIN_POLICY, ...patch });

function serveGraph(
  options: { geo?: string | null; country?: string | null; groups?: string[]; fail?: 'me' | 'organization' | 'groups' } = {},
) {
  server.use(
    http.get(`${GRAPH_BASE}me`, ({ request }) => {
      if (options.fail === 'me') return new HttpResponse(null, { status: 503 });
      expect(new URL(request.url).searchParams.get('$select')).toBe('id,userPrincipalName,mail,preferredDataLocation');
      expect(request.headers.get('Authorization')).toBe('Bearer graph-token');
      return HttpResponse.json({
        id: '1',
        userPrincipalName: user.address,
        mail: user.address,
        preferredDataLocation: options.geo ?? null,
      });
    }),
    http.get(`${GRAPH_BASE}organization`, () =>
      options.fail === 'organization'
        ? HttpResponse.error()
        : HttpResponse.json({ value: [{ countryLetterCode: options.country ?? null }] }),
    ),
    http.post(`${GRAPH_BASE}me/checkMemberGroups`, async ({ request }) => {
      if (options.fail === 'groups') return new HttpResponse(null, { status: 403 });
      const { groupIds } = (await request.json()) as { groupIds: string[] };
      expect(groupIds.length).toBeLessThanOrEqual(20);
      return HttpResponse.json({ value: groupIds.filter((id) => options.groups?.includes(id)) });
    }),
  );
}

describe('what Microsoft Graph tells about the viewer', () => {
  test('mode Selected: a member of the group is a member', async () => {
    serveGraph({ geo: 'NAM', groups: [GROUP] });
    const detected = await detectWithGraph(graph, policy({ tenantMode: 'selected', selectedGroupId: GROUP }), user);
    expect(detected).toEqual({ cloud: 'unknown', mailboxGeo: 'NAM', tenantCountry: 'unknown', groupMembership: 'member' });
  });
  test('mode Selected: not in the group is notMember; a failed check is unknown (fail closed)', async () => {
    serveGraph({ groups: [] });
    expect((await detectWithGraph(graph, policy({ tenantMode: 'selected', selectedGroupId: GROUP }), user)).groupMembership).toBe(
      'notMember',
    );
    serveGraph({ fail: 'groups' });
    expect((await detectWithGraph(graph, policy({ tenantMode: 'selected', selectedGroupId: GROUP }), user)).groupMembership).toBe(
      'unknown',
    );
  });
  test('the tenant country is read only when the mode is unset; null means unknown', async () => {
    serveGraph({ country: 'de' });
    expect((await detectWithGraph(graph, policy({ tenantMode: 'unset' }), user)).tenantCountry).toBe('DE');
    serveGraph({ country: null });
    expect((await detectWithGraph(graph, policy({ tenantMode: 'unset' }), user)).tenantCountry).toBe('unknown');
    requests.length = 0;
    serveGraph({ country: 'US' });
    await detectWithGraph(graph, policy({ tenantMode: 'yes', environment: { mailboxGeo: 'NAM' } }), user);
    expect(requests).toEqual([]);
  });
  test('a failed lookup leaves only its own field unknown', async () => {
    serveGraph({ fail: 'me', country: 'US' });
    expect(await detectWithGraph(graph, policy({ tenantMode: 'unset' }), user)).toMatchObject({
      mailboxGeo: 'unknown',
      tenantCountry: 'US',
    });
    serveGraph({ fail: 'organization', geo: 'EUR' });
    expect(await detectWithGraph(graph, policy({ tenantMode: 'unset' }), user)).toMatchObject({
      mailboxGeo: 'EUR',
      tenantCountry: 'unknown',
    });
  });
  test.each([
    ['nam', 'NAM'],
    ['DEU', 'DEU'],
    ['Europe', 'unknown'],
    ['ß12', 'unknown'],
    ['', 'unknown'],
  ])('a data location from Graph counts only as three letters: %j is %s', async (geo, expected) => {
    serveGraph({ geo });
    expect((await detectWithGraph(graph, policy({ tenantMode: 'yes' }), user)).mailboxGeo).toBe(expected);
  });
  test('without nested app authentication nothing is asked and everything is unknown', async () => {
    expect(await detectWithGraph(null, policy({ tenantMode: 'selected', selectedGroupId: GROUP }), user)).toEqual({
      cloud: 'unknown',
      mailboxGeo: 'unknown',
      tenantCountry: 'unknown',
      groupMembership: 'unknown',
    });
    expect(requests).toEqual([]);
  });
  test('checkMemberGroups sends at most 20 group ids per call', async () => {
    serveGraph({ groups: ['g7', 'g33'] });
    const ids = Array.from({ length: 45 }, (_, i) => `g${i}`);
    expect(await graph.checkMemberGroups(ids)).toEqual(['g7', 'g33']);
    expect(requests.filter((r) => r.url.endsWith('checkMemberGroups'))).toHaveLength(3);
  });
  test('a malformed Graph answer is an invalid payload, not a guess', async () => {
    server.use(http.get(`${GRAPH_BASE}me`, () => HttpResponse.json({ id: 5 })));
    await expect(graph.me()).rejects.toMatchObject({ kind: 'invalidPayload' });
  });
});

describe('least privilege: Microsoft Graph is asked for User.Read only', () => {
  test('every Graph call (the user, the tenant, membership, a refused token renewed) asks a token for exactly User.Read', async () => {
    const asked: string[][] = [];
    let refusals = 1;
    const recording = createGraphClient(async (scopes) => {
      asked.push(scopes);
      return 'graph-token';
    });
    serveGraph({ geo: 'NAM', country: 'DE', groups: [GROUP] });
    server.use(
      http.get(`${GRAPH_BASE}organization`, () =>
        refusals-- > 0 ? new HttpResponse(null, { status: 401 }) : HttpResponse.json({ value: [{ countryLetterCode: 'DE' }] }),
      ),
    );
    await detectWithGraph(recording, policy({ tenantMode: 'selected', selectedGroupId: GROUP }), user);
    await detectWithGraph(recording, policy({ tenantMode: 'unset' }), user);
    expect(asked.length).toBeGreaterThanOrEqual(5);
    expect(new Set(asked.map((scopes) => scopes.join(' ')))).toEqual(new Set(['User.Read']));
    expect(requests.map((r) => new URL(r.url).pathname)).toContain('/v1.0/me/checkMemberGroups');
  });
});
