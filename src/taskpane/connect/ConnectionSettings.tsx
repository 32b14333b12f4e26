import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ConnectionView } from '../../app/pane/connectionView';
import { useFormat, useStrings } from '../i18n/hooks';
import type { LocaleStrings } from '../i18n/en/types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * The connection's status in Settings, and Disconnect: both read the connection's one state (ConnectionView), so
 * "not connected" never stands beside Disconnect, and Disconnect is offered in every state while a connection exists
 * (while a sign-in or a disconnect is under way, it says so instead).
 */
export function ConnectionSettings(props: { view: ConnectionView; onDisconnect: () => void }): JSX.Element {
  const styles = useStyles();
  const { connect } = useStrings();
  const format = useFormat();
  const [confirming, setConfirming] = useState(false);
  // Asking first puts the focus on the safe answer; "Keep connected" puts it back on Disconnect.
  const disconnectButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (wasConfirming.current) disconnectButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const { view } = props;
  const since = view.since ? format.date(view.since) : '';
  // Reconnecting (signing in again with the saved choice) says so here; a first connection says so in its own panel.
  const busyLabel =
    view.status === 'disconnecting'
      ? connect.disconnecting
      : view.status === 'connecting' && view.hasConnection
        ? connect.connecting
        : null;
  return (
    <div className={styles.root} data-connection={view.consent ?? 'none'} data-status={view.status}>
      <Text size={200}>{statusText(view, since, connect)}</Text>
      {busyLabel && (
        <div role="status">
          <Spinner size="tiny" label={busyLabel} />
        </div>
      )}
      {view.canDisconnect && !confirming && (
        <Button size="small" ref={disconnectButton} onClick={() => setConfirming(true)}>
          {connect.disconnect}
        </Button>
      )}
      {view.canDisconnect && confirming && (
        <>
          <Text>{connect.disconnectConfirm}</Text>
          <div className={styles.actions}>
            <Button
              size="small"
              appearance="primary"
              onClick={() => {
                wasConfirming.current = false;
                setConfirming(false);
                props.onDisconnect();
              }}
            >
              {connect.disconnectYes}
            </Button>
            <Button size="small" ref={keepButton} onClick={() => setConfirming(false)}>
              {connect.disconnectNo}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/** The status line for the state the connection rests in (the consent and date only where a connection exists). */
function statusText(view: ConnectionView, since: string, connect: LocaleStrings['connect']): string {
  if (!view.consent) return connect.notConnected;
  switch (view.standing) {
    case 'connected':
      return connect.status(view.consent, since);
    case 'expired':
      return connect.statusExpired(view.consent, since);
    case 'unconfirmed':
      return connect.statusUnconfirmed(view.consent, since);
    case 'removed':
    case 'notConnected':
      return connect.notConnected;
  }
}
