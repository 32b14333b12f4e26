import type { OfficeThemeKind, Platform } from './types';

/** Maps Office.context.diagnostics.platform (an Office.PlatformType string) to the policy engine's platform. */
export function platformFromDiagnostics(platform: string | undefined): Platform {
  switch (platform) {
    case 'PC':
    case 'Universal':
      return 'windows';
    case 'Mac':
      return 'mac';
    case 'OfficeOnline':
      return 'web';
    case 'iOS':
      return 'ios';
    case 'Android':
      return 'android';
    default:
      return 'unknown';
  }
}

/**
 * Office's theme colours → the Fluent theme family to use. Luminance of the body background decides dark;
 * `highContrast` comes from forced colours, since Office.OfficeTheme has no member for it.
 */
export function themeFromOfficeColors(bodyBackgroundColor: string | undefined, highContrast = false): OfficeThemeKind {
  if (highContrast) return 'highContrast';
  const hex = /^#?([0-9a-f]{6})$/i.exec(bodyBackgroundColor ?? '')?.[1];
  if (!hex) return 'light';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? 'dark' : 'light';
}
