import fc from 'fast-check';
import { isLookupAddress } from '../../src/contract/address';
import { insightsRequestSchema, lookupRequestSchema, suggestionsRequestSchema } from '../../src/contract/requests';
import { insightsService } from '../support/insightsService';
import { createInsightsClient } from '../../src/services/insightsClient';
import { createTestServer } from '../support/mswServer';
import { codePoint, everyUnsafeInsertion, insertAt, UNSAFE_ADDRESS_CHARACTERS } from '../support/unsafeAddressCharacters';

/**
 * The address rule both sides hold (src/contract/address.ts): every unsafe character at every position of an address
 * is refused by the request schemas, and the pane never sends such an address (it answers "can't be looked up from
 * here" for it and looks the others up as usual). The service's side of the same table: test/server/hostileBodies.
 */
const BASES = ['aiko.tanaka@fabrikam.com', "o'brien+news@mail.contoso.co.uk", 'x@y.io'];
const refusedBySchemas = (address: string) =>
  !isLookupAddress(address) &&
  !lookupRequestSchema.safeParse({ emails: [address] }).success &&
  !insightsRequestSchema.safeParse({ email: address }).success &&
  !suggestionsRequestSchema.safeParse({ emails: [address] }).success;

describe.each(BASES)('every unsafe character at every position of %s', (base) => {
  test('the base itself is taken', () => {
    expect(isLookupAddress(base)).toBe(true);
    expect(lookupRequestSchema.safeParse({ emails: [base] }).success).toBe(true);
  });
  test(`is refused by every request schema (${UNSAFE_ADDRESS_CHARACTERS.length} characters × ${base.length + 1} positions)`, () => {
    const taken = everyUnsafeInsertion(base)
      .filter(({ address }) => !refusedBySchemas(address))
      .map(({ character, position }) => `${codePoint(character)} at ${position}`);
    expect(taken).toEqual([]);
  });
});

test('generated: an address SMTP carries, with an unsafe character put anywhere, is refused', () => {
  // fast-check's addresses follow RFC 5322's dot-atom (its quoted and literal forms aside): every one under 254 is taken.
  const address = fc.emailAddress().filter((a) => a.length <= 254);
  fc.assert(
    fc.property(address, fc.constantFrom(...UNSAFE_ADDRESS_CHARACTERS), fc.nat(), (clean, character, at) => {
      expect(isLookupAddress(clean)).toBe(true);
      expect(refusedBySchemas(insertAt(clean, character, at % (clean.length + 1)))).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

test.each([
  ['a local part over 64 characters', `${'a'.repeat(65)}@contoso.com`],
  ['an address over 254 characters', `a@${Array.from({ length: 5 }, () => 'b'.repeat(60)).join('.')}.com`],
  ['a leading dot', '.aiko@fabrikam.com'],
  ['two dots in a row', 'aiko..tanaka@fabrikam.com'],
  ['a label over 63 characters', `aiko@${'f'.repeat(64)}.com`],
  ['a quoted local part', '"aiko tanaka"@fabrikam.com'],
  ['an address literal', 'aiko@[192.0.2.1]'],
  ['a domain without a dot', 'aiko@localhost'],
  ['an internationalized domain (U-label)', 'aiko@例え.jp'],
])('refused: %s', (_name, address) => {
  expect(refusedBySchemas(address)).toBe(true);
});

describe('the pane never sends an unsafe address', () => {
  const { requests, lookups } = createTestServer(...insightsService().handlers);
  const client = createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async () => 'token-1');
  const unsafe = [
    'aiko\u0000.tanaka@fabrikam.com',
    'megan\u0007@contoso.com',
    'a\u202e@contoso.com',
    'x\ufffd@contoso.com',
    'b\u0085@contoso.com',
  ];

  test('a lookup sends the safe addresses only, and answers the others "unavailable" in their place', async () => {
    const asked = ['aiko.tanaka@fabrikam.com', ...unsafe, 'nobody@contoso.com'];
    const results = await client.lookup(asked);
    expect(await lookups()).toEqual([['aiko.tanaka@fabrikam.com', 'nobody@contoso.com']]);
    expect(results.map((r) => [r.email, r.status])).toEqual([
      ['aiko.tanaka@fabrikam.com', 'match'],
      ...unsafe.map((email) => [email, 'unavailable']),
      ['nobody@contoso.com', 'noMatch'],
    ]);
  });

  test('insights and suggestions for unsafe addresses ask nothing', async () => {
    for (const email of unsafe) await expect(client.insights(email)).resolves.toBe('unavailable');
    await expect(client.suggestions(unsafe)).resolves.toBe('unavailable');
    await expect(client.lookup(unsafe)).resolves.toEqual(unsafe.map((email) => ({ email, status: 'unavailable' })));
    expect(requests).toEqual([]);
  });
});
