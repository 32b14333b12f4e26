import {
  Button,
  FluentProvider,
  makeStyles,
  shorthands,
  mergeClasses,
  Text,
  ToggleButton,
  teamsHighContrastTheme,
  tokens,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import { SAMPLE_ITEMS, SAMPLE_VIEWER } from '../mocks/sampleItems';
import { ControlsPanel } from './ControlsPanel';
import { NO_ITEM, scenarioToSearch, type Scenario } from './scenario';
import type { WorkbenchStore } from './store';

const PANE_WIDTH = 320;

/** The simulated Outlook follows the Office theme control, as Outlook around the pane would. */
const OUTLOOK_THEME: Record<Scenario['theme'], Theme> = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme };

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateRows: 'auto 1fr', height: '100vh', fontFamily: tokens.fontFamilyBase },
  top: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  main: { display: 'grid', gridTemplateColumns: `260px minmax(280px, 1fr) auto 340px`, minHeight: 0 },
  list: {
    overflowY: 'auto',
    ...shorthands.borderRight(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  listItem: {
    display: 'block',
    width: '100%',
    textAlign: 'start',
    padding: tokens.spacingHorizontalM,
    ...shorthands.borderStyle('none'),
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke3),
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  listItemSelected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  ellipsis: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  reading: {
    overflowY: 'auto',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  ribbon: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
    paddingBlockEnd: tokens.spacingVerticalS,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  body: { whiteSpace: 'pre-wrap' },
  pane: {
    width: `${PANE_WIDTH}px`,
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    ...shorthands.borderLeft(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  paneHeader: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  frame: { width: `${PANE_WIDTH}px`, height: '100%', border: 'none' },
});

const roleWord = {
  from: 'From',
  onBehalfOf: 'Sent by',
  to: 'To',
  cc: 'Cc',
  organizer: 'Organizer',
  required: 'Required',
  optional: 'Optional',
} as const;

/** A simulated Outlook: message list, reading pane, the add-in's task pane (320 px), and the scenario controls. */
/**
 * The address of this scenario with the person the pane shows now (read from the pane's own page, same origin), so
 * the link opens on that person.
 */
function linkToScenario(scenario: Scenario): string {
  const frame = document.querySelector<HTMLIFrameElement>('iframe[title="LinkedIn profile card task pane"]');
  const shown = frame?.contentDocument?.querySelector('[data-person]')?.getAttribute('data-person') ?? scenario.person;
  return `${window.location.origin}${window.location.pathname}${scenarioToSearch({ ...scenario, person: shown })}`;
}

export function WorkbenchApp({ store }: { store: WorkbenchStore }): JSX.Element {
  const styles = useStyles();
  const scenario = useSyncExternalStore(store.subscribe, store.get);
  const item =
    scenario.item === NO_ITEM ? undefined : (SAMPLE_ITEMS.find((candidate) => candidate.key === scenario.item) ?? SAMPLE_ITEMS[0]);

  return (
    <FluentProvider theme={OUTLOOK_THEME[scenario.theme]} data-outlook-theme={scenario.theme}>
      <div className={styles.shell}>
        <header className={styles.top}>
          <Text weight="semibold">Outlook (simulated) — LinkedIn profile card workbench</Text>
          <Text size={200}>
            Signed in as {SAMPLE_VIEWER.displayName} &lt;{SAMPLE_VIEWER.address}&gt;
          </Text>
        </header>
        <div className={styles.main}>
          <MessageList selected={item?.key} store={store} />
          <ReadingPane item={item} store={store} />
          {scenario.paneOpen ? (
            <section className={styles.pane} aria-label="Add-in task pane">
              <div className={styles.paneHeader}>
                <ToggleButton
                  size="small"
                  appearance="subtle"
                  checked={scenario.pinned}
                  onClick={() => store.update({ pinned: !scenario.pinned })}
                  data-action="pin"
                >
                  {scenario.pinned ? 'Pinned' : 'Pin'}
                </ToggleButton>
                <Button size="small" appearance="subtle" onClick={() => store.update({ paneOpen: false })} aria-label="Close the task pane">
                  ✕
                </Button>
              </div>
              <iframe className={styles.frame} title="LinkedIn profile card task pane" src="workbench-pane.html" />
            </section>
          ) : (
            <div />
          )}
          <ControlsPanel scenario={scenario} onChange={store.update} link={() => linkToScenario(scenario)} />
        </div>
      </div>
    </FluentProvider>
  );
}

/** The message list: every sample item, the selected one marked; and "nothing selected", as after a deletion. */
function MessageList({ selected, store }: { selected: string | undefined; store: WorkbenchStore }): JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Messages and meetings">
      <li>
        <button
          type="button"
          className={mergeClasses(styles.listItem, selected === undefined && styles.listItemSelected)}
          aria-current={selected === undefined}
          data-item={NO_ITEM}
          onClick={() => store.update({ item: NO_ITEM })}
        >
          <Text weight="semibold" className={styles.ellipsis}>
            Nothing selected
          </Text>
          <Text size={200} className={styles.ellipsis}>
            The pane opens on Today: the people on your calendar
          </Text>
        </button>
      </li>
      {SAMPLE_ITEMS.map((candidate) => (
        <li key={candidate.key}>
          <button
            type="button"
            className={mergeClasses(styles.listItem, candidate.key === selected && styles.listItemSelected)}
            aria-current={candidate.key === selected}
            data-item={candidate.key}
            onClick={() => store.update({ item: candidate.key })}
          >
            <Text weight="semibold" className={styles.ellipsis}>
              {candidate.people[0]?.displayName}
            </Text>
            <Text className={styles.ellipsis}>{candidate.subject}</Text>
            <Text size={200} className={styles.ellipsis}>
              {candidate.received} · {candidate.preview}
            </Text>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The reading pane: the ribbon's add-in button, then the item's subject, people and body. */
function ReadingPane({ item, store }: { item: (typeof SAMPLE_ITEMS)[number] | undefined; store: WorkbenchStore }): JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.reading} aria-label="Reading pane">
      <div className={styles.ribbon}>
        <Button appearance="primary" size="small" onClick={() => store.update({ paneOpen: true })} data-action="open-pane">
          LinkedIn profile
        </Button>
      </div>
      {!item && <Text>No message or meeting is selected. Open the add-in from the ribbon: it shows Today.</Text>}
      {item && (
        <>
          <Text as="h2" size={500} weight="semibold">
            {item.subject}
          </Text>
          {(['from', 'onBehalfOf', 'organizer', 'to', 'required', 'cc', 'optional'] as const).map((role) => {
            const people = item.people.filter((person) => person.role === role);
            if (people.length === 0) return null;
            return (
              <Text key={role} size={200}>
                <b>{roleWord[role]}:</b>{' '}
                {people
                  .slice(0, 12)
                  .map((person) => `${person.displayName} <${person.address}>`)
                  .join('; ')}
                {people.length > 12 ? ` and ${people.length - 12} more` : ''}
              </Text>
            );
          })}
          <Text className={styles.body}>{item.body}</Text>
        </>
      )}
    </section>
  );
}
