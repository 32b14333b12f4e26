import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AccessDecision } from '../../policy';
import { useStrings } from '../i18n/hooks';
import { DeviceOption } from './DeviceOption';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground3 },
});

/** Settings: the device option, and what the add-in keeps on this device, with a way to clear it. */
export function SettingsSection(props: {
  /** The device option; left out where the rules could not be read (whether a policy locks it is unknown). */
  option?: AccessDecision['userOption'];
  cachedPeople: number;
  /** The most people the pane keeps on this device (the cache's bound, said in the note). */
  cacheLimit: number;
  /** What is kept stays in this pane only, until it is closed (since a disconnect): said so, as the disconnect said it. */
  keptInPaneOnly: boolean;
  onOptionChange?: (value: boolean) => void;
  onClearCache: () => void;
  /** The LinkedIn connection's status and Disconnect. */
  children?: React.ReactNode;
}): JSX.Element {
  const styles = useStyles();
  const { pane, today } = useStrings();
  // How many people the last "Clear" removed: said once, in a status line, until the next clear.
  const [cleared, setCleared] = useState<number | null>(null);
  const clear = (): void => {
    setCleared(props.cachedPeople);
    props.onClearCache();
  };
  return (
    <section className={styles.root} aria-label={pane.settingsTitle}>
      <Text as="h2" size={300} weight="semibold">
        {pane.settingsTitle}
      </Text>
      {props.option && props.onOptionChange && <DeviceOption option={props.option} onChange={props.onOptionChange} />}
      {props.children}
      <Text size={200} className={styles.note} data-cached={props.cachedPeople} data-kept={props.keptInPaneOnly ? 'pane' : 'device'}>
        {props.keptInPaneOnly ? pane.cacheNoteInPane(props.cachedPeople) : pane.cacheNote(props.cachedPeople, props.cacheLimit)}
      </Text>
      <Text size={200} className={styles.note} data-today-kept>
        {today.kept}
      </Text>
      <Button size="small" onClick={clear} disabled={props.cachedPeople === 0}>
        {pane.clearCache}
      </Button>
      <Text size={200} role="status" data-cleared={cleared ?? undefined}>
        {cleared !== null ? pane.cleared(cleared) : ''}
      </Text>
    </section>
  );
}
