/** The languages the pane is translated into; every other display language falls back to English. */
export const LOCALES = ['en-US', 'de-DE', 'ar-SA'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en-US';

const BY_LANGUAGE: Readonly<Record<string, Locale>> = { en: 'en-US', de: 'de-DE', ar: 'ar-SA' };

/**
 * The pane's locale for Office's display language (BCP 47, e.g. "de-AT"), matched by its language subtag:
 * "de", "de-AT" and "de-CH" are German, every "ar-*" is Arabic. Anything else, empty or malformed is English.
 */
export function resolveLocale(displayLanguage: string): Locale {
  const match = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i.exec(displayLanguage.trim());
  const language = match?.[1]?.toLowerCase();
  return (
    (language !== undefined && Object.prototype.hasOwnProperty.call(BY_LANGUAGE, language) ? BY_LANGUAGE[language] : undefined) ??
    DEFAULT_LOCALE
  );
}

/** The writing direction of a locale: Arabic is right-to-left, and the pane's layout mirrors with it. */
export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar-SA' ? 'rtl' : 'ltr';
}
