import { MAX_LOGGED_URL, scrubText, scrubUrl } from '../../server/logScrub';

/**
 * What a log line may keep of a URL or a string: no address, JWT, bearer credential, code or state — and the scan that
 * decides it is linear, so a hostile URL cannot spend the service's CPU (the patterns it replaced were quadratic).
 */
const ADDRESS = 'aiko.tanaka@fabrikam.com';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const CODE = 'Q2xhaW1lZC1ieS10aGUtc2VydmljZS0xMjM0NTY3ODkw';

test.each([
  ['an address in the path', `/api/v1/people/${ADDRESS}`, '/api/v1/people/[email]'],
  ['a percent-encoded address', '/api/v1/people/aiko.tanaka%40fabrikam.com', '/api/v1/people/[email]'],
  ['a doubly encoded address', '/api/v1/people/aiko.tanaka%2540fabrikam%252Ecom', '/api/v1/people/[email]'],
  ['an address with an encoded space', '/people/aiko%20tanaka@fabrikam.com/card', '/people/[email]/card'],
  ['a JWT in the path', `/api/v1/${JWT}`, '/api/v1/[token]'],
  ['a code in the path', `/api/v1/connection/${CODE}`, '/api/v1/connection/[redacted]'],
  [
    'the callback with code and state',
    `/api/v1/connection/callback?code=${CODE}&state=abc`,
    '/api/v1/connection/callback?code=[redacted]&state=[redacted]',
  ],
  ['an address as a query value', `/x?login_hint=${ADDRESS}`, '/x?login_hint=[redacted]'],
  ['an address as a query name', `/x?${ADDRESS}=1&b`, '/x?[email]=[redacted]&b'],
  ['an address in an allowed value', `/x?error=${ADDRESS}`, '/x?error=[email]'],
  ['the sign-in vocabulary', '/a/?response_type=code&consent=twoWay&state=s', '/a/?response_type=code&consent=twoWay&state=[redacted]'],
  ['an add-in file', '/taskpane.0a1b2c3d.js', '/taskpane.0a1b2c3d.js'],
  ['a broken escape', '/api/%E0%A4%A/x%zz', '/api/%E0%A4%A/x%zz'],
])('URL: %s', (_name, url, logged) => {
  expect(scrubUrl(url)).toBe(logged);
});

test.each([
  ['an address', `lookup for ${ADDRESS} failed`, 'lookup for [email] failed'],
  ['an address in brackets', `<${ADDRESS}>, (${ADDRESS})`, '<[email]>, ([email])'],
  ['an address in another script', 'für ａｉｋｏ@例え.jp', 'für [email]'],
  ['a JWT', `token ${JWT} refused`, 'token [token] refused'],
  ['a bearer credential', 'Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [redacted]'],
  ['a basic credential', 'basic dXNlcjpwYXNz', 'basic [redacted]'],
  ['plain words', 'duplicate key value violates unique constraint', 'duplicate key value violates unique constraint'],
])('text: %s', (_name, text, logged) => {
  expect(scrubText(text)).toBe(logged);
});

test('a logged URL is at most MAX_LOGGED_URL characters', () => {
  expect(scrubUrl(`/${'a/'.repeat(5000)}`).length).toBeLessThanOrEqual(MAX_LOGGED_URL + 1);
});

/** 100 KB paths shaped against each rule: the near-misses a backtracking pattern would try from every position. */
const SIZE = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const HOSTILE: [string, string][] = [
  ['one long word', fill('a')],
  ['at signs', fill('@')],
  ['local parts without a domain', fill('a@')],
  ['domains without a top-level label', fill('a@b')],
  ['dots after an at sign', `a@${fill('.')}`],
  ['JWT starts without dots', fill('eyJ')],
  ['JWT starts with one dot', fill('eyJ.')],
  ['percent signs', fill('%')],
  ['encoded at signs', fill('%40')],
  ['doubly encoded percent signs', fill('%25')],
  ['slashes', fill('/')],
  ['query separators', `/x?${fill('a=&')}`],
  ['credential schemes', fill('Bearer ')],
  ['opaque near-misses', fill('a1-'.repeat(10) + '.')],
];

describe.each(HOSTILE)('100 KB of %s', (_name, hostile) => {
  const fastest = (scrub: (value: string) => string) => {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run += 1) {
      const started = process.hrtime.bigint();
      scrub(hostile);
      best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
    }
    return best;
  };
  test('scrubbed as a URL path in well under 50 ms', () => {
    expect(fastest((value) => scrubUrl(`/api/v1/${value}`))).toBeLessThan(50);
  });
  test('scrubbed as text in well under 50 ms', () => {
    expect(fastest(scrubText)).toBeLessThan(50);
  });
});
