import { Button, Link, makeStyles, Radio, RadioGroup, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ChosenConsent } from '../../app/connect/connectFlow';
import { useStrings } from '../i18n/hooks';
import { LINKEDIN_PRIVACY_URL, MICROSOFT_PRIVACY_URL } from './links';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  detail: { display: 'block', color: tokens.colorNeutralForeground3, paddingInlineStart: tokens.spacingHorizontalXXL },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** "Connect your LinkedIn account": the two choices said plainly, the privacy statements, then the sign-in. */
export function ConnectPanel(props: {
  busy: boolean;
  onConnect: (choice: ChosenConsent) => void;
  /** The choice selected when the panel opens (Today needs both ways); LinkedIn to Microsoft only unless said. */
  initialChoice?: ChosenConsent;
}): JSX.Element {
  const styles = useStyles();
  const { connect } = useStrings();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<ChosenConsent>(props.initialChoice ?? 'linkedInToMicrosoft');
  // Keyboard users land on the choice when the panel opens, and back on the button when it closes.
  const choices = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) choices.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (props.busy) return <Spinner size="tiny" label={connect.connecting} />;
  if (!open) {
    return (
      <Button appearance="primary" ref={opener} onClick={() => setOpen(true)}>
        {connect.open}
      </Button>
    );
  }
  return (
    <section className={styles.root} aria-label={connect.title}>
      <Text as="h3" weight="semibold">
        {connect.title}
      </Text>
      <Text>{connect.intro}</Text>
      <RadioGroup ref={choices} value={choice} onChange={(_, data) => setChoice(data.value as ChosenConsent)}>
        <Radio value="twoWay" label={connect.twoWay} />
        <Text size={200} className={styles.detail}>
          {connect.twoWayDetail}
        </Text>
        <Radio value="linkedInToMicrosoft" label={connect.inbound} />
        <Text size={200} className={styles.detail}>
          {connect.inboundDetail}
        </Text>
      </RadioGroup>
      <Text size={200}>
        {connect.privacy}{' '}
        <Link href={LINKEDIN_PRIVACY_URL} target="_blank" rel="noopener noreferrer">
          {connect.linkedInPrivacy}
        </Link>
        {' · '}
        <Link href={MICROSOFT_PRIVACY_URL} target="_blank" rel="noopener noreferrer">
          {connect.microsoftPrivacy}
        </Link>
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => props.onConnect(choice)}>
          {connect.continue}
        </Button>
        <Button onClick={() => setOpen(false)}>{connect.cancel}</Button>
      </div>
    </section>
  );
}
