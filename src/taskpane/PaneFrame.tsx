import { FluentProvider, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { OfficeThemeKind } from '../app/vocabulary';
import { frameStrings } from './i18n/frame';
import { I18nProvider, useI18n, useLocale } from './i18n/I18nProvider';
import { textDirection } from './i18n/locale';
import { useTheme } from './themes';

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

/** The locale's direction and language on the pane's root: Arabic mirrors the layout; screen readers pronounce it right. */
function LocalizedFrame({ theme, children }: { theme: OfficeThemeKind; children: React.ReactNode }): JSX.Element | null {
  const { locale, ready } = useI18n();
  const fluentTheme = useTheme(theme);
  if (!fluentTheme) return null;
  return (
    <FluentProvider theme={fluentTheme} dir={textDirection(locale)} lang={locale}>
      <PaneLayout>{ready ? children : <PaneStarting />}</PaneLayout>
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
