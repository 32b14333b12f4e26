import fc from 'fast-check';
import { LONG_TEST_TIMEOUT_MS } from '../timeouts.cjs';
import { viewerFor } from '../../src/app/pane/derive';
import { accessInputFor } from '../../src/app/viewer';
import { parsePolicyFile } from '../../src/services/policyFile';
import {
  CLOUDS,
  CONSENTS,
  decideAccess,
  GROUP_MEMBERSHIPS,
  PLATFORMS,
  type Consent,
  type DetectedEnvironment,
  type Level,
  type Platform,
} from '../../src/policy';
import { policyTextSource } from '../../server/rules/policyFileSource';
import { createServiceRules, type ServiceEnvironment } from '../../server/rules/serviceRules';
import { startTestService, type TestService } from '../server/support/service';

/**
 * Pane and service decide as one. For generated situations — a policy file (valid or not), what Microsoft 365 reports
 * of the tenant, the viewer's group membership, their consent, the Outlook platform and the device option — the pane's
 * path (its own check of the file, its assembly of the inputs as derivePane makes it, the engine) and the service's
 * path (the real routes in process: the same file as its POLICY_FILE, the same facts as its SERVICE_* detection and
 * the token's `groups` claim, the consent in its database, the device the pane states) must reach the same level and
 * the same first reason. The service's level is read from its answers: a refused lookup is `none` with its reason; an
 * admitted one is `public` or `connected` by what insights and suggestions then answer.
 */
const GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const OTHER_GROUP = '0f0f0f0f-0000-4000-8000-000000000000';
const PERSON = 'aiko.tanaka@fabrikam.com';
/** One Entra user per consent the service can hold (and 'unknown', which the service holds as no connection). */
const USER_OF: Record<Consent, string> = {
  none: '0a0a0a0a-0000-4000-8000-00000000000a',
  unknown: '0a0a0a0a-0000-4000-8000-00000000000b',
  linkedInToMicrosoft: '0a0a0a0a-0000-4000-8000-00000000000c',
  twoWay: '0a0a0a0a-0000-4000-8000-00000000000d',
};

interface Situation {
  policyText: string;
  detected: DetectedEnvironment;
  consent: Consent;
  platform: Platform;
  userOption: boolean;
}
interface Verdict {
  level: Level;
  reason: string | undefined;
  /** 'allowed', or the first reason Today is refused for. */
  today: string | undefined;
}

const state = fc.constantFrom('enabled', 'disabled', 'notConfigured');
const geo = fc.constantFrom('NAM', 'EUR', 'DEU', 'JPN');
const country = fc.constantFrom('US', 'DE', 'FR', 'NL');
/** A policy file an admin could write, sometimes with a mistake in it (an unknown value or field, or not JSON). */
const policyText: fc.Arbitrary<string> = fc
  .record(
    {
      version: fc.constant(1),
      linkedInAccountConnections: fc.constantFrom('yes', 'selected', 'no'),
      selectedGroupId: fc.constant(GROUP),
      selectedUsers: fc.constantFrom(['megan.bowen@contoso.com'], ['alex.wilber@contoso.com', 'megan.bowen@contoso.com']),
      officePolicy: fc.record(
        { showLinkedInFeatures: state, connectedExperiences: state, optionalConnectedExperiences: state },
        { requiredKeys: [] },
      ),
      environment: fc.record(
        { cloud: fc.constantFrom('worldwide', 'worldwide', 'gcc', 'dod'), mailboxGeo: geo, tenantCountry: country },
        { requiredKeys: [] },
      ),
      availability: fc.record(
        { excludedClouds: fc.subarray(['gcc', 'dod']), excludedMailboxGeos: fc.subarray(['JPN', 'EUR']) },
        {
          requiredKeys: [],
        },
      ),
    },
    { requiredKeys: [] },
  )
  .chain((file) =>
    fc.oneof(
      { weight: 16, arbitrary: fc.constant(JSON.stringify(file)) },
      { weight: 1, arbitrary: fc.constant(JSON.stringify({ ...file, linkedInAccountConnections: 'sometimes' })) },
      { weight: 1, arbitrary: fc.constant(JSON.stringify({ ...file, pilotGroup: GROUP })) },
      { weight: 1, arbitrary: fc.constant(JSON.stringify(file).slice(0, -1)) },
    ),
  );
const situation: fc.Arbitrary<Situation> = fc.record({
  policyText,
  detected: fc.record({
    cloud: fc.oneof({ weight: 4, arbitrary: fc.constant('worldwide' as const) }, { weight: 1, arbitrary: fc.constantFrom(...CLOUDS) }),
    mailboxGeo: fc.oneof(geo, fc.constant('unknown')),
    tenantCountry: fc.oneof(country, fc.constant('unknown')),
    groupMembership: fc.constantFrom(...GROUP_MEMBERSHIPS),
  }),
  consent: fc.constantFrom(...CONSENTS),
  platform: fc.constantFrom(...PLATFORMS),
  userOption: fc.boolean(),
});

/** The pane's path: its check of the file (invalid: it runs nothing), then derivePane's assembly and the engine. */
function paneVerdict(s: Situation): Verdict {
  let data: unknown;
  const invalid: Verdict = { level: 'none', reason: 'policy-file-invalid', today: 'policy-file-invalid' };
  try {
    data = JSON.parse(s.policyText);
  } catch {
    return invalid;
  }
  const file = parsePolicyFile(data);
  if (file.status === 'invalid' || file.status === 'unreachable') return invalid;
  const viewer = viewerFor({ platform: s.platform, userOption: s.userOption }, file.policy, s.detected, s.consent);
  const decision = decideAccess(accessInputFor(viewer, 'unknown'));
  const today = decision.today.allowed ? 'allowed' : decision.today.reasons[0]?.code;
  return { level: decision.level, reason: decision.reasons[0]?.code, today };
}

let service: TestService;
let current: Situation;
const tokens = new Map<string, string>();

beforeAll(async () => {
  const rules = createServiceRules(
    policyTextSource(() => current.policyText),
    (): ServiceEnvironment => {
      const { cloud, mailboxGeo, tenantCountry } = current.detected;
      const known = <T extends string>(value: T) => (value === 'unknown' ? undefined : value);
      return { cloud: known(cloud), mailboxGeo: known(mailboxGeo), tenantCountry: known(tenantCountry) };
    },
  );
  service = await startTestService({ rules, env: { RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_PER_IP: '1000000' } });
  await service.connect('linkedInToMicrosoft', USER_OF.linkedInToMicrosoft);
  await service.connect('twoWay', USER_OF.twoWay);
}, 180_000);
afterAll(() => service.close());

/** The token the viewer's Entra sign-in gives: the selected group in its `groups` claim as Graph would answer. */
async function tokenFor(s: Situation): Promise<string> {
  const groups = s.detected.groupMembership === 'member' ? [GROUP] : s.detected.groupMembership === 'notMember' ? [OTHER_GROUP] : undefined;
  const key = `${s.consent}|${s.detected.groupMembership}`;
  const cached = tokens.get(key);
  if (cached) return cached;
  const token = await service.token({ objectId: USER_OF[s.consent], ...(groups ? { groups } : {}) });
  tokens.set(key, token);
  return token;
}

/** The service's path: the real routes, as the pane would call them, stating this device. */
async function serviceVerdict(s: Situation): Promise<Verdict> {
  current = s;
  const authorization = `Bearer ${await tokenFor(s)}`;
  const device = { platform: s.platform, showLinkedInFeatures: s.userOption };
  const call = async (url: string, payload: object) => {
    const response = await service.app.inject({
      method: 'POST',
      url: `/api/v1/${url}`,
      payload: { ...payload, device },
      headers: { authorization },
    });
    return { status: response.statusCode, body: response.json<{ error?: string; reason?: string }>() };
  };
  const forToday = await call('profiles/lookup', { emails: [PERSON], purpose: 'today' });
  if (![200, 403].includes(forToday.status)) throw new Error(`Today's lookup answered ${forToday.status} ${JSON.stringify(forToday.body)}`);
  const today = forToday.status === 200 ? 'allowed' : forToday.body.reason;
  const lookup = await call('profiles/lookup', { emails: [PERSON] });
  if (lookup.status === 403) return { level: 'none', reason: lookup.body.reason, today };
  if (lookup.status !== 200) throw new Error(`lookup answered ${lookup.status} ${JSON.stringify(lookup.body)}`);
  const insights = await call('profiles/insights', { email: PERSON });
  if (insights.status === 401) return { level: 'public', reason: insights.body.reason, today };
  if (insights.status !== 200) throw new Error(`insights answered ${insights.status} ${JSON.stringify(insights.body)}`);
  const suggestions = await call('suggestions', { emails: [PERSON] });
  return { level: 'connected', reason: suggestions.status === 200 ? undefined : suggestions.body.reason, today };
}

const RUNS = 4000;

test(
  `the pane and the service reach the same level and first reason in ${RUNS} generated situations`,
  async () => {
    const levels: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(situation, async (s) => {
        const pane = paneVerdict(s);
        expect(await serviceVerdict(s)).toEqual(pane);
        levels[`${pane.level}:${pane.reason ?? '-'}`] = (levels[`${pane.level}:${pane.reason ?? '-'}`] ?? 0) + 1;
        levels[`today:${pane.today ?? '-'}`] = (levels[`today:${pane.today ?? '-'}`] ?? 0) + 1;
      }),
      { numRuns: RUNS },
    );
    // Printed with the run's seed (FC_SEED replays it): how the cases spread over the outcomes.
    process.stdout.write(`pane–service agreement: ${RUNS} cases, seed ${process.env.FC_SEED}: ${JSON.stringify(levels)}\n`);
    // The generator reaches every kind of outcome, so agreement is not shown on one kind alone.
    for (const expected of [
      'none:policy-file-invalid',
      'none:tenant-off',
      'none:selected-users-unverifiable',
      'public:not-connected',
      'connected:-',
      'connected:inbound-only',
      'today:allowed',
      'today:today-not-connected',
      'today:today-inbound-only',
      'today:tenant-off',
      'today:policy-file-invalid',
    ])
      expect(Object.keys(levels)).toContain(expected);
  },
  LONG_TEST_TIMEOUT_MS,
);
