/**
 * @jest-environment node
 */
import fc from 'fast-check';
import type { LookupResponseWire } from '../../src/contract/insights';
import { lookupJson } from '../../server/http/lookupJson';
import { createFixturesSource } from '../../server/sources/fixtures';
import { FIXTURE_PEOPLE } from '../../server/sources/fixtures/people';

/**
 * The lookup's answer is written by lookupJson (profiles a source hands out frozen written once) instead of
 * JSON.stringify: the bytes must be JSON.stringify's, UTF-8 encoded, the same for any answer, frozen or not, written the first time or reused.
 * fast-check's seed is fixed in test/setup.ts (FC_SEED=<n> explores others).
 */
const text = fc.string({ maxLength: 30, unit: 'binary' });
const profile = fc.record(
  {
    id: text,
    name: text,
    headline: text,
    photoUrl: fc.constant('https://media.licdn.com/dms/image/p.jpg'),
    currentPosition: fc.record({ title: text, company: text }),
    location: text,
    profileUrl: fc.constant('https://www.linkedin.com/in/x'),
  },
  { requiredKeys: ['id', 'name'] },
);
const result = fc.oneof(
  fc.record({ email: text, status: fc.constant('match' as const), profile }),
  fc.record({ email: text, status: fc.constantFrom('noMatch' as const, 'hidden' as const, 'unavailable' as const) }),
);
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

test('any answer: the same bytes as JSON.stringify, frozen or not, written once or reused', () => {
  fc.assert(
    fc.property(fc.array(result, { maxLength: 20 }), fc.boolean(), (results, frozen) => {
      const answer: LookupResponseWire = { apiVersion: '1', results };
      if (frozen) deepFreeze(answer);
      expect(lookupJson(answer)).toEqual(Buffer.from(JSON.stringify(answer)));
      expect(lookupJson(answer)).toEqual(Buffer.from(JSON.stringify(answer)));
    }),
    { numRuns: 2000 },
  );
});

test("the fixtures' answer for every fixture person: the same bytes, the first time and reused", async () => {
  const source = createFixturesSource();
  const emails = Object.keys(FIXTURE_PEOPLE);
  const found = await source.lookup(emails, { user: { tenantId: 't', objectId: 'o', groups: undefined }, connection: undefined });
  const answer: LookupResponseWire = {
    apiVersion: '1',
    results: emails.map((email, index) => {
      const one = found[index] ?? { status: 'unavailable' as const };
      return one.status === 'match' ? { email, status: 'match', profile: one.profile } : { email, status: one.status };
    }),
  };
  expect(answer.results.filter((one) => one.status === 'match').length).toBeGreaterThan(20);
  expect(lookupJson(answer)).toEqual(Buffer.from(JSON.stringify(answer)));
  expect(lookupJson(answer)).toEqual(Buffer.from(JSON.stringify(answer)));
});

test('a profile that is not frozen is written anew each time: a change to it shows in the next answer', () => {
  const mutable = { id: 'li-a', name: 'A', headline: 'before' };
  const answer: LookupResponseWire = { apiVersion: '1', results: [{ email: 'a@contoso.com', status: 'match', profile: mutable }] };
  expect(lookupJson(answer).toString()).toContain('"before"');
  mutable.headline = 'after';
  expect(lookupJson(answer).toString()).toContain('"after"');
  expect(lookupJson(answer)).toEqual(Buffer.from(JSON.stringify(answer)));
});

test('a frozen profile asked about by one address, then another, then the first again: each answer names its own', () => {
  const profile = Object.freeze({ id: 'li-a', name: 'Aiko Tanaka', headline: 'Lead · Fabrikam' });
  for (const email of ['Aiko.Tanaka@fabrikam.com', 'aiko.tanaka@fabrikam.com', 'Aiko.Tanaka@fabrikam.com']) {
    const answer: LookupResponseWire = {
      apiVersion: '1',
      results: [
        { email: 'x@contoso.com', status: 'noMatch' },
        { email, status: 'match', profile },
        { email: `other.${email}`, status: 'match', profile },
      ],
    };
    expect(lookupJson(answer)).toEqual(Buffer.from(JSON.stringify(answer)));
  }
});
