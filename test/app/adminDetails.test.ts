// "Copy details for your admin" (issue 13): the link reproduces the user's decision in the workbench, and carries
// nothing personal. The workbench side is its own code: scenarioFromSearch reads the link as the workbench does, the
// policy text is parsed as the workbench's pane parses it, and the viewer is rebuilt as the workbench's pane does
// (detected values from the controls, the file's values over them, the workbench's own signed-in user).
import fc from 'fast-check';
import { adminDetailsLink, adminDetailsSearch, PLACEHOLDER_GROUP_ID, PLACEHOLDER_USER, WORKBENCH_URL } from '../../src/app/adminDetails';
import { accessInputFor, viewerInput, type ViewerInput } from '../../src/app/viewer';
import { adminPolicyFromFile, policyFileSchema, type AdminPolicy } from '../../src/contract/policyFile';
import { decideAccess, type Cloud, type MemberVisibility } from '../../src/policy';
import { parsePolicyFile } from '../../src/services/policyFile';
import { scenarioFromSearch } from '../../dev/workbench/scenario';

const CLOUDS: Cloud[] = ['worldwide', 'gcc', 'gccHigh', 'dod', 'china', 'germany', 'unknown'];
const STATES = ['enabled', 'disabled', 'notConfigured'] as const;
const VISIBILITIES: MemberVisibility[] = ['visible', 'hidden', 'unknown'];
const geo = fc.oneof(fc.constantFrom('NAM', 'EUR', 'DEU', 'FRA', 'CHN', 'ITA', 'unknown'));
const country = fc.constantFrom('US', 'DE', 'FR', 'CN', 'IT', 'unknown');
const guid = fc.uuid();
const address = fc.emailAddress();

/** A policy file an admin could write, with their tenant's group and users in it ("selected" names a group or users). */
const adminPolicy: fc.Arbitrary<AdminPolicy> = fc
  .record({
    tenantMode: fc.constantFrom('yes', 'selected', 'no', 'unset'),
    selectedGroupId: fc.option(guid, { nil: undefined }),
    selectedUsers: fc.array(address, { maxLength: 3 }),
    officePolicy: fc.record({
      showLinkedInFeatures: fc.constantFrom(...STATES),
      connectedExperiences: fc.constantFrom(...STATES),
      optionalConnectedExperiences: fc.constantFrom(...STATES),
    }),
    environment: fc.record(
      { cloud: fc.constantFrom(...CLOUDS.filter((c) => c !== 'unknown')), mailboxGeo: geo, tenantCountry: country },
      { requiredKeys: [] },
    ),
    availability: fc.option(
      fc.record(
        { excludedClouds: fc.subarray(CLOUDS.filter((c) => c !== 'unknown')), excludedMailboxGeos: fc.subarray(['EUR', 'CHN', 'ITA']) },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  })
  .filter((p) => p.tenantMode !== 'selected' || Boolean(p.selectedGroupId) || p.selectedUsers.length > 0);

/** A user as the pane sees them: their policy file, what Microsoft 365 reported, their device and consent. */
const situation = fc
  .record({
    policy: adminPolicy,
    user: fc.record({ address, displayName: fc.constantFrom('Aiko Tanaka', 'Jürgen Groß', 'منى الشريف') }),
    detected: fc.record({
      cloud: fc.constantFrom(...CLOUDS),
      mailboxGeo: geo,
      tenantCountry: country,
      groupMembership: fc.constantFrom('member', 'notMember', 'unknown'),
    }),
    platform: fc.constantFrom('windows', 'mac', 'web', 'ios', 'android', 'unknown'),
    userOption: fc.boolean(),
    consent: fc.constantFrom('none', 'linkedInToMicrosoft', 'twoWay', 'unknown'),
    look: fc.record({ theme: fc.constantFrom('light', 'dark', 'highContrast'), language: fc.constantFrom('en-US', 'de-DE', 'ar-SA') }),
  })
  .map((s) => ({ ...s, viewer: viewerInput(s) }))
  .map((s) => ({ ...s, subject: { rules: 'read' as const, viewer: s.viewer, groupMembership: s.detected.groupMembership } }));

/** The viewer the workbench's pane builds from a link (dev/workbench/pane.tsx, with its own signed-in user). */
function workbenchViewer(link: string): { viewer: ViewerInput; theme: string; language: string } {
  expect(link.startsWith(WORKBENCH_URL)).toBe(true);
  const scenario = scenarioFromSearch(new URL(link).search);
  const parsed = parsePolicyFile(JSON.parse(scenario.policyText ?? 'null'));
  if (parsed.status !== 'valid') throw new Error(`the workbench refused the link's policy file: ${JSON.stringify(parsed)}`);
  const { policy } = parsed;
  const viewer = viewerInput({
    policy,
    detected: {
      cloud: policy.environment.cloud ?? scenario.cloud,
      mailboxGeo: scenario.mailboxGeo,
      tenantCountry: scenario.tenantCountry,
      groupMembership: scenario.groupMembership,
    },
    platform: scenario.platform,
    userOption: scenario.userOption,
    consent: scenario.consent,
  });
  return { viewer, theme: scenario.theme, language: scenario.displayLanguage };
}

describe('Copy details for your admin: the link reproduces the decision in the workbench', () => {
  test('every generated situation gives the same decision and reasons for every member visibility, and the same look', () => {
    fc.assert(
      fc.property(situation, ({ viewer, subject, detected, look }) => {
        const link = adminDetailsLink(subject, look);
        const reproduced = workbenchViewer(link);
        // What the group check answered is what the workbench's membership control is set to, whatever the file.
        expect(scenarioFromSearch(new URL(link).search).groupMembership).toBe(detected.groupMembership);
        for (const visibility of VISIBILITIES) {
          expect(decideAccess(accessInputFor(reproduced.viewer, visibility))).toEqual(decideAccess(accessInputFor(viewer, visibility)));
        }
        expect({ theme: reproduced.theme, language: reproduced.language }).toEqual(look);
      }),
      { numRuns: 600 },
    );
  });

  test('a pilot that is a list of users alone is reproduced as one: unverifiable in the workbench too, without the list', () => {
    const policy = adminPolicyFromFile(
      policyFileSchema.parse({ linkedInAccountConnections: 'selected', selectedUsers: ['aiko@contoso.com'] }),
    );
    const viewer = viewerInput({
      policy,
      detected: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'unknown' },
      platform: 'web',
      userOption: true,
      consent: 'none',
    });
    expect(viewer.membership).toBe('unverifiable');
    const link = adminDetailsLink({ rules: 'read', viewer, groupMembership: 'unknown' }, { theme: 'light', language: 'en-US' });
    expect(link).not.toContain('aiko');
    const reproduced = workbenchViewer(link).viewer;
    expect(reproduced.membership).toBe('unverifiable');
    expect(decideAccess(accessInputFor(reproduced, 'unknown')).reasons[0]?.code).toBe('selected-users-unverifiable');
  });
});

describe('Copy details for your admin: nothing personal in the link', () => {
  test('no name, address, tenant, user or group id from the situation appears in the link', () => {
    fc.assert(
      fc.property(situation, fc.uuid(), fc.uuid(), (s, tenantId, objectId) => {
        const link = decodeURIComponent(adminDetailsLink(s.subject, s.look));
        const personal = [s.user.address, s.user.displayName, tenantId, objectId, ...s.policy.selectedUsers];
        if (s.policy.selectedGroupId) personal.push(s.policy.selectedGroupId);
        for (const value of personal) expect(link.toLowerCase()).not.toContain(value.toLowerCase());
        // The only address a link may hold is the placeholder of a list-only pilot.
        expect(link.replace(PLACEHOLDER_USER, '')).not.toContain('@');
        // The only GUID a link may hold is the placeholder group.
        const guids = link.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [];
        expect(guids.filter((g) => g !== PLACEHOLDER_GROUP_ID)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('the link holds only the workbench parameters for decision inputs and look', () => {
    fc.assert(
      fc.property(situation, (s) => {
        const keys = [...new URLSearchParams(adminDetailsSearch(s.subject, s.look)).keys()];
        for (const key of keys)
          expect(['cloud', 'geo', 'country', 'membership', 'platform', 'option', 'consent', 'theme', 'lang', 'policy']).toContain(key);
        const policy = JSON.parse(new URLSearchParams(adminDetailsSearch(s.subject, s.look)).get('policy') ?? '{}') as Record<
          string,
          unknown
        >;
        expect(policy.selectedUsers === undefined || JSON.stringify(policy.selectedUsers) === JSON.stringify([PLACEHOLDER_USER])).toBe(
          true,
        );
      }),
    );
  });
});
