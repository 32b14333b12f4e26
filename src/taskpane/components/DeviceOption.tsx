import { Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AccessDecision } from '../../policy';
import { useStrings } from '../i18n/hooks';

const useStyles = makeStyles({ note: { display: 'block', color: tokens.colorNeutralForeground3 } });

/** The "Show LinkedIn features" option for this device; locked (and saying why) when an Office policy sets it. */
export function DeviceOption(props: { option: AccessDecision['userOption']; onChange: (value: boolean) => void }): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const { value, locked } = props.option;
  return (
    <div>
      <Switch label={pane.optionLabel} checked={value} disabled={locked} onChange={(_, data) => props.onChange(data.checked)} />
      {locked && (
        <Text size={200} className={styles.note}>
          {value ? pane.optionLockedOn : pane.optionLockedOff}
        </Text>
      )}
    </div>
  );
}
