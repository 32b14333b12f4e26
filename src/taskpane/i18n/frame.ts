import { isolate } from './format';
import type { Locale } from './locale';

/**
 * The few strings the pane's frame shows before the rest of the pane (and its translations) has loaded: the heading,
 * "starting", and a host that could not start. In every language, so the first paint is already in the user's.
 */
export interface FrameStrings {
  title: string;
  starting: string;
  startFailed: (message: string) => string;
}

export const frameStrings: Readonly<Record<Locale, FrameStrings>> = {
  'en-US': {
    title: 'LinkedIn profile card',
    starting: 'Checking what LinkedIn features are available to you…',
    startFailed: (message) => `The add-in could not start: ${message}`,
  },
  'de-DE': {
    title: 'LinkedIn-Profilkarte',
    starting: 'Es wird geprüft, welche LinkedIn-Features Ihnen zur Verfügung stehen…',
    startFailed: (message) => `Das Add-In konnte nicht gestartet werden: ${message}`,
  },
  'ar-SA': {
    title: 'بطاقة ملف LinkedIn الشخصي',
    starting: 'جارٍ التحقق من ميزات LinkedIn المتاحة لك…',
    startFailed: (message) => `تعذّر بدء تشغيل الوظيفة الإضافية: ${isolate(message)}`,
  },
};
