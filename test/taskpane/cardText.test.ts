// The card never states the same fact twice, and numbers in text from LinkedIn take the locale's digits (issue 24).
import { positionLine } from '../../src/taskpane/card/PublicSection';
import { localeDigits } from '../../src/taskpane/i18n/format';

describe('the position line says only what the headline does not', () => {
  test.each([
    ['Partnerships lead at Fabrikam · B2B SaaS', 'Partnerships lead', 'Fabrikam', null],
    ['partnerships LEAD at fabrikam', 'Partnerships lead', 'Fabrikam', null],
    ['Principal product designer', 'Principal product designer', 'Fabrikam', 'Fabrikam'],
    ['Building things at Fabrikam', 'Engineer', 'Fabrikam', 'Engineer'],
    ['Community director · Events', 'Head of events', 'Adatum', 'Head of events · Adatum'],
    [undefined, 'Engineer', 'Contoso', 'Engineer · Contoso'],
  ])('%s + %s at %s → %s', (headline, title, company, expected) => {
    expect(positionLine(headline, { title, company })).toBe(expected);
  });
});

describe("a period from LinkedIn in the locale's digits", () => {
  test.each([
    ['ar-SA', '2015–2018', '٢٠١٥–٢٠١٨'],
    ['ar-SA', 'since 05/2019', 'since ٠٥/٢٠١٩'],
    ['de-DE', '2015–2018', '2015–2018'],
    ['en-US', '1999 – present', '1999 – present'],
  ] as const)('%s: %s → %s', (locale, text, expected) => {
    expect(localeDigits(locale, text)).toBe(expected);
  });
});
