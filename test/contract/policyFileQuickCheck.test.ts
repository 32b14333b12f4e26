/**
 * The first script's check of the policy file (policyFileQuickCheck.ts, hand-written so the first script needn't
 * load zod) and the pane's and service's check (policyFileSchema, zod) agree on every file: valid for both or for
 * neither, and the same rules read from a valid one. Generated files, valid and broken in every way the schema names;
 * the run's seed is printed by test/seed.cjs (replay with FC_SEED=<n>).
 */
import fc from 'fast-check';
import { checkPolicyFile } from '../../src/contract/policyFile';
import { quickCheckPolicyFile } from '../../src/contract/policyFileQuickCheck';
import { KNOWN_CLOUDS, POLICY_STATES, STATED_TENANT_MODES } from '../../src/policy';

const RUNS = 4000;

const letters = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z]{${min},${max}}$`));
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant({}), fc.constant([]), fc.string());

/**
 * Policy files: with `broken`, each value is now and then one the schema refuses — the wrong case, length or type, a
 * trailing newline, a list one past its limit, a field it does not name (or __proto__) — and otherwise a valid one.
 */
function policyFiles(broken: boolean): fc.Arbitrary<unknown> {
  const near = <T>(valid: fc.Arbitrary<T>, ...wrong: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> =>
    broken ? fc.oneof({ weight: 12, arbitrary: valid }, ...wrong) : valid;
  const code = (length: number) =>
    near(
      letters(length, length),
      letters(0, length + 2),
      letters(length, length).map((c) => `${c}\n`),
      letters(length, length).map((c) => ` ${c}`),
      fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${length}}$`)),
      fc.integer(),
    );
  const oneOf = (values: readonly string[]) =>
    near(fc.constantFrom(...values), fc.constantFrom(...values.map((v) => v.toUpperCase()), '', 'unknown'), wrongType);
  const groupId = near(
    fc.uuid(),
    fc.uuid().map((id) => `${id}x`),
    fc.string(),
    wrongType,
  );
  const userAddress = near(
    fc.oneof(
      fc.emailAddress(),
      fc.emailAddress().map((a) => a.toUpperCase()),
    ),
    fc.emailAddress().map((a) => `${'x'.repeat(320 - a.length + 1)}${a}`),
    fc.constantFrom('a@b', 'a b@c.de', '@c.de', 'a@@c.de', 'a@c.de\n'),
    wrongType,
  );
  /** A list: empty or a few, now and then exactly at its limit, or (broken) one past it. */
  const listOf = (item: fc.Arbitrary<unknown>, max: number) =>
    fc.oneof(
      { weight: 20, arbitrary: fc.array(item, { maxLength: 4 }) },
      item.map((one) => Array.from({ length: max }, () => one)),
      ...(broken ? [item.map((one) => Array.from({ length: max + 1 }, () => one)), wrongType] : []),
    );
  /** An object of optional fields; broken, now and then with a field the schema does not name. */
  const section = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    near(
      fc.record(fields, { requiredKeys: [] }),
      fc
        .tuple(fc.record(fields, { requiredKeys: [] }), fc.constantFrom('unknownField', 'Cloud', '__proto__', 'constructor', 'version '))
        .map(([value, key]) => ({ ...(JSON.parse(`{${JSON.stringify(key)}: 1}`) as object), ...value })),
      wrongType,
    );
  return section({
    $schema: near(fc.string(), wrongType),
    version: near(fc.constant(1), fc.constantFrom(0, 2, '1', 1.5)),
    linkedInAccountConnections: oneOf(STATED_TENANT_MODES),
    selectedGroupId: groupId,
    selectedUsers: listOf(userAddress, 10000),
    officePolicy: section({
      showLinkedInFeatures: oneOf(POLICY_STATES),
      connectedExperiences: oneOf(POLICY_STATES),
      optionalConnectedExperiences: oneOf(POLICY_STATES),
    }),
    environment: section({ cloud: oneOf(KNOWN_CLOUDS), mailboxGeo: code(3), tenantCountry: code(2) }),
    availability: section({ excludedClouds: listOf(oneOf(KNOWN_CLOUDS), 10), excludedMailboxGeos: listOf(code(3), 300) }),
  });
}

/** As a file holds it: what JSON can say (the first script reads JSON.parse's result). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function agree(data: unknown): boolean {
  const full = checkPolicyFile(data);
  const quick = quickCheckPolicyFile(data);
  expect(quick === null ? 'invalid' : 'valid').toBe(full.status);
  if (full.status === 'valid') expect(quick).toStrictEqual(full.policy);
  return full.status === 'valid';
}

describe("the first script's policy check agrees with the schema", () => {
  test(`on ${RUNS} generated policy files, valid and invalid: the same verdict and the same rules`, () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(policyFiles(false), policyFiles(true)).map(asJson), (data) => {
        if (agree(data)) valid += 1;
      }),
      { numRuns: RUNS },
    );
    // Both sides of the line are covered by thousands of files, not a handful.
    expect(valid).toBeGreaterThan(RUNS / 5);
    expect(RUNS - valid).toBeGreaterThan(RUNS / 5);
  });

  test(`on ${RUNS} arbitrary JSON values (anything a file could hold)`, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (data) => void agree(data)),
      { numRuns: RUNS },
    );
  });

  test.each([
    ['no file fields at all', {}],
    ['mode selected with neither a group nor users', { linkedInAccountConnections: 'selected' }],
    ['mode selected with an empty list of users', { linkedInAccountConnections: 'selected', selectedUsers: [] }],
    ['mode selected with users only', { linkedInAccountConnections: 'selected', selectedUsers: ['A@Contoso.com'] }],
    ['a lower-case geography and country', { environment: { cloud: 'gcc', mailboxGeo: 'eur', tenantCountry: 'de' } }],
    ['11 excluded clouds', { availability: { excludedClouds: Array.from({ length: 11 }, () => 'gcc') } }],
    ['10 excluded clouds', { availability: { excludedClouds: Array.from({ length: 10 }, () => 'gcc') } }],
    ['10,001 users', { selectedUsers: Array.from({ length: 10001 }, (_, i) => `u${i}@contoso.com`) }],
    ['10,000 users', { selectedUsers: Array.from({ length: 10000 }, (_, i) => `u${i}@contoso.com`) }],
    ['a __proto__ field', JSON.parse('{"__proto__": {"version": 1}}') as unknown],
    ['an array', [{ version: 1 }]],
  ])('%s', (_, data) => {
    agree(data);
  });
});
