import {
  CONSENTS,
  decideAccess,
  PLATFORMS,
  TENANT_MODES,
  type Consent,
  type Platform,
  type ReasonCode,
  type TenantMode,
} from '../../src/policy';
import { input } from './fixtures';

/**
 * Today (the people on the viewer's calendar today) as a capability of the rules: every organisation mode × consent ×
 * platform, with the admin's Office policy mirror off and on (it applies on the desktop only). Today sends who the
 * viewer meets to LinkedIn, so it is allowed only with both-ways consent where connected insights are allowed; when
 * refused, it says why with the card's own reasons (LinkedIn off) or with its own (the consent).
 */
const DESKTOP: readonly Platform[] = ['windows', 'mac', 'unknown'];

interface Row {
  mode: TenantMode;
  consent: Consent;
  platform: Platform;
  officePolicyOff: boolean;
  allowed: boolean;
  reasons: ReasonCode[];
}

/** What the table expects, said as the issue says it (not as decide.ts computes it). */
function expected(
  mode: TenantMode,
  consent: Consent,
  platform: Platform,
  officePolicyOff: boolean,
): Omit<Row, 'mode' | 'consent' | 'platform' | 'officePolicyOff'> {
  const off: ReasonCode[] = [];
  // The base tenant is worldwide in NAM, provisioned in the US, the viewer in the pilot group: only these can turn it off.
  if (mode === 'no') off.push('tenant-off');
  if (officePolicyOff && DESKTOP.includes(platform)) off.push('office-policy-off');
  if (off.length > 0) return { allowed: false, reasons: off };
  if (consent === 'twoWay') return { allowed: true, reasons: [] };
  return { allowed: false, reasons: [consent === 'linkedInToMicrosoft' ? 'today-inbound-only' : 'today-not-connected'] };
}

const ROWS: Row[] = TENANT_MODES.flatMap((mode) =>
  CONSENTS.flatMap((consent) =>
    PLATFORMS.flatMap((platform) =>
      [false, true].map((officePolicyOff) => ({
        mode,
        consent,
        platform,
        officePolicyOff,
        ...expected(mode, consent, platform, officePolicyOff),
      })),
    ),
  ),
);

test(`the table covers every mode × consent × platform, with the Office policy off and on: ${ROWS.length} rows`, () => {
  expect(ROWS).toHaveLength(4 * 4 * 6 * 2);
  // Both outcomes and every kind of reason occur in it.
  const kinds = new Set(ROWS.map((row) => (row.allowed ? 'allowed' : row.reasons.join('+'))));
  expect([...kinds].sort()).toEqual(
    ['allowed', 'office-policy-off', 'tenant-off', 'tenant-off+office-policy-off', 'today-inbound-only', 'today-not-connected'].sort(),
  );
});

test.each(
  ROWS.map((row) => [`${row.mode} · ${row.consent} · ${row.platform}${row.officePolicyOff ? ' · Office policy off' : ''}`, row] as const),
)('%s', (_name, row) => {
  const decision = decideAccess(
    input({
      tenantMode: row.mode,
      consent: row.consent,
      platform: row.platform,
      officePolicy: row.officePolicyOff ? { showLinkedInFeatures: 'disabled' } : {},
    }),
  );
  expect({ allowed: decision.today.allowed, reasons: decision.today.reasons.map((r) => r.code) }).toEqual({
    allowed: row.allowed,
    reasons: row.reasons,
  });
});

describe("Today's reasons explain themselves", () => {
  test('not connected: the user connects, choosing to share both ways', () => {
    const [reason] = decideAccess(input({ consent: 'none' })).today.reasons;
    expect(reason?.changeableBy).toBe('user');
    expect(reason?.message).toMatch(/sharing data both ways/);
    expect(reason?.where).toMatch(/Connect your LinkedIn account › Share data both ways/);
  });
  test('LinkedIn to Microsoft only: the user changes the choice (signing in again)', () => {
    const [reason] = decideAccess(input({ consent: 'linkedInToMicrosoft' })).today.reasons;
    expect(reason?.code).toBe('today-inbound-only');
    expect(reason?.message).toMatch(/you chose LinkedIn to Microsoft only/);
    expect(reason?.where).toMatch(/Today › Share data both ways/);
  });
  test("LinkedIn off: Today gives the card's reasons, with who changes them (the consent is not the point then)", () => {
    const decision = decideAccess(input({ consent: 'linkedInToMicrosoft', userOption: false, cloud: 'gcc' }));
    expect(decision.today.reasons.map((r) => [r.code, r.changeableBy])).toEqual([
      ['cloud-unavailable', 'nobody'],
      ['user-option-off', 'user'],
    ]);
  });
  test("a member hiding their profile changes the card, never Today (it is the viewer's)", () => {
    const decision = decideAccess(input({ consent: 'twoWay', memberVisibility: 'hidden' }));
    expect(decision.level).toBe('none');
    expect(decision.today).toEqual({ allowed: true, reasons: [] });
  });
  test("Today's reasons never appear among the card's", () => {
    for (const consent of CONSENTS) {
      const codes = decideAccess(input({ consent })).reasons.map((r) => r.code);
      expect(codes.filter((code) => code.startsWith('today-'))).toEqual([]);
    }
  });
});
