import { resolveMembership, viewerInput, UNKNOWN_ENVIRONMENT } from '../../src/app/viewer';
import { peopleToShow } from '../../src/app/people';
import { DEFAULT_ADMIN_POLICY, type AdminPolicy } from '../../src/contract/policyFile';

const user = { address: 'Megan.Bowen@contoso.com', displayName: 'Megan Bowen' };
const policy = (patch: Partial<AdminPolicy>): AdminPolicy => ({ ...DEFAULT_ADMIN_POLICY, ...patch });

describe('who counts as a member of the selected group', () => {
  test('a user on the legacy list is a member even when the group check failed', () => {
    expect(resolveMembership(policy({ selectedUsers: ['megan.bowen@contoso.com'], selectedGroupId: 'g' }), user.address, 'unknown')).toBe(
      'member',
    );
  });
  test('with a group configured, the Graph check decides (unknown stays unknown: fail closed)', () => {
    expect(resolveMembership(policy({ selectedGroupId: 'g' }), user.address, 'member')).toBe('member');
    expect(resolveMembership(policy({ selectedGroupId: 'g' }), user.address, 'unknown')).toBe('unknown');
    expect(resolveMembership(policy({ selectedGroupId: 'g' }), user.address, 'notMember')).toBe('notMember');
  });
  test('with no group and not on the list, the viewer is not a member', () => {
    expect(resolveMembership(policy({}), user.address, 'member')).toBe('notMember');
  });
});

describe('the viewer input', () => {
  const detected = { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US', groupMembership: 'member' } as const;
  const base = { user, platform: 'windows' as const, userOption: true, consent: 'none' as const };

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
