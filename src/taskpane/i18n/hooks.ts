import { useMemo } from 'react';
import { en } from './en';
import { formatDate, formatNumber, formatPartialList, localeDigits, type DateOptions } from './format';
import { useI18n } from './I18nProvider';
import type { LocaleStrings } from './en/types';

/** Everything the pane says, in the pane's language (English without a provider). */
export function useStrings(): LocaleStrings {
  return useI18n().strings ?? en;
}

export interface Formatters {
  /** A count with the locale's digits and grouping: 1,234 / 1.234 / ١٬٢٣٤. */
  number: (value: number) => string;
  /** A date, day month year, in the locale; '' for a value that is not a date. */
  date: (value: string | number | Date, options?: DateOptions) => string;
  /** The first few of a longer list, separated as the locale writes it. */
  partialList: (items: readonly string[]) => string;
  /** Numbers inside text from the network (a period "2015–2018") in the locale's digits. */
  digits: (text: string) => string;
}

/** Numbers and dates formatted for the pane's locale. */
export function useFormat(): Formatters {
  const { locale } = useI18n();
  return useMemo(
    () => ({
      number: (value: number) => formatNumber(locale, value),
      date: (value: string | number | Date, options?: DateOptions) => formatDate(locale, value, options),
      partialList: (items: readonly string[]) => formatPartialList(locale, items),
      digits: (text: string) => localeDigits(locale, text),
    }),
    [locale],
  );
}
