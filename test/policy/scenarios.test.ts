import { decideAccess, describeReason, REASON_CODES, type AccessDecision, type AccessInput, type ReasonCode } from '../../src/policy';
import { input } from './fixtures';

const reached = new Set<ReasonCode>();
function decide(patch: Parameters<typeof input>[0]): AccessDecision {
  const decision = decideAccess(input(patch));
  for (const r of [...decision.reasons, ...decision.today.reasons]) reached.add(r.code);
  return decision;
}
const codes = (d: AccessDecision) => d.reasons.map((r) => r.code);
const who = (d: AccessDecision, code: ReasonCode) => d.reasons.find((r) => r.code === code)?.changeableBy;

describe('availability: where LinkedIn features are not offered (nobody can change it)', () => {
  test.each(['gcc', 'gccHigh', 'dod', 'china', 'germany'] as const)(
    'a tenant in the %s cloud → none, cloud-unavailable, nobody',
    (cloud) => {
      const d = decide({ cloud });
      expect(d.level).toBe('none');
      expect(codes(d)).toEqual(['cloud-unavailable']);
      expect(who(d, 'cloud-unavailable')).toBe('nobody');
    },
  );
  test.each(['AUS', 'CAN', 'CHN', 'FRA', 'DEU', 'IND', 'KOR', 'GBR', 'JPN', 'ZAF'])(
    'a mailbox hosted in %s → none, mailbox-geo-unavailable',
    (mailboxGeo) => {
      const d = decide({ mailboxGeo });
      expect(d.level).toBe('none');
      expect(codes(d)).toEqual(['mailbox-geo-unavailable']);
    },
  );
  test('a mailbox geo given in lower case is still recognised', () => {
    expect(codes(decide({ mailboxGeo: 'deu' }))).toEqual(['mailbox-geo-unavailable']);
  });
  test('an admin list written in lower case or with spaces still excludes that geo', () => {
    expect(codes(decide({ mailboxGeo: 'NAM', availability: { excludedMailboxGeos: [' nam '] } }))).toEqual(['mailbox-geo-unavailable']);
  });
  test('an excluded geo with an undetected cloud lists both reasons', () => {
    expect(codes(decide({ cloud: 'unknown', mailboxGeo: 'GBR' }))).toEqual(['mailbox-geo-unavailable', 'environment-unknown']);
  });
  test('cloud not detected → none, environment-unknown, the admin states it in the policy file', () => {
    const d = decide({ cloud: 'unknown' });
    expect(d.level).toBe('none');
    expect(codes(d)).toEqual(['environment-unknown']);
    expect(who(d, 'environment-unknown')).toBe('admin');
    expect(d.reasons[0]?.where).toMatch(/linkedin-policy.json.*environment.cloud/);
  });
  test('mailbox location not detected → none, environment-unknown', () => {
    expect(codes(decide({ mailboxGeo: 'unknown' }))).toEqual(['environment-unknown']);
  });
  test('an availability override replaces the built-in table: AUS allowed when the list is ["JPN"]', () => {
    expect(decide({ mailboxGeo: 'AUS', availability: { excludedMailboxGeos: ['JPN'] } }).level).toBe('public');
    expect(codes(decide({ mailboxGeo: 'JPN', availability: { excludedMailboxGeos: ['JPN'] } }))).toEqual(['mailbox-geo-unavailable']);
  });
  test('a cloud override replaces only the cloud list; the built-in geo list still applies', () => {
    expect(decide({ cloud: 'gcc', availability: { excludedClouds: [] } }).level).toBe('public');
    expect(codes(decide({ cloud: 'worldwide', mailboxGeo: 'DEU', availability: { excludedClouds: ['worldwide'] } }))).toEqual([
      'cloud-unavailable',
      'mailbox-geo-unavailable',
    ]);
  });
});

describe('the organisation mode ("LinkedIn account connections", changed by the admin)', () => {
  test('tenant No → none, tenant-off, admin', () => {
    const d = decide({ tenantMode: 'no' });
    expect([d.level, codes(d), who(d, 'tenant-off')]).toEqual(['none', ['tenant-off'], 'admin']);
  });
  test.each(['DE', 'FR'])('tenant unset, provisioned in %s → none, tenant-default-off, admin', (tenantCountry) => {
    const d = decide({ tenantMode: 'unset', tenantCountry });
    expect([d.level, codes(d), who(d, 'tenant-default-off')]).toEqual(['none', ['tenant-default-off'], 'admin']);
  });
  test('tenant unset, country unknown → none, tenant-mode-unknown, admin', () => {
    const d = decide({ tenantMode: 'unset', tenantCountry: 'unknown' });
    expect([d.level, codes(d), who(d, 'tenant-mode-unknown')]).toEqual(['none', ['tenant-mode-unknown'], 'admin']);
  });
  test('tenant unset, provisioned in the US → allowed (public)', () => {
    expect(decide({ tenantMode: 'unset', tenantCountry: 'US' }).level).toBe('public');
  });
  test('tenant Selected, viewer not in the group → none, not-in-selected-group, admin', () => {
    const d = decide({ tenantMode: 'selected', membership: 'notMember' });
    expect([d.level, codes(d), who(d, 'not-in-selected-group')]).toEqual(['none', ['not-in-selected-group'], 'admin']);
    expect(d.canConnect).toBe(false);
  });
  test('tenant Selected, membership lookup failed → none, membership-unknown, admin', () => {
    const d = decide({ tenantMode: 'selected', membership: 'unknown' });
    expect([d.level, codes(d), who(d, 'membership-unknown')]).toEqual(['none', ['membership-unknown'], 'admin']);
  });
  test('tenant Selected by a list of users alone → none, selected-users-unverifiable, admin (a group is needed)', () => {
    const d = decide({ tenantMode: 'selected', membership: 'unverifiable' });
    expect([d.level, codes(d), who(d, 'selected-users-unverifiable')]).toEqual(['none', ['selected-users-unverifiable'], 'admin']);
    expect(describeReason('selected-users-unverifiable').where).toContain('selectedGroupId');
  });
  test('tenant Selected, viewer in the group → public, and may connect', () => {
    const d = decide({ tenantMode: 'selected', membership: 'member' });
    expect([d.level, d.canConnect]).toEqual(['public', true]);
  });
  test('tenant Yes ignores membership', () => {
    expect(decide({ tenantMode: 'yes', membership: 'notMember' }).level).toBe('public');
  });
});

describe('the local Office policy (desktop Outlook only, changed by IT on this computer)', () => {
  test('Windows, "Show LinkedIn features" disabled → none, office-policy-off, deviceAdmin, option locked off', () => {
    const d = decide({ platform: 'windows', officePolicy: { showLinkedInFeatures: 'disabled' } });
    expect([d.level, codes(d), who(d, 'office-policy-off')]).toEqual(['none', ['office-policy-off'], 'deviceAdmin']);
    expect(d.userOption).toEqual({ value: false, locked: true });
  });
  test('Mac, connected experiences disabled → none, connected-experiences-off', () => {
    const d = decide({ platform: 'mac', officePolicy: { connectedExperiences: 'disabled' } });
    expect([d.level, codes(d)]).toEqual(['none', ['connected-experiences-off']]);
    expect(d.userOption).toEqual({ value: false, locked: true });
  });
  test('unknown platform counts as desktop: optional connected experiences disabled → none, optional-connected-experiences-off', () => {
    const d = decide({ platform: 'unknown', officePolicy: { optionalConnectedExperiences: 'disabled' } });
    expect([d.level, codes(d), who(d, 'optional-connected-experiences-off')]).toEqual([
      'none',
      ['optional-connected-experiences-off'],
      'deviceAdmin',
    ]);
  });
  test('all three disabled list all three, in order', () => {
    const d = decide({
      platform: 'windows',
      officePolicy: { showLinkedInFeatures: 'disabled', connectedExperiences: 'disabled', optionalConnectedExperiences: 'disabled' },
    });
    expect(codes(d)).toEqual(['office-policy-off', 'connected-experiences-off', 'optional-connected-experiences-off']);
  });
  test('Windows, policy enabled → the option is locked on, even if the user had turned it off', () => {
    const d = decide({ platform: 'windows', userOption: false, officePolicy: { showLinkedInFeatures: 'enabled' } });
    expect(d.userOption).toEqual({ value: true, locked: true });
    expect(d.level).toBe('public');
  });
  test.each(['web', 'ios', 'android'] as const)(
    'on %s the desktop policies never apply: a web user with Group Policy disabled still sees public info',
    (platform) => {
      const d = decide({
        platform,
        officePolicy: { showLinkedInFeatures: 'disabled', connectedExperiences: 'disabled', optionalConnectedExperiences: 'disabled' },
      });
      expect(d.level).toBe('public');
      expect(d.userOption).toEqual({ value: true, locked: false });
    },
  );
});

describe("the user's own option and consent", () => {
  test('option off → none, user-option-off, user', () => {
    const d = decide({ userOption: false });
    expect([d.level, codes(d), who(d, 'user-option-off')]).toEqual(['none', ['user-option-off'], 'user']);
    expect(d.userOption).toEqual({ value: false, locked: false });
  });
  test('a locked-off option is explained by the policy that locks it, not by user-option-off', () => {
    expect(codes(decide({ platform: 'windows', userOption: false, officePolicy: { showLinkedInFeatures: 'disabled' } }))).toEqual([
      'office-policy-off',
    ]);
  });
  test.each([
    ['not connected → public, not-connected, user; may connect, not disconnect', 'none', 'public', 'not-connected', [true, false, false]],
    [
      'LinkedIn to Microsoft only → connected, inbound-only, no outbound sharing',
      'linkedInToMicrosoft',
      'connected',
      'inbound-only',
      [false, true, false],
    ],
  ] as const)('%s', (_name, consent, level, code, connectDisconnectShare) => {
    const d = decide({ consent });
    expect([d.level, codes(d), who(d, code)]).toEqual([level, [code], 'user']);
    expect([d.canConnect, d.canDisconnect, d.outboundSharing]).toEqual(connectDisconnectShare);
  });
  test('consent unknown is treated as not connected', () => {
    const d = decide({ consent: 'unknown' });
    expect([d.level, codes(d), d.canConnect, d.canDisconnect]).toEqual(['public', ['not-connected'], true, false]);
  });
  test('share both ways → connected, nothing limits it, outbound sharing allowed', () => {
    const d = decide({ consent: 'twoWay' });
    expect([d.level, codes(d), d.canConnect, d.canDisconnect, d.outboundSharing]).toEqual(['connected', [], false, true, true]);
  });
  test('while an earlier rule hides everything, the user is not told to connect (consent reasons only under public/connected)', () => {
    expect(codes(decide({ tenantMode: 'no', consent: 'none' }))).toEqual(['tenant-off']);
    expect(codes(decide({ userOption: false, consent: 'linkedInToMicrosoft' }))).toEqual(['user-option-off']);
    expect(decide({ tenantMode: 'no', consent: 'none' }).canConnect).toBe(false);
  });
  test('a connected user whose admin later turns LinkedIn off can still disconnect', () => {
    const d = decide({ consent: 'twoWay', tenantMode: 'no' });
    expect([d.level, d.canDisconnect, d.outboundSharing, codes(d)]).toEqual(['none', true, false, ['tenant-off']]);
  });
});

describe('Today (the people on the calendar): both-ways consent where connected insights are allowed', () => {
  test('both ways → allowed, nothing limits it', () => {
    expect(decide({ consent: 'twoWay' }).today).toEqual({ allowed: true, reasons: [] });
  });
  test('not connected → refused, today-not-connected, user', () => {
    const { today } = decide({ consent: 'none' });
    expect([today.allowed, today.reasons.map((r) => [r.code, r.changeableBy])]).toEqual([false, [['today-not-connected', 'user']]]);
  });
  test('LinkedIn to Microsoft only → refused, today-inbound-only, user', () => {
    expect(decide({ consent: 'linkedInToMicrosoft' }).today.reasons.map((r) => r.code)).toEqual(['today-inbound-only']);
  });
  test("tenant No with both ways → refused with the card's reason, not Today's", () => {
    expect(decide({ consent: 'twoWay', tenantMode: 'no' }).today.reasons.map((r) => r.code)).toEqual(['tenant-off']);
  });
});

describe('the person viewed', () => {
  test('a member who hides their profile → none, member-hidden, member', () => {
    const d = decide({ memberVisibility: 'hidden' });
    expect([d.level, who(d, 'member-hidden')]).toEqual(['none', 'member']);
    expect(codes(d)).toEqual(['not-connected', 'member-hidden']);
  });
  test('a hidden member does not change what the viewer may do (connect, disconnect, share)', () => {
    const viewing = decide({ consent: 'twoWay', memberVisibility: 'hidden' });
    expect([viewing.level, viewing.canDisconnect, viewing.outboundSharing]).toEqual(['none', true, true]);
    expect(decide({ memberVisibility: 'hidden' }).canConnect).toBe(true);
  });
  test('a visibility value the engine does not recognise hides the profile (fail closed)', () => {
    expect(decideAccess({ ...input({ consent: 'twoWay' }), memberVisibility: 'private' as never }).level).toBe('none');
  });
  test('before any lookup (unknown) the viewer level applies', () => {
    expect(decide({ memberVisibility: 'unknown', consent: 'twoWay' }).level).toBe('connected');
  });
});

describe('every limiting reason is listed, in order of precedence', () => {
  test('gcc cloud, tenant No, Windows policy off, option off', () => {
    const d = decide({
      cloud: 'gcc',
      tenantMode: 'no',
      platform: 'windows',
      officePolicy: { showLinkedInFeatures: 'disabled' },
      userOption: false,
    });
    expect(codes(d)).toEqual(['cloud-unavailable', 'tenant-off', 'office-policy-off']);
  });
  test('unknown environment, selected without membership, option off, hidden member', () => {
    const d = decide({ cloud: 'unknown', tenantMode: 'selected', membership: 'unknown', userOption: false, memberVisibility: 'hidden' });
    expect(codes(d)).toEqual(['environment-unknown', 'membership-unknown', 'user-option-off', 'member-hidden']);
  });
  test('every reason has one plain sentence and a place or an owner', () => {
    const d = decide({
      cloud: 'gcc',
      mailboxGeo: 'DEU',
      tenantMode: 'no',
      platform: 'windows',
      officePolicy: { showLinkedInFeatures: 'disabled' },
    });
    for (const r of d.reasons) {
      expect(r.message).toMatch(/^[A-Z].{10,200}[.]$/);
      expect(r.message).not.toMatch(/\n/);
    }
  });
});

describe('fail closed on values the engine does not know', () => {
  test('an unrecognised organisation mode, platform or policy state never grants more', () => {
    expect(decideAccess({ ...input(), tenantMode: 'maybe' as never }).level).toBe('none');
    expect(decideAccess({ ...input({ officePolicy: { showLinkedInFeatures: 'sometimes' as never } }), platform: 'windows' }).level).toBe(
      'none',
    );
    expect(decideAccess({ ...input({ officePolicy: { showLinkedInFeatures: 'disabled' } }), platform: 'blackberry' as never }).level).toBe(
      'none',
    );
    expect(decideAccess({ ...input(), mailboxGeo: '' }).level).toBe('none');
    expect(decideAccess({ ...input(), cloud: 'mars' as never }).level).toBe('none');
  });
});

describe('every reason explains itself: one plain sentence, who can change it, where', () => {
  const OWNER: Record<ReasonCode, AccessDecision['reasons'][number]['changeableBy']> = {
    'cloud-unavailable': 'nobody',
    'mailbox-geo-unavailable': 'nobody',
    'environment-unknown': 'admin',
    'tenant-off': 'admin',
    'tenant-default-off': 'admin',
    'tenant-mode-unknown': 'admin',
    'not-in-selected-group': 'admin',
    'selected-users-unverifiable': 'admin',
    'membership-unknown': 'admin',
    'office-policy-off': 'deviceAdmin',
    'connected-experiences-off': 'deviceAdmin',
    'optional-connected-experiences-off': 'deviceAdmin',
    'user-option-off': 'user',
    'not-connected': 'user',
    'inbound-only': 'user',
    'member-hidden': 'member',
    'today-not-connected': 'user',
    'today-inbound-only': 'user',
  };
  test.each([...REASON_CODES])('%s: one sentence the user can read, the right owner, a place to change it', (code) => {
    const r = describeReason(code);
    expect(r.code).toBe(code);
    expect(r.changeableBy).toBe(OWNER[code]);
    // One sentence: starts with a capital, ends with the only full stop, no line breaks, no internal jargon (codes).
    expect(r.message).toMatch(/^[A-Z][^\n.]{10,200}\.$/);
    expect(r.message).not.toContain(code);
    if (r.changeableBy !== 'nobody') expect(r.where?.trim()).toBeTruthy();
  });
  test('no two reasons share a sentence, and REASON_CODES lists each code once', () => {
    expect(new Set(REASON_CODES.map((c) => describeReason(c).message)).size).toBe(REASON_CODES.length);
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
    expect(Object.keys(OWNER).sort()).toEqual([...REASON_CODES].sort());
  });
  test('the Group Policy reason names the policy an admin looks for', () => {
    expect(describeReason('office-policy-off').where).toContain('Show LinkedIn features in Office applications');
    expect(describeReason('tenant-off').where).toContain('LinkedIn account connections');
  });
  test.each(['tenant-off', 'tenant-default-off', 'tenant-mode-unknown', 'not-in-selected-group', 'selected-users-unverifiable'] as const)(
    '%s names the policy file as where the add-in reads the mode, and Entra as where it should match',
    (code) => {
      const where = describeReason(code).where ?? '';
      expect(where).toMatch(/^The add-in's policy file \(linkedin-policy\.json\) › /);
      expect(where).toContain('Microsoft Entra admin center');
    },
  );
});

describe('pure', () => {
  const deepFreeze = <T>(value: T): T => {
    if (value && typeof value === 'object') {
      for (const v of Object.values(value)) deepFreeze(v);
      Object.freeze(value);
    }
    return value;
  };
  test('a frozen input (with an availability override) is accepted unchanged and gives the same decision twice', () => {
    const make = (): AccessInput =>
      input({
        platform: 'windows',
        consent: 'linkedInToMicrosoft',
        mailboxGeo: 'AUS',
        availability: { excludedClouds: ['gcc'], excludedMailboxGeos: ['jpn'] },
      });
    const frozen = deepFreeze(make());
    const first = decideAccess(frozen);
    expect(frozen).toEqual(make());
    expect(decideAccess(make())).toEqual(first);
  });
  test('changing a returned decision does not change the next one', () => {
    const first = decideAccess(input({ tenantMode: 'no' }));
    const expected = decideAccess(input({ tenantMode: 'no' }));
    (first.reasons[0] as { message: string }).message = 'changed';
    first.reasons.push(describeReason('member-hidden'));
    expect(decideAccess(input({ tenantMode: 'no' }))).toEqual(expected);
  });
});

// Declared last: jest runs a file's tests in order, so every named scenario above has run.
test('every reason code is reached by at least one named scenario', () => {
  expect([...reached].sort()).toEqual([...REASON_CODES].sort());
});
