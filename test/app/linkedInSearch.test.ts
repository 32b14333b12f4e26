import fc from 'fast-check';
import {
  companyFromItem,
  LINKEDIN_PEOPLE_SEARCH,
  linkedInSearchUrl,
  searchableName,
  searchOffered,
  type SearchOfferInput,
} from '../../src/app/linkedInSearch';
import type { Level } from '../../src/policy';

const LEVELS: Level[] = ['none', 'public', 'connected'];

const LOOKUPS: SearchOfferInput['lookup'][] = ['idle', 'loading', 'match', 'noMatch', 'hidden', 'unavailable', 'error'];

describe('"Search LinkedIn" is offered exactly where the service could not fill the card and the rules allow it', () => {
  const rows = LOOKUPS.flatMap((lookup) =>
    LEVELS.flatMap((level) =>
      [false, true].flatMap((hidden) => [false, true].map((self) => ({ lookup, level, hidden, self }) satisfies SearchOfferInput)),
    ),
  );

  test.each(rows.map((row) => [`${row.lookup} · ${row.level}${row.hidden ? ' · hidden' : ''}${row.self ? ' · self' : ''}`, row]))(
    '%s',
    (_name, row) => {
      const expected = (row.lookup === 'unavailable' || row.lookup === 'noMatch') && row.level !== 'none' && !row.hidden && !row.self;
      expect(searchOffered(row)).toBe(expected);
    },
  );

  test('the table covers every lookup answer × level × hidden × self', () => {
    expect(rows).toHaveLength(LOOKUPS.length * LEVELS.length * 4);
    expect(rows.filter(searchOffered)).toHaveLength(2 * (LEVELS.length - 1));
  });
});

/** A display name as Outlook may give it: any text, right-to-left scripts, quotes, &, #, up to 200 characters. */
const displayName = fc.oneof(
  fc.string({ minLength: 1, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('ل', 'ي', 'ى', ' ', 'ح', 'د', 'א', 'ב', '"', "'", '&', '#', '?', '=', '%', '+', '/'), maxLength: 200 }),
  fc.constantFrom('Ana "Nana" O\'Neil & Co #1', 'ليلى حداد', 'Zoë Ã‡ #?&=%2F', 'A'.repeat(200)),
);
const address = fc
  .tuple(fc.stringMatching(/^[a-z0-9._%+-]{1,20}$/), fc.stringMatching(/^[a-z0-9-]{1,12}\.[a-z]{2,6}$/))
  .map(([local, domain]) => `${local}@${domain}`);

describe('the search address carries only the name (and company), percent-encoded, never an address', () => {
  test('generated names: LinkedIn people search with the name as the only keywords', () => {
    fc.assert(
      fc.property(displayName, (name) => {
        const url = linkedInSearchUrl(name);
        if (searchableName(name) === '') return url === null;
        const parsed = new URL(url as string);
        expect(`${parsed.origin}${parsed.pathname}`).toBe(LINKEDIN_PEOPLE_SEARCH);
        expect([...parsed.searchParams.keys()]).toEqual(['keywords']);
        expect(parsed.searchParams.get('keywords')).toBe(searchableName(name));
        expect(parsed.hash).toBe('');
        // Percent-encoded: nothing of the name in the query is left as a delimiter or a raw character outside ASCII.
        expect(parsed.search).toMatch(/^\?keywords=[A-Za-z0-9\-_.!~*'()%]*$/);
        return true;
      }),
      { numRuns: 500 },
    );
  });

  test('an address in the display name (Outlook gives the address when it knows no name) never reaches the URL', () => {
    fc.assert(
      fc.property(displayName, address, fc.boolean(), (name, email, alone) => {
        const shown = alone ? email : `${name} <${email}>`;
        const url = linkedInSearchUrl(shown, 'Fabrikam');
        if (url === null) return alone || searchableName(name) === '';
        const keywords = new URL(url).searchParams.get('keywords') ?? '';
        expect(keywords).not.toContain('@');
        expect(decodeURIComponent(url)).not.toContain(email);
        return true;
      }),
      { numRuns: 500 },
    );
  });

  test('the company joins the name as a keyword', () => {
    expect(linkedInSearchUrl('Aiko Tanaka', 'Fabrikam')).toBe(`${LINKEDIN_PEOPLE_SEARCH}?keywords=Aiko%20Tanaka%20Fabrikam`);
    expect(linkedInSearchUrl('billing@fabrikam.com', 'Fabrikam')).toBeNull();
  });
});

describe('the company comes only from the item, where the domain names it', () => {
  const aiko = { address: 'aiko.tanaka@fabrikam.com', company: 'Fabrikam' };
  test('a colleague at the same domain whose profile matched gives the company the domain names', () => {
    expect(companyFromItem('billing@fabrikam.com', [aiko])).toBe('Fabrikam');
    expect(companyFromItem('BILLING@Fabrikam.COM', [{ address: 'x@fabrikam.com', company: 'Fabrikam, Inc.' }])).toBe('Fabrikam, Inc.');
  });
  test('a mail provider, another domain, a company the domain does not name, two companies, or no match: none', () => {
    expect(companyFromItem('someone@gmail.com', [{ address: 'other@gmail.com', company: 'Contoso' }])).toBeUndefined();
    expect(companyFromItem('someone@contoso.com', [aiko])).toBeUndefined();
    expect(companyFromItem('a@fabrikam.com', [{ address: 'b@fabrikam.com', company: 'Northwind' }])).toBeUndefined();
    expect(companyFromItem('a@fabrikam.com', [aiko, { address: 'c@fabrikam.com', company: 'Fabrikam Research' }])).toBeUndefined();
    expect(companyFromItem('a@fabrikam.com', [{ address: 'b@fabrikam.com', company: undefined }])).toBeUndefined();
  });
});
