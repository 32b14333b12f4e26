/**
 * The pane's first script decides whom the first render looks up (firstDecision.ts) before the rest of the pane has
 * loaded; the rest of the pane, settling the same policy itself, decides it with derivePane (firstRender.ts'
 * firstLookup). The two agree on generated situations: the admin's policy, the platform, the user's option, the
 * consent the roaming settings hold, and the item's people (the user among them, in other case, repeated, more than
 * a page). And where the first script decides (the file states everything the rules would detect), the pane's
 * detection asks nothing and finds nothing, so both decide from the same environment. The run's seed is printed by
 * test/seed.cjs (replay with FC_SEED=<n>).
 */
import fc from 'fast-check';
import { detectEnvironmentOf } from '../../src/app/detectEnvironment';
import { firstLookups, needsDetection } from '../../src/app/firstDecision';
import { firstLookup } from '../../src/app/pane/firstRender';
import type { PaneDependencies } from '../../src/app/pane/dependencies';
import type { GraphClient } from '../../src/services/graphClient';
import type { ItemPerson, ItemSnapshot, OfficeHost } from '../../src/office';
import {
  CONSENTS,
  DEFAULT_ADMIN_POLICY,
  KNOWN_CLOUDS,
  PLATFORMS,
  POLICY_STATES,
  TENANT_MODES,
  UNKNOWN_ENVIRONMENT,
  type AdminPolicy,
} from '../../src/policy';
import { createFakeHost, roamingWithConsent } from '../support/fakeHost';
import { memoryStorage } from '../support/memoryStorage';

const RUNS = 3000;
const VIEWER = 'viewer@contoso.com';

/** A pilot's file as it is usually written: mode Yes, the environment stated, the Office policies left alone or on. */
const usualPolicy: fc.Arbitrary<AdminPolicy> = fc.record({
  tenantMode: fc.constant('yes' as const),
  selectedUsers: fc.constant([]),
  officePolicy: fc.record({
    showLinkedInFeatures: fc.constantFrom('enabled' as const, 'notConfigured' as const),
    connectedExperiences: fc.constantFrom('enabled' as const, 'notConfigured' as const),
    optionalConnectedExperiences: fc.constantFrom('enabled' as const, 'notConfigured' as const),
  }),
  environment: fc.record({ cloud: fc.constant('worldwide' as const), mailboxGeo: fc.constantFrom('NAM', 'EUR') }),
});

const policy: fc.Arbitrary<AdminPolicy> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(DEFAULT_ADMIN_POLICY) },
  { weight: 8, arbitrary: usualPolicy },
  {
    weight: 12,
    arbitrary: fc.record(
      {
        tenantMode: fc.constantFrom(...TENANT_MODES),
        selectedGroupId: fc.option(fc.uuid(), { nil: undefined }),
        selectedUsers: fc.array(fc.constantFrom(VIEWER, 'pilot@contoso.com'), { maxLength: 2 }),
        officePolicy: fc.record({
          showLinkedInFeatures: fc.constantFrom(...POLICY_STATES),
          connectedExperiences: fc.constantFrom(...POLICY_STATES),
          optionalConnectedExperiences: fc.constantFrom(...POLICY_STATES),
        }),
        environment: fc.record(
          {
            cloud: fc.constantFrom(...KNOWN_CLOUDS),
            mailboxGeo: fc.constantFrom('NAM', 'EUR', 'CHN', 'RUS', 'DEU'),
            tenantCountry: fc.constantFrom('US', 'DE', 'CN', 'RU', 'KP', 'SY'),
          },
          { requiredKeys: [] },
        ),
        availability: fc.option(
          fc.record(
            { excludedClouds: fc.subarray([...KNOWN_CLOUDS]), excludedMailboxGeos: fc.subarray(['NAM', 'EUR', 'CHN']) },
            { requiredKeys: [] },
          ),
          { nil: undefined },
        ),
      },
      { requiredKeys: ['tenantMode', 'selectedUsers', 'officePolicy', 'environment'] },
    ),
  },
);

const person: fc.Arbitrary<ItemPerson> = fc.record({
  address: fc.oneof(
    fc.integer({ min: 0, max: 40 }).map((n) => `person${n}@fabrikam.com`),
    fc.constantFrom(VIEWER, 'VIEWER@Contoso.com', ' viewer@contoso.com', 'Person1@Fabrikam.com', ''),
  ),
  displayName: fc.constantFrom('A Person', ''),
  role: fc.constantFrom('from', 'to', 'cc', 'organizer', 'required', 'optional'),
});

const item: fc.Arbitrary<ItemSnapshot | null> = fc.option(
  fc.record({
    key: fc.constant('item'),
    kind: fc.constantFrom('message', 'appointment'),
    subject: fc.constant('Subject'),
    people: fc.oneof(fc.array(person, { maxLength: 4 }), fc.array(person, { minLength: 18, maxLength: 30 })),
  }),
  { freq: 8 },
);

const situation = fc.record({
  policy,
  item,
  platform: fc.constantFrom(...PLATFORMS),
  userOption: fc.boolean(),
  consent: fc.constantFrom(...CONSENTS),
});

/** The pane's dependencies as its first render reads them: this host, no service asked (nothing is sent here). */
function depsFor(host: OfficeHost): PaneDependencies {
  const unused = (): never => {
    throw new Error('the first decision sends nothing');
  };
  return { host, loadPolicy: unused, detectEnvironment: unused, insights: { lookup: unused } as unknown as PaneDependencies['insights'] };
}

describe("the first script's decision is derivePane's", () => {
  test(`on ${RUNS} generated situations: the same people looked up first, in the same order, or nobody for both`, () => {
    let someone = 0;
    fc.assert(
      fc.property(situation, (s) => {
        const { host } = createFakeHost({ item: s.item, platform: s.platform, userOption: s.userOption, consent: s.consent });
        const settled = { policyState: { status: 'valid' as const, policy: s.policy }, detected: UNKNOWN_ENVIRONMENT };
        const derived = firstLookup(depsFor({ ...host, roamingSettings: roamingWithConsent(s.consent) }), settled, s.item);
        const early = firstLookups({
          policy: s.policy,
          user: host.currentUser,
          platform: s.platform,
          userOption: s.userOption,
          item: s.item,
        });
        expect(early).toEqual(derived);
        if (early.length > 0) someone += 1;
      }),
      { numRuns: RUNS },
    );
    // Both outcomes are covered many times over: people looked up, and nobody (a rule, no item, nobody on it).
    expect(someone).toBeGreaterThan(RUNS / 10);
    expect(RUNS - someone).toBeGreaterThan(RUNS / 10);
  });

  test(`on ${RUNS} generated policies: where the first script decides, the pane's detection asks nothing and finds nothing`, async () => {
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(policy, async (p) => {
        const asked: string[] = [];
        const graph: GraphClient = {
          me: async () => (asked.push('me'), { preferredDataLocation: 'EUR' }) as Awaited<ReturnType<GraphClient['me']>>,
          organizationCountry: async () => (asked.push('organization'), 'DE'),
          checkMemberGroups: async (ids) => (asked.push('groups'), [...ids]),
          calendarView: async () => (asked.push('calendar'), []),
        };
        const fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(async () => {
          asked.push('openid');
          return new Response(JSON.stringify({ tenant_region_scope: 'EU', cloud_instance_name: 'microsoftonline.com' }), { status: 200 });
        });
        try {
          const detected = await detectEnvironmentOf({ graph, cloud: { storage: memoryStorage() } }, p, {
            address: VIEWER,
            displayName: 'Viewer',
          });
          if (needsDetection(p)) {
            expect(asked.length).toBeGreaterThan(0);
          } else {
            decided += 1;
            expect(asked).toEqual([]);
            expect(detected).toEqual(UNKNOWN_ENVIRONMENT);
          }
        } finally {
          fetchSpy.mockRestore();
        }
      }),
      { numRuns: RUNS },
    );
    expect(decided).toBeGreaterThan(RUNS / 10);
    expect(RUNS - decided).toBeGreaterThan(RUNS / 10);
  });
});
