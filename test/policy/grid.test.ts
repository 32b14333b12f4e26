/**
 * The whole grid of input combinations, enumerated (not sampled), checked against the invariants the rules promise.
 * Each decision is packed into one byte (level, flags, option) plus a 32-bit set of its reason codes, in typed arrays
 * indexed in mixed radix, so neighbours differing in one input are compared by index arithmetic. Reason texts are a
 * function of the code (checked in scenarios.test.ts), so equal code sets mean equal reasons.
 */
import { decideAccess, isDesktop, REASON_CODES, type AccessDecision, type AccessInput, type ReasonCode } from '../../src/policy';

const DIMENSIONS = {
  cloud: ['worldwide', 'gcc', 'gccHigh', 'dod', 'china', 'germany', 'unknown'],
  mailboxGeo: ['NAM', 'DEU', 'unknown'],
  tenantCountry: ['US', 'DE', 'FR', 'unknown'],
  tenantMode: ['yes', 'selected', 'no', 'unset'],
  membership: ['member', 'notMember', 'unknown', 'unverifiable'],
  platform: ['windows', 'mac', 'web', 'ios', 'android', 'unknown'],
  showLinkedInFeatures: ['enabled', 'notConfigured', 'disabled'],
  connectedExperiences: ['enabled', 'notConfigured', 'disabled'],
  optionalConnectedExperiences: ['enabled', 'notConfigured', 'disabled'],
  userOption: [true, false],
  consent: ['twoWay', 'linkedInToMicrosoft', 'none', 'unknown'],
  memberVisibility: ['visible', 'hidden', 'unknown'],
} as const;
type Dim = keyof typeof DIMENSIONS;
const DIMS = Object.keys(DIMENSIONS) as Dim[];
const SIZES = DIMS.map((d) => DIMENSIONS[d].length);
const STRIDES: number[] = [];
{
  let stride = 1;
  for (let i = DIMS.length - 1; i >= 0; i--) {
    STRIDES[i] = stride;
    stride *= SIZES[i] as number;
  }
}
const TOTAL = SIZES.reduce((a, b) => a * b, 1);
const dimIndex = (d: Dim) => DIMS.indexOf(d);
const valueIndex = (d: Dim, v: unknown) => (DIMENSIONS[d] as readonly unknown[]).indexOf(v);
const digit = (index: number, d: number) => Math.floor(index / STRIDES[d]) % (SIZES[d] as number);
const withDigit = (index: number, d: number, v: number) => index + (v - digit(index, d)) * STRIDES[d];
/** Visits every index whose input d has value v, without scanning the rest of the grid. */
function forEachWithDigit(d: number, v: number, visit: (index: number) => void): void {
  const stride = STRIDES[d];
  const block = stride * (SIZES[d] as number);
  for (let outer = 0; outer < TOTAL; outer += block) {
    const start = outer + v * stride;
    for (let i = start; i < start + stride; i++) visit(i);
  }
}

function inputAt(index: number): AccessInput {
  const v = (d: Dim) => DIMENSIONS[d][digit(index, dimIndex(d))] as never;
  return {
    cloud: v('cloud'),
    mailboxGeo: v('mailboxGeo'),
    tenantCountry: v('tenantCountry'),
    tenantMode: v('tenantMode'),
    membership: v('membership'),
    platform: v('platform'),
    officePolicy: {
      showLinkedInFeatures: v('showLinkedInFeatures'),
      connectedExperiences: v('connectedExperiences'),
      optionalConnectedExperiences: v('optionalConnectedExperiences'),
    },
    userOption: v('userOption'),
    consent: v('consent'),
    memberVisibility: v('memberVisibility'),
  };
}

// Packed decision: bits 0-1 level (0 none, 1 public, 2 connected), 2 canConnect, 3 canDisconnect, 4 outboundSharing,
// 5 userOption.value, 6 userOption.locked, 7 today.allowed.
const LEVEL = { none: 0, public: 1, connected: 2 } as const;
const pack = (d: AccessDecision) =>
  LEVEL[d.level] |
  (+d.canConnect << 2) |
  (+d.canDisconnect << 3) |
  (+d.outboundSharing << 4) |
  (+d.userOption.value << 5) |
  (+d.userOption.locked << 6) |
  (+d.today.allowed << 7);
const level = (p: number) => p & 3;
const canConnect = (p: number) => (p >> 2) & 1;
const canDisconnect = (p: number) => (p >> 3) & 1;
const outbound = (p: number) => (p >> 4) & 1;
const today = (p: number) => (p >> 7) & 1;

const packed = new Uint8Array(TOTAL);
const reasonSets = new Uint32Array(TOTAL);
const reasonBit = new Map<ReasonCode, number>(REASON_CODES.map((code, i) => [code, 1 << i]));
const NON_CONSENT_CODES = new Set<ReasonCode>(REASON_CODES.filter((c) => c !== 'not-connected' && c !== 'inbound-only'));
const VALID_OWNERS = new Set(['user', 'admin', 'deviceAdmin', 'member', 'nobody']);
let violations: string[] = [];
const fail = (message: string) => {
  if (violations.length < 20) violations.push(message);
};

beforeAll(() => {
  for (let i = 0; i < TOTAL; i++) {
    const input = inputAt(i);
    const decision = decideAccess(input);
    packed[i] = pack(decision);
    // The card's reasons and Today's, in one set: two decisions with the same set explain themselves alike.
    let set = 0;
    for (const r of [...decision.reasons, ...decision.today.reasons]) set |= reasonBit.get(r.code) ?? 0;
    reasonSets[i] = set;
    checkToday(decision, i);
    // Per-decision invariants, checked as the grid is built.
    const given = input.consent === 'linkedInToMicrosoft' || input.consent === 'twoWay';
    if (decision.level === 'connected' && !given) fail(`connected without consent at ${i}`);
    if (decision.canDisconnect !== given) fail(`canDisconnect ⇎ consent given at ${i}`);
    const limiting = decision.reasons.some((r) => NON_CONSENT_CODES.has(r.code));
    if ((decision.level === 'none') !== limiting) fail(`level none ⇎ a limiting reason at ${i}: ${JSON.stringify(decision)}`);
    if (decision.outboundSharing && input.consent !== 'twoWay') fail(`outbound sharing without both-ways consent at ${i}`);
    // Connect is offered exactly when the viewer sees public information: not connected, nothing else limiting
    // (the person viewed hiding their profile does not take the offer away).
    const onlyPublic = !given && decision.reasons.every((r) => r.code === 'not-connected' || r.code === 'member-hidden');
    if (decision.canConnect !== onlyPublic) fail(`canConnect ⇎ public viewer at ${i}`);
    if (!isDesktop(input.platform) && (decision.userOption.locked || decision.userOption.value !== input.userOption)) {
      fail(`the option is locked or overridden on ${input.platform} at ${i}`);
    }
    if (decision.userOption.locked && decision.reasons.some((r) => r.code === 'user-option-off'))
      fail(`a locked option blamed on the user at ${i}`);
    let lastOrder = -1;
    for (const r of decision.reasons) {
      const order = REASON_CODES.indexOf(r.code);
      if (order <= lastOrder) fail(`reasons out of order at ${i}`);
      lastOrder = order;
      if (!r.message || !VALID_OWNERS.has(r.changeableBy)) fail(`bad reason ${r.code} at ${i}`);
    }
  }
});

const TODAY_CODES = new Set<ReasonCode>(['today-not-connected', 'today-inbound-only']);

/**
 * Today's invariants: allowed exactly where Microsoft data may go to LinkedIn (both-ways consent where connected
 * insights are allowed); otherwise explained — under level none by exactly the viewer's own limiting reasons (the
 * card's, without the person's), else by one of Today's own — and never by a reason about the person viewed.
 */
function checkToday(decision: AccessDecision, i: number): void {
  const { today: t } = decision;
  if (t.allowed !== decision.outboundSharing) fail(`today.allowed ⇎ outbound sharing at ${i}`);
  if (t.allowed !== (t.reasons.length === 0)) fail(`today allowed ⇎ no reason at ${i}`);
  const viewerLimits = decision.reasons.filter((r) => NON_CONSENT_CODES.has(r.code) && r.code !== 'member-hidden').map((r) => r.code);
  const codes = t.reasons.map((r) => r.code);
  if (viewerLimits.length > 0 && codes.join() !== viewerLimits.join()) fail(`today's reasons are not the viewer's limits at ${i}`);
  if (viewerLimits.length === 0 && !t.allowed && (codes.length !== 1 || !TODAY_CODES.has(codes[0])))
    fail(`today refused without its own reason at ${i}: ${codes.join()}`);
  if (decision.reasons.some((r) => TODAY_CODES.has(r.code))) fail(`a Today reason among the card's at ${i}`);
}

afterEach(() => {
  const found = violations;
  violations = [];
  expect(found).toEqual([]);
});

test(`the grid enumerates every combination: ${TOTAL} decisions`, () => {
  expect(TOTAL).toBe(7 * 3 * 4 * 4 * 4 * 6 * 27 * 2 * 4 * 3);
  expect(TOTAL).toBe(5_225_472);
  expect(REASON_CODES.length).toBeLessThanOrEqual(32);
  // Every reason code occurs somewhere in the grid.
  let seen = 0;
  for (let i = 0; i < TOTAL; i++) seen |= reasonSets[i];
  expect(seen >>> 0).toBe(2 ** REASON_CODES.length - 1);
});

test('connected ⇒ consent given; canDisconnect ⇔ consent given; level none ⇔ a limiting reason; reasons in order', () => {
  // Checked while building the grid (beforeAll); afterEach reports any violation.
  expect(TOTAL).toBeGreaterThan(3_000_000);
});

/** Pairs (more permissive value, more restrictive value) per input; making one input more restrictive never grants more. */
const RESTRICTIONS: [Dim, unknown, unknown][] = [
  ...(['gcc', 'gccHigh', 'dod', 'china', 'germany', 'unknown'] as const).map((c): [Dim, unknown, unknown] => ['cloud', 'worldwide', c]),
  ['mailboxGeo', 'NAM', 'DEU'],
  ['mailboxGeo', 'NAM', 'unknown'],
  ['tenantCountry', 'US', 'DE'],
  ['tenantCountry', 'US', 'FR'],
  ['tenantCountry', 'US', 'unknown'],
  ['tenantMode', 'yes', 'selected'],
  ['tenantMode', 'yes', 'unset'],
  ['tenantMode', 'selected', 'no'],
  ['tenantMode', 'unset', 'no'],
  ['membership', 'member', 'unknown'],
  ['membership', 'member', 'notMember'],
  ['membership', 'unknown', 'notMember'],
  ['membership', 'member', 'unverifiable'],
  ['showLinkedInFeatures', 'enabled', 'notConfigured'],
  ['showLinkedInFeatures', 'notConfigured', 'disabled'],
  ['connectedExperiences', 'enabled', 'notConfigured'],
  ['connectedExperiences', 'notConfigured', 'disabled'],
  ['optionalConnectedExperiences', 'enabled', 'notConfigured'],
  ['optionalConnectedExperiences', 'notConfigured', 'disabled'],
  ['userOption', true, false],
  ['consent', 'twoWay', 'linkedInToMicrosoft'],
  ['consent', 'linkedInToMicrosoft', 'none'],
  ['consent', 'linkedInToMicrosoft', 'unknown'],
  ['memberVisibility', 'visible', 'unknown'],
  ['memberVisibility', 'unknown', 'hidden'],
];

test('monotonic: making any one input more restrictive never raises level, canConnect, outbound sharing or Today', () => {
  let compared = 0;
  for (const [dim, permissive, restrictive] of RESTRICTIONS) {
    const d = dimIndex(dim);
    const from = valueIndex(dim, permissive);
    const to = valueIndex(dim, restrictive);
    expect([from, to]).not.toContain(-1);
    const shift = (to - from) * STRIDES[d];
    forEachWithDigit(d, from, (i) => {
      const a = packed[i];
      const b = packed[i + shift];
      compared++;
      if (level(b) > level(a)) fail(`${dim} ${String(permissive)}→${String(restrictive)} raised the level at ${i}`);
      if (outbound(b) > outbound(a)) fail(`${dim} ${String(permissive)}→${String(restrictive)} allowed outbound sharing at ${i}`);
      if (today(b) > today(a)) fail(`${dim} ${String(permissive)}→${String(restrictive)} allowed Today at ${i}`);
      // Withdrawing consent is what makes "Connect" appear: canConnect is monotonic in every input but consent, and
      // even there it is offered only where the viewer sees public information (checked per decision, above).
      if (dim !== 'consent' && canConnect(b) > canConnect(a))
        fail(`${dim} ${String(permissive)}→${String(restrictive)} allowed connecting at ${i}`);
    });
  }
  expect(compared).toBeGreaterThan(10_000_000);
});

test('desktop rules never change a web, iOS or Android decision', () => {
  const p = dimIndex('platform');
  const policyDims = (['showLinkedInFeatures', 'connectedExperiences', 'optionalConnectedExperiences'] as const).map(dimIndex);
  for (const platform of ['web', 'ios', 'android']) {
    const pv = valueIndex('platform', platform);
    forEachWithDigit(p, pv, (i) => {
      // Compare with all Office policies at "notConfigured".
      let base = i;
      for (const d of policyDims) base = withDigit(base, d, 1);
      if (packed[i] !== packed[base] || reasonSets[i] !== reasonSets[base]) fail(`an Office policy changed a ${platform} decision at ${i}`);
      if (i % 997 === 0 && JSON.stringify(decideAccess(inputAt(i))) !== JSON.stringify(decideAccess(inputAt(base))))
        fail(`reasons differ on ${platform} at ${i}`);
    });
  }
});

test("an 'unknown' never grants more than that input's most restrictive value (member visibility excepted)", () => {
  const cases: [Dim, unknown[]][] = [
    ['cloud', ['worldwide', 'gcc', 'gccHigh', 'dod', 'china', 'germany']],
    ['mailboxGeo', ['NAM', 'DEU']],
    ['tenantCountry', ['US', 'DE', 'FR']],
    ['membership', ['member', 'notMember']],
    ['consent', ['none']], // the least-granting consent (by level and sharing); unknown must equal it exactly, below
  ];
  for (const [dim, known] of cases) {
    const d = dimIndex(dim);
    const u = valueIndex(dim, 'unknown');
    forEachWithDigit(d, u, (i) => {
      const mine = packed[i];
      let minLevel = 3;
      let minConnect = 1;
      let minOutbound = 1;
      let minToday = 1;
      for (const value of known) {
        const other = packed[withDigit(i, d, valueIndex(dim, value))];
        minLevel = Math.min(minLevel, level(other));
        minConnect = Math.min(minConnect, canConnect(other));
        minOutbound = Math.min(minOutbound, outbound(other));
        minToday = Math.min(minToday, today(other));
      }
      if (level(mine) > minLevel || canConnect(mine) > minConnect || outbound(mine) > minOutbound || today(mine) > minToday)
        fail(`${dim} unknown granted more at ${i}`);
    });
  }
  // Consent unknown is exactly consent none: same level, same actions, same reasons.
  const c = dimIndex('consent');
  forEachWithDigit(c, valueIndex('consent', 'unknown'), (i) => {
    const none = withDigit(i, c, valueIndex('consent', 'none'));
    if (packed[i] !== packed[none] || reasonSets[i] !== reasonSets[none]) fail(`consent unknown differs from none at ${i}`);
  });
  // The platform is excepted by the rules themselves: unknown counts as desktop, exactly as Windows (so the desktop
  // policies apply to it, including "enabled" locking the option on).
  const p = dimIndex('platform');
  forEachWithDigit(p, valueIndex('platform', 'unknown'), (i) => {
    const windows = withDigit(i, p, valueIndex('platform', 'windows'));
    if (packed[i] !== packed[windows] || reasonSets[i] !== reasonSets[windows]) fail(`unknown platform differs from Windows at ${i}`);
  });
});

test('Today is decided for the viewer: the person viewed never changes it', () => {
  const m = dimIndex('memberVisibility');
  forEachWithDigit(m, valueIndex('memberVisibility', 'hidden'), (i) => {
    const visible = withDigit(i, m, valueIndex('memberVisibility', 'visible'));
    if (today(packed[i]) !== today(packed[visible])) fail(`a hidden member changed Today at ${i}`);
    if (i % 991 === 0 && JSON.stringify(decideAccess(inputAt(i)).today) !== JSON.stringify(decideAccess(inputAt(visible)).today))
      fail(`a hidden member changed Today's reasons at ${i}`);
  });
});

test('pure: the same input gives the same decision and the input is not changed', () => {
  for (let i = 0; i < TOTAL; i += 4999) {
    const input = inputAt(i);
    const before = JSON.stringify(input);
    const first = decideAccess(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(decideAccess(inputAt(i))).toEqual(first);
    expect(canDisconnect(packed[i])).toBe(+first.canDisconnect);
  }
});
