import { FluentProvider, makeStyles, Spinner, teamsHighContrastTheme, Text, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { OfficeThemeKind } from '../office/types';
import { paneStrings } from './strings';

/**
 * The pane's frame: Office's theme, the heading and the page layout. Light on purpose: the first script paints it
 * (with the "starting" state) while the rest of the pane is still loading.
 */
const themes = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme } satisfies Record<OfficeThemeKind, unknown>;

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

export function PaneFrame({ theme, children }: { theme: OfficeThemeKind; children: React.ReactNode }): JSX.Element {
  return (
    <FluentProvider theme={themes[theme]} dir="ltr">
      <PaneLayout>{children}</PaneLayout>
    </FluentProvider>
  );
}

function PaneLayout({ children }: { children: React.ReactNode }): JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Text as="h1" size={400} weight="semibold">
        {paneStrings.title}
      </Text>
      {children}
    </main>
  );
}

/** What the pane shows until it knows what the rules allow. */
export function PaneStarting(): JSX.Element {
  return <Spinner size="small" label={paneStrings.starting} />;
}
