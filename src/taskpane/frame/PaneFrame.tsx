import { FluentProvider, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { OfficeHost, OfficeThemeKind } from '../../office/types';
import { frameStrings } from '../i18n/frame';
import { I18nProvider, useI18n, useLocale } from '../i18n/I18nProvider';
import { textDirection } from '../i18n/locale';
import { ThemeKindContext } from './themeKind';
import { useFollowedTheme, useTheme } from './themes';

/**
 * The pane's frame: Office's theme and display language, the heading and the page layout. Light on purpose: the first
 * script paints it (with the "starting" state) while the rest of the pane, and its translation, are still loading.
 */
const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    overflowX: 'hidden',
  },
});

export function PaneFrame(props: { theme: OfficeThemeKind; displayLanguage: string; children: React.ReactNode }): JSX.Element {
  return (
    <I18nProvider displayLanguage={props.displayLanguage}>
      <LocalizedFrame theme={props.theme}>{props.children}</LocalizedFrame>
    </I18nProvider>
  );
}

/** The frame for this host: its display language, and its theme followed as Outlook changes it. */
export function HostFrame({ host, children }: { host: OfficeHost; children: React.ReactNode }): JSX.Element {
  const theme = useFollowedTheme(host);
  return (
    <PaneFrame theme={theme} displayLanguage={host.displayLanguage}>
      {children}
    </PaneFrame>
  );
}

/** The locale's direction and language on the pane's root: Arabic mirrors the layout; screen readers pronounce it right. */
function LocalizedFrame({ theme, children }: { theme: OfficeThemeKind; children: React.ReactNode }): JSX.Element | null {
  const { locale, ready } = useI18n();
  const fluentTheme = useTheme(theme);
  if (!fluentTheme) return null;
  return (
    <FluentProvider theme={fluentTheme} dir={textDirection(locale)} lang={locale} data-theme={theme}>
      <ThemeKindContext.Provider value={theme}>
        <PaneLayout>{ready ? children : <PaneStarting />}</PaneLayout>
      </ThemeKindContext.Provider>
    </FluentProvider>
  );
}

function PaneLayout({ children }: { children: React.ReactNode }): JSX.Element {
  const styles = useStyles();
  const locale = useLocale();
  return (
    <main className={styles.root}>
      <Text as="h1" size={400} weight="semibold">
        {frameStrings[locale].title}
      </Text>
      {children}
    </main>
  );
}

/** What the pane shows until it knows what the rules allow. */
export function PaneStarting(): JSX.Element {
  return <Spinner size="small" label={frameStrings[useLocale()].starting} />;
}
