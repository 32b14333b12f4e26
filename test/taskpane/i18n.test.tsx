import { render, screen } from '@testing-library/react';
import { REASON_CODES, describeReason } from '../../src/policy';
import { ar } from '../../src/taskpane/i18n/ar';
import { de } from '../../src/taskpane/i18n/de';
import { en } from '../../src/taskpane/i18n/en';
import { formatDate, formatNumber, formatPartialList } from '../../src/taskpane/i18n/format';
import { useFormat, useStrings } from '../../src/taskpane/i18n/hooks';
import { I18nProvider, useLocale } from '../../src/taskpane/i18n/I18nProvider';
import { resolveLocale, textDirection } from '../../src/taskpane/i18n/locale';
import type { LocaleStrings } from '../../src/taskpane/i18n/en/types';
import { resetDocumentLanguage } from '../support/documentLanguage';

describe("the pane's language follows Office's display language", () => {
  test.each([
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['de', 'de-DE'],
    ['de-DE', 'de-DE'],
    ['de-AT', 'de-DE'],
    ['de-CH', 'de-DE'],
    ['DE-de', 'de-DE'],
    ['de_LI', 'de-DE'],
    [' de-DE ', 'de-DE'],
    ['ar', 'ar-SA'],
    ['ar-SA', 'ar-SA'],
    ['ar-EG', 'ar-SA'],
    ['ar-AE', 'ar-SA'],
    // Everything else falls back to English: other languages, empty and malformed values.
    ['fr-FR', 'en-US'],
    ['es-419', 'en-US'],
    ['zh-Hans-CN', 'en-US'],
    ['he-IL', 'en-US'],
    ['', 'en-US'],
    ['   ', 'en-US'],
    ['deutsch', 'en-US'],
    ['d', 'en-US'],
    ['de--AT', 'en-US'],
    ['x-de', 'en-US'],
    ['ar SA', 'en-US'],
    ['__proto__', 'en-US'],
    ['constructor', 'en-US'],
  ])('%j → %s', (displayLanguage, locale) => {
    expect(resolveLocale(displayLanguage)).toBe(locale);
  });

  test('Arabic is written right to left; German and English left to right', () => {
    expect([textDirection('ar-SA'), textDirection('de-DE'), textDirection('en-US')]).toEqual(['rtl', 'ltr', 'ltr']);
  });
});

describe('every reason the policy engine gives is translated, by code', () => {
  test.each(REASON_CODES.map((code) => [code]))('%s has German and Arabic text, with a place wherever English has one', (code) => {
    const english = describeReason(code);
    for (const translation of [de, ar]) {
      const text = translation.reasons[code];
      expect(text?.message.trim()).toBeTruthy();
      expect(text?.message).not.toBe(english.message);
      expect(text?.where === undefined).toBe(english.where === undefined);
      if (english.where !== undefined) expect(text?.where).not.toBe(english.where);
    }
  });

  test("the translations hold exactly the policy engine's codes (none missing, none left over)", () => {
    expect(Object.keys(en.reasons).sort()).toEqual([...REASON_CODES].sort());
    expect(Object.keys(de.reasons).sort()).toEqual([...REASON_CODES].sort());
    expect(Object.keys(ar.reasons).sort()).toEqual([...REASON_CODES].sort());
  });

  test('Arabic text is in Arabic script', () => {
    for (const code of REASON_CODES) expect(ar.reasons[code].message).toMatch(/[\u0600-\u06FF]{3}/);
  });
});

/** Every text of a bundle, by its path ("pane.can.connect"); functions are left out (their outputs are tested below). */
function leaves(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') found.set(path, value);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      for (const [p, text] of leaves(child, path ? `${path}.${key}` : key)) found.set(p, text);
  }
  return found;
}

/** Texts that are the same in every language: product names, and words German borrows as they are. */
const SAME_IN_GERMAN = new Set(['pane.role.cc', 'pane.role.optional', 'connect.linkedInPrivacy', 'connect.microsoftPrivacy']);
const SAME_IN_ARABIC = new Set(['connect.linkedInPrivacy', 'connect.microsoftPrivacy']);

describe('the German and Arabic bundles translate everything the English one says', () => {
  test.each([
    ['de-DE', de, SAME_IN_GERMAN],
    ['ar-SA', ar, SAME_IN_ARABIC],
  ] as [string, LocaleStrings, Set<string>][])('%s: the same keys, and no English text left', (_, translation, same) => {
    const english = leaves(en);
    const translated = leaves(translation);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    const untranslated = [...english].filter(([path, text]) => translated.get(path) === text && !same.has(path)).map(([path]) => path);
    expect(untranslated).toEqual([]);
  });

  test('product names stay untranslated', () => {
    for (const translation of [de, ar]) {
      expect(translation.pane.title).toContain('LinkedIn');
      expect(translation.pane.changeableBy.admin).toContain('Microsoft 365');
      expect(translation.connect.disconnectFailedSave).toContain('Outlook');
      expect(translation.reasons['office-policy-off'].message).toContain('Office');
    }
  });
});

describe('counts and dates are formatted for the locale', () => {
  test('numbers: grouping and digits of each locale', () => {
    expect(formatNumber('en-US', 1234)).toBe('1,234');
    expect(formatNumber('de-DE', 1234)).toBe('1.234');
    expect(formatNumber('ar-SA', 1234)).toBe('١٬٢٣٤');
  });

  test("counts in sentences, with each language's plural forms", () => {
    expect([en.pane.showMore(480), de.pane.showMore(480), ar.pane.showMore(480)]).toEqual([
      'Show 480 more',
      '480 weitere anzeigen',
      'عرض المزيد (٤٨٠)',
    ]);
    expect([en.card.mutualCount(12), de.card.mutualCount(12)]).toEqual(['12 mutual connections', '12 gemeinsame Kontakte']);
    expect([en.card.mutualCount(1234), de.card.mutualCount(1234)]).toEqual(['1,234 mutual connections', '1.234 gemeinsame Kontakte']);
    expect(de.card.mutualCount(1)).toBe('1 gemeinsamer Kontakt');
    // Arabic: one, two, few (3–10), many (11–99) and other (100+) take different forms.
    expect([1, 2, 3, 11, 100].map((n) => ar.card.mutualCount(n))).toEqual([
      'علاقة مشتركة واحدة',
      'علاقتان مشتركتان',
      '٣ علاقات مشتركة',
      '١١ علاقة مشتركة',
      '١٠٠ علاقة مشتركة',
    ]);
    expect([de.pane.cacheNote(1, 200), de.pane.cacheNote(3, 200)].map((text) => text.match(/zu (\d+ Person(?:en)?) /)?.[1])).toEqual([
      '1 Person',
      '3 Personen',
    ]);
    expect(ar.pane.cacheNote(3, 200)).toContain('٢٠٠');
    // Nothing kept is said as nothing, never "0 people"; counts take each language's plural form.
    expect(en.pane.cacheNote(0, 200)).toMatch(/^Nothing from LinkedIn is kept/);
    expect(de.pane.cacheNote(0, 200)).toMatch(/nichts von LinkedIn gespeichert/);
    expect(ar.pane.cacheNote(0, 200)).toMatch(/^لا يُحفظ حاليًا أي شيء/);
    for (const text of [en.pane.cacheNote(0, 200), de.pane.cacheNote(0, 200), ar.pane.cacheNote(0, 200)]) {
      expect(text).not.toMatch(/(^|\D)0 (people|Personen)|(^|[^٠-٩])٠ /);
    }
    expect([en.pane.cleared(1), en.pane.cleared(2)]).toEqual([
      'Cleared: LinkedIn information about 1 person was removed from this device.',
      'Cleared: LinkedIn information about 2 people was removed from this device.',
    ]);
    expect([de.pane.cleared(1), de.pane.cleared(5)].map((t) => t.match(/zu (\d+ Person(?:en)?) /)?.[1])).toEqual([
      '1 Person',
      '5 Personen',
    ]);
    expect([1, 2, 3, 11, 100].map((count) => ar.pane.cleared(count).match(/عن (.+)\.$/)?.[1])).toEqual([
      'شخص واحد',
      'شخصين',
      '٣ أشخاص',
      '١١ شخصًا',
      '١٠٠ شخص',
    ]);
    expect([en.card.retryAfter(30), de.card.retryAfter(30), ar.card.retryAfter(30)]).toEqual([
      'You can try again in 30 seconds.',
      'Sie können es in 30 Sekunden erneut versuchen.',
      'يمكنك المحاولة مرة أخرى بعد ٣٠ ثانية.',
    ]);
    expect([en.card.retryAfter(1), de.card.retryAfter(1), ar.card.retryAfter(1)]).toEqual([
      'You can try again in 1 second.',
      'Sie können es in 1 Sekunde erneut versuchen.',
      'يمكنك المحاولة مرة أخرى بعد ثانية واحدة.',
    ]);
  });

  test('dates: day, month and year in the locale, on the Gregorian calendar even in Arabic', () => {
    expect(formatDate('en-US', '2026-11-27', { utc: true })).toBe('Nov 27, 2026');
    expect(formatDate('de-DE', '2026-11-27', { utc: true })).toBe('27. Nov. 2026');
    expect(formatDate('ar-SA', '2026-11-27', { utc: true })).toBe('٢٧ نوفمبر ٢٠٢٦');
    expect(formatDate('de-DE', 'not a date')).toBe('');
  });

  test('a few names of a longer list: separated as the locale writes it, with no "and"', () => {
    expect(formatPartialList('en-US', ['A', 'B', 'C'])).toBe('A, B, C');
    expect(formatPartialList('ar-SA', ['A', 'B'])).toBe('A، B');
  });

  test('text from elsewhere inside an Arabic sentence keeps its own direction (Unicode isolates)', () => {
    expect(ar.pane.policyInvalidField('officePolicy.x', '…')).toContain('\u2068officePolicy.x\u2069');
  });
});

function Probe(): JSX.Element {
  const { pane } = useStrings();
  const format = useFormat();
  return (
    <p data-locale={useLocale()}>
      {pane.settingsTitle} {format.number(1234)} {format.date('2026-11-27', { utc: true })}
    </p>
  );
}

describe('the provider and hooks', () => {
  afterEach(resetDocumentLanguage);

  test('without a provider, components speak English', () => {
    render(<Probe />);
    expect(screen.getByText('Settings 1,234 Nov 27, 2026')).toHaveAttribute('data-locale', 'en-US');
  });

  test.each([
    ['de-AT', 'Einstellungen 1.234 27. Nov. 2026', 'de-DE', 'ltr'],
    ['ar-SA', 'الإعدادات ١٬٢٣٤ ٢٧ نوفمبر ٢٠٢٦', 'ar-SA', 'rtl'],
    ['fr-FR', 'Settings 1,234 Nov 27, 2026', 'en-US', 'ltr'],
  ])(
    '%s: strings and formats of the locale, once its translation has loaded; the document says its language',
    async (displayLanguage, text, locale, dir) => {
      render(
        <I18nProvider displayLanguage={displayLanguage}>
          <Probe />
        </I18nProvider>,
      );
      expect(await screen.findByText(text)).toHaveAttribute('data-locale', locale);
      expect([document.documentElement.lang, document.documentElement.dir]).toEqual([locale, dir]);
    },
  );
});
