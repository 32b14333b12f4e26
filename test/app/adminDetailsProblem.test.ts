// "Copy details for your admin" when the policy file can't be used (issue 24): the link gives the workbench a file
// with the same first problem at the same field — so the admin sees the same message — and nothing of the user's file
// but the field's name and the kind of problem.
import fc from 'fast-check';
import { adminDetailsLink } from '../../src/app/adminDetails';
import { checkPolicyText } from '../../src/contract/policyFile';
import { scenarioFromSearch } from '../../dev/workbench/scenario';

const word = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,15}$/);
const address = fc.emailAddress();
const wrongTyped = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant({}), fc.constant([]));

/** A file an admin could get wrong, one mistake at a time, beside fields that are right. */
const brokenFile: fc.Arbitrary<string> = fc.oneof(
  word
    .filter((key) => !['version', 'linkedInAccountConnections', 'selectedGroupId', 'selectedUsers'].includes(key))
    .map((key) => JSON.stringify({ version: 1, [key]: true })),
  word
    .filter((key) => !['showLinkedInFeatures', 'connectedExperiences', 'optionalConnectedExperiences'].includes(key))
    .map((key) => JSON.stringify({ officePolicy: { [key]: 'enabled' } })),
  fc
    .string({ maxLength: 12 })
    .filter((v) => !['yes', 'selected', 'no'].includes(v))
    .map((mode) => JSON.stringify({ linkedInAccountConnections: mode })),
  fc
    .string({ maxLength: 12 })
    .filter((v) => !['enabled', 'disabled', 'notConfigured'].includes(v))
    .map((v) => JSON.stringify({ officePolicy: { connectedExperiences: v } })),
  wrongTyped.map((v) => JSON.stringify({ environment: { cloud: v } })),
  wrongTyped.map((v) => JSON.stringify({ selectedGroupId: v })),
  fc.stringMatching(/^[a-z]{4,6}$/).map((geo) => JSON.stringify({ environment: { mailboxGeo: geo } })),
  fc.stringMatching(/^[a-z0-9]{3}$/).map((country) => JSON.stringify({ environment: { tenantCountry: country } })),
  fc.uuid().map((id) => JSON.stringify({ selectedGroupId: `${id}x` })),
  fc
    .tuple(fc.array(address, { maxLength: 4 }), fc.stringMatching(/^[a-z]{1,8}$/))
    .map(([valid, bad]) => JSON.stringify({ linkedInAccountConnections: 'selected', selectedUsers: [...valid, bad] })),
  fc.integer({ min: 11, max: 14 }).map((n) => JSON.stringify({ availability: { excludedClouds: Array.from({ length: n }, () => 'gcc') } })),
  fc.constant(JSON.stringify({ linkedInAccountConnections: 'selected' })),
  fc.constantFrom('{', '[1,', 'yes', '{"version": 1,}'),
  fc.constantFrom('[]', '"yes"', '42', 'null'),
);

describe('Copy details for your admin with a policy file the pane cannot use', () => {
  test('the workbench reads the same first problem at the same field from the link, and nothing else of the file', () => {
    fc.assert(
      fc.property(brokenFile, (text) => {
        const checked = checkPolicyText(text);
        if (checked.status !== 'invalid') throw new Error(`not broken: ${text}`);
        const problem = { field: checked.field, problem: checked.problem, issue: checked.issue };
        const link = adminDetailsLink(
          { rules: 'unusable', problem, device: { platform: 'web', userOption: true, consent: 'none' } },
          { theme: 'dark', language: 'de-DE' },
        );
        const scenario = scenarioFromSearch(new URL(link).search);
        const reproduced = checkPolicyText(scenario.policyText ?? '');
        expect(reproduced.status).toBe('invalid');
        if (reproduced.status === 'invalid')
          expect({ field: reproduced.field, issue: reproduced.issue }).toEqual({ field: problem.field, issue: problem.issue });
        expect([scenario.theme, scenario.displayLanguage, scenario.platform]).toEqual(['dark', 'de-DE', 'web']);
        // No value from the user's file: addresses, group ids and the wrong values themselves stay on the device.
        const parsed = (() => {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            return null;
          }
        })();
        // Every string in it that holds an address or a group id (read from the parsed file: a value may hold quotes).
        const strings: string[] = [];
        const collect = (value: unknown): void => {
          if (typeof value === 'string') strings.push(value);
          else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
        };
        collect(parsed);
        for (const value of strings.filter((s) => s.includes('@') || /^[0-9a-f-]{36}x?$/.test(s)))
          expect(decodeURIComponent(link)).not.toContain(value);
      }),
      { numRuns: 400 },
    );
  });
});
