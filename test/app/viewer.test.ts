import { viewerInput, UNKNOWN_ENVIRONMENT } from '../../src/app/viewer';
import { membershipOf } from '../../src/policy';
import { peopleToShow } from '../../src/app/people';
import { DEFAULT_ADMIN_POLICY, type AdminPolicy } from '../../src/contract/policyFile';

const user = { address: 'Megan.Bowen@contoso.com', displayName: 'Megan Bowen' };
const policy = (patch: Partial<AdminPolicy>): AdminPolicy => ({ ...DEFAULT_ADMIN_POLICY, ...patch });

describe('who counts as a member of the selected group', () => {
  test('with a group configured, its check decides (unknown stays unknown: fail closed); the legacy list adds nobody', () => {
    expect(membershipOf(policy({ selectedGroupId: 'g' }), 'member')).toBe('member');
    expect(membershipOf(policy({ selectedGroupId: 'g' }), 'unknown')).toBe('unknown');
    expect(membershipOf(policy({ selectedGroupId: 'g' }), 'notMember')).toBe('notMember');
    expect(membershipOf(policy({ selectedGroupId: 'g', selectedUsers: ['megan.bowen@contoso.com'] }), 'unknown')).toBe('unknown');
    expect(membershipOf(policy({ selectedGroupId: 'g', selectedUsers: ['megan.bowen@contoso.com'] }), 'notMember')).toBe('notMember');
  });
  test('a pilot that is a list of users alone cannot be verified, whoever is on it and whatever a group check said', () => {
    expect(membershipOf(policy({ selectedUsers: ['megan.bowen@contoso.com'] }), 'member')).toBe('unverifiable');
    expect(membershipOf(policy({ selectedUsers: ['megan.bowen@contoso.com'] }), 'unknown')).toBe('unverifiable');
  });
  test('with no group and no list, the viewer is not a member', () => {
    expect(membershipOf(policy({}), 'member')).toBe('notMember');
  });
});

describe('the viewer input', () => {
  const detected = { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' } as const;
  const base = { platform: 'windows' as const, userOption: true, consent: 'none' as const };

  test('policy-file values override detection', () => {
    const input = viewerInput({
      ...base,
      detected,
      policy: policy({ environment: { cloud: 'gcc', mailboxGeo: 'EUR', tenantCountry: 'DE' } }),
    });
    expect(input).toMatchObject({ cloud: 'gcc', mailboxGeo: 'EUR', tenantCountry: 'DE' });
  });
  test('detection fills what the admin left out; nothing detected stays unknown', () => {
    expect(viewerInput({ ...base, detected, policy: policy({}) })).toMatchObject({
      cloud: 'worldwide',
      mailboxGeo: 'NAM',
      tenantCountry: 'US',
    });
    expect(viewerInput({ ...base, detected: UNKNOWN_ENVIRONMENT, policy: policy({}) })).toMatchObject({
      cloud: 'unknown',
      mailboxGeo: 'unknown',
      tenantCountry: 'unknown',
    });
  });
  test('the mode, Office policies and availability come from the policy file', () => {
    const officePolicy = {
      showLinkedInFeatures: 'disabled',
      connectedExperiences: 'enabled',
      optionalConnectedExperiences: 'notConfigured',
    } as const;
    const input = viewerInput({
      ...base,
      detected,
      policy: policy({ tenantMode: 'no', officePolicy, availability: { excludedMailboxGeos: ['JPN'] } }),
    });
    expect(input).toMatchObject({ tenantMode: 'no', officePolicy, availability: { excludedMailboxGeos: ['JPN'] } });
  });
});

describe('the people offered in the switcher', () => {
  const item = {
    key: 'k',
    kind: 'message' as const,
    subject: 's',
    people: [
      { address: 'aiko@fabrikam.com', displayName: 'Aiko', role: 'from' as const },
      { address: 'MEGAN.BOWEN@contoso.com', displayName: 'Megan', role: 'to' as const },
      { address: 'alex@contoso.com', displayName: 'Alex', role: 'to' as const },
      { address: 'Aiko@Fabrikam.com', displayName: 'Aiko again', role: 'cc' as const },
    ],
  };
  test('leave the user out, keep Outlook order, and list each address once under its first role', () => {
    expect(peopleToShow(item, user.address).map((p) => `${p.role}:${p.address}`)).toEqual([
      'from:aiko@fabrikam.com',
      'to:alex@contoso.com',
    ]);
  });
  test('no item, nobody', () => {
    expect(peopleToShow(null, user.address)).toEqual([]);
  });
});
