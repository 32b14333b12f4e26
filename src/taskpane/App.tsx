import { FluentProvider, makeStyles, teamsHighContrastTheme, Text, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { usePaneState, type PaneDependencies } from '../app/paneState';
import type { OfficeThemeKind } from '../office';
import { PaneBody } from './components/PaneBody';
import { paneStrings } from './strings';

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

/** The task pane. It receives its host and services; it never touches Office.js or the network itself. */
export function App({ deps }: { deps: PaneDependencies }): JSX.Element {
  const [state, actions] = usePaneState(deps);
  return (
    <FluentProvider theme={themes[deps.host.theme]} dir="ltr">
      <PaneFrame>
        <PaneBody state={state} actions={actions} locale={deps.host.displayLanguage} />
      </PaneFrame>
    </FluentProvider>
  );
}

function PaneFrame({ children }: { children: React.ReactNode }): JSX.Element {
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
