import type { Locale } from './locale';

/**
 * Numbers and dates in the pane's locale. Dates use the Gregorian calendar in every locale: Office's display language
 * says which language, not which region's calendar (every Arabic-speaking user has "ar-SA"), and LinkedIn's dates
 * are Gregorian.
 */
const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

const digitSets = new Map<Locale, readonly string[]>();

/**
 * The digits of a number written in text from the network ("2015–2018", a period LinkedIn gives as text) in the
 * locale's own digits: "٢٠١٥–٢٠١٨" in Arabic, unchanged where the locale writes 0–9. Digit by digit, so years keep
 * no grouping and leading zeros stay.
 */
export function localeDigits(locale: Locale, text: string): string {
  let digits = digitSets.get(locale);
  if (!digits) {
    const format = new Intl.NumberFormat(locale, { useGrouping: false });
    digits = Array.from({ length: 10 }, (_, digit) => format.format(digit));
    digitSets.set(locale, digits);
  }
  const set = digits;
  return text.replace(/[0-9]/g, (digit) => set[Number(digit)] ?? digit);
}

export interface DateOptions {
  /** Date-only values (an activity's "2026-11-03") are read in UTC, so they show the same day everywhere. */
  utc?: boolean;
}

/** "Nov 27, 2026" / "27. Nov. 2026" / "٢٧ نوفمبر ٢٠٢٦"; '' for a value that is not a date. */
export function formatDate(locale: Locale, value: string | number | Date, options: DateOptions = {}): string {
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(time)) return '';
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    calendar: 'gregory',
    ...(options.utc ? { timeZone: 'UTC' } : {}),
  }).format(time);
}

/** The plural form a count takes in a locale (Arabic has six: zero, one, two, few, many, other). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** Picks the form for n and puts the locale's digits in place of "{n}". */
export function plural(locale: Locale, n: number, forms: PluralForms): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const form = forms[rules.select(n)] ?? forms.other;
  return form.replace('{n}', formatNumber(locale, n));
}

/** Some of a longer list (the first few names), separated as the locale writes it: "a, b" / "a، b" (no "and": there are more). */
export function formatPartialList(locale: Locale, items: readonly string[]): string {
  return items.join(locale === 'ar-SA' ? '، ' : ', ');
}

/** Wraps text from elsewhere (an address, a field name) in Unicode isolates, so it keeps its own direction inside a sentence. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions, kind: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let format = clockFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { calendar: 'gregory', timeZone, ...options });
    clockFormats.set(key, format);
  }
  return format;
}

/** A time of day in the user's time zone, as the locale writes it: "9:30 AM" / "09:30" / "٩:٣٠ ص". */
export function formatTime(locale: Locale, instant: number, timeZone: string): string {
  return clockFormat(locale, timeZone, { hour: 'numeric', minute: '2-digit' }, 'time').format(instant);
}

/** A day in the user's time zone: "Saturday, December 5" / "Samstag, 5. Dezember" / "السبت، ٥ ديسمبر". */
export function formatDay(locale: Locale, instant: number, timeZone: string): string {
  return clockFormat(locale, timeZone, { weekday: 'long', day: 'numeric', month: 'long' }, 'day').format(instant);
}
