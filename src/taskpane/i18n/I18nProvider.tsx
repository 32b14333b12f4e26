import { createContext, useContext, useEffect, useState } from 'react';
import { loadTranslations } from './load';
import { DEFAULT_LOCALE, resolveLocale, textDirection, type Locale } from './locale';
import type { LocaleStrings } from './en/types';

interface I18nValue {
  /** The pane's locale: the one asked for while its translation loads, English if it could not be loaded. */
  locale: Locale;
  /** The translation; null is English (hooks.ts supplies it, so this module stays light for the pane's frame). */
  strings: LocaleStrings | null;
  /** False while the translation is still loading: the frame shows "starting" (in that language) meanwhile. */
  ready: boolean;
}

/** Without a provider (a component rendered on its own): English. */
const I18nContext = createContext<I18nValue>({ locale: DEFAULT_LOCALE, strings: null, ready: true });

/** Translations already loaded in this page, so a restarted pane renders in its language at once. */
const loaded = new Map<Locale, LocaleStrings | null>([[DEFAULT_LOCALE, null]]);

interface Answer {
  /** The locale this answers. */
  requested: Locale;
  locale: Locale;
  strings: LocaleStrings | null;
}

function answerFor(requested: Locale): Answer | null {
  return loaded.has(requested) ? { requested, locale: requested, strings: loaded.get(requested) ?? null } : null;
}

/**
 * The pane's language, from Office's display language: German, Arabic (right to left) or English for anything else.
 * Sets the document's lang and dir too, so screen readers pronounce it right and what Fluent portals out mirrors.
 */
export function I18nProvider({ displayLanguage, children }: { displayLanguage: string; children: React.ReactNode }): JSX.Element {
  const requested = resolveLocale(displayLanguage);
  // What this provider's own load settled on (English after a failure); otherwise what the page has loaded already.
  const [settled, setSettled] = useState<Answer | null>(null);
  const answer = settled?.requested === requested ? settled : answerFor(requested);
  useEffect(() => {
    if (answer) return undefined;
    let current = true;
    loadTranslations(requested).then(
      (strings) => {
        loaded.set(requested, strings);
        if (current) setSettled({ requested, locale: requested, strings });
      },
      // A translation that can't be downloaded leaves the pane usable, in English.
      () => {
        if (current) setSettled({ requested, locale: DEFAULT_LOCALE, strings: null });
      },
    );
    return () => {
      current = false;
    };
  }, [requested, answer]);
  const value: I18nValue = answer
    ? { locale: answer.locale, strings: answer.strings, ready: true }
    : { locale: requested, strings: null, ready: false };
  useDocumentLanguage(value.locale);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useDocumentLanguage(locale: Locale): void {
  useEffect(() => {
    const root = document.documentElement;
    const before = { lang: root.lang, dir: root.dir };
    root.lang = locale;
    root.dir = textDirection(locale);
    return () => {
      root.lang = before.lang;
      root.dir = before.dir;
    };
  }, [locale]);
}

/** The pane's locale (en-US, de-DE or ar-SA). */
export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}

/** For hooks.ts and the frame: the whole context value. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
