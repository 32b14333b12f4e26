import type { Locale } from './locale';
import type { LocaleStrings } from './en/types';

/**
 * The German and Arabic translations are chunks of their own, requested as soon as the host says which language
 * Office shows (by the frame's I18nProvider, painted once the host is ready), in parallel with the pane's own chunk:
 * English users download neither. null stands for English, which the pane carries. webpack keeps each chunk's
 * promise, so asking twice downloads once.
 */
export function loadTranslations(locale: Locale): Promise<LocaleStrings | null> {
  switch (locale) {
    case 'de-DE':
      return import(/* webpackChunkName: "locale-de" */ './de').then((module) => module.de);
    case 'ar-SA':
      return import(/* webpackChunkName: "locale-ar" */ './ar').then((module) => module.ar);
    case 'en-US':
      return Promise.resolve(null);
  }
}
