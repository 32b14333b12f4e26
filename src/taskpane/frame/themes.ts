import { webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { OfficeHost, OfficeThemeKind } from '../../office/types';

/**
 * Office's theme as a Fluent theme. Light is in the first script; dark and high contrast come in a chunk of their own
 * (they are ~8 KiB gzip that most users never run), loaded when Office asks for one of them — bootPane asks as soon
 * as the host is ready, so it is usually here before the pane renders.
 */
const loaded: Partial<Record<OfficeThemeKind, Theme>> = { light: webLightTheme };

export function loadTheme(kind: OfficeThemeKind): Promise<Theme> {
  const ready = loaded[kind];
  if (ready) return Promise.resolve(ready);
  return import(/* webpackChunkName: "themes" */ './otherThemes').then((themes) => {
    loaded.dark = themes.webDarkTheme;
    loaded.highContrast = themes.teamsHighContrastTheme;
    return loaded[kind] ?? webLightTheme;
  });
}

/** The theme for `kind`, or null while its chunk loads (nothing is painted meanwhile: no light flash in dark Office). */
export function useTheme(kind: OfficeThemeKind): Theme | null {
  // What this pane's own load settled on (the light theme after a failure); otherwise what the page has loaded.
  const [settled, setSettled] = useState<{ kind: OfficeThemeKind; theme: Theme } | null>(null);
  const current = settled?.kind === kind ? settled.theme : (loaded[kind] ?? null);
  useEffect(() => {
    if (current) return undefined;
    let live = true;
    // A chunk that fails to load leaves the light theme rather than no pane at all.
    loadTheme(kind).then(
      (next) => live && setSettled({ kind, theme: next }),
      () => live && setSettled({ kind, theme: webLightTheme }),
    );
    return () => {
      live = false;
    };
  }, [kind, current]);
  return current;
}

/**
 * The theme kind Outlook shows, followed while the pane is open (where Outlook reports changes): a new kind counts
 * once its theme is loaded, so the pane never blanks out meanwhile, and only the latest change counts.
 */
export function useFollowedTheme(host: Pick<OfficeHost, 'theme' | 'onThemeChanged'>): OfficeThemeKind {
  const [kind, setKind] = useState<OfficeThemeKind>(host.theme);
  useEffect(() => {
    if (!host.onThemeChanged) return undefined;
    let live = true;
    let latest = 0;
    const unsubscribe = host.onThemeChanged(() => {
      const next = host.theme;
      const mine = ++latest;
      const settle = (): void => {
        if (live && mine === latest) setKind(next);
      };
      loadTheme(next).then(settle, settle);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [host]);
  return kind;
}
