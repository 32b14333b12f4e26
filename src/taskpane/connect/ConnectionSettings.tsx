import { Button, Link, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ConnectionNotice, ConnectionState } from '../../app/connect/useConnection';
import type { ConnectionView } from '../../app/pane/connectionTruth';
import { useFormat, useStrings } from '../i18n/hooks';
import type { LocaleStrings } from '../i18n/types';
import { LINKEDIN_CONTACTS_URL, LINKEDIN_PERMISSIONS_URL, MY_APPS_URL } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  notice: {
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/** Notices that end something the user just did in the pane: they take the focus (and so are read out). */
const FOCUSED_NOTICES: ReadonlySet<ConnectionNotice['kind']> = new Set(['connected', 'connectFailed', 'disconnected', 'disconnectFailed']);

/**
 * The connection's status in Settings, and Disconnect: both read the connection's one value (ConnectionView), so
 * "not connected" never stands beside Disconnect, and Disconnect is offered in every state while a connection exists.
 */
export function ConnectionSettings(props: { view: ConnectionView; busy: ConnectionState['busy']; onDisconnect: () => void }): JSX.Element {
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
  const { view, busy } = props;
  const since = view.since ? format.date(view.since) : '';
  // Reconnecting (signing in again with the saved choice) says so here; a first connection says so in its own panel.
  const busyLabel =
    busy === 'disconnecting' ? connect.disconnecting : busy === 'connecting' && view.canDisconnect ? connect.connecting : null;
  return (
    <div className={styles.root} data-connection={view.consent ?? 'none'} data-truth={view.truth}>
      <Text size={200}>{statusText(view, since, connect)}</Text>
      {busyLabel && (
        <div role="status">
          <Spinner size="tiny" label={busyLabel} />
        </div>
      )}
      {view.canDisconnect && !busy && !confirming && (
        <Button size="small" ref={disconnectButton} onClick={() => setConfirming(true)}>
          {connect.disconnect}
        </Button>
      )}
      {view.canDisconnect && !busy && confirming && (
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

/** The status line for each connection state (the consent and date only where a connection exists). */
function statusText(view: ConnectionView, since: string, connect: LocaleStrings['connect']): string {
  if (!view.consent) return connect.notConnected;
  switch (view.truth) {
    case 'connected':
      return connect.status(view.consent, since);
    case 'expired':
      return connect.statusExpired(view.consent, since);
    default:
      return connect.statusUnconfirmed(view.consent, since);
  }
}

/** Tells, once, how connecting or disconnecting ended, and what the user still has to do. */
export function ConnectionNoticeBar({
  notice,
  onReconnect,
}: {
  notice: ConnectionNotice | null;
  onReconnect?: () => void;
}): JSX.Element | null {
  const styles = useStyles();
  const strings = useStrings();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice && FOCUSED_NOTICES.has(notice.kind)) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <div ref={ref} tabIndex={-1} role={notice.kind === 'disconnectFailed' ? 'alert' : 'status'} className={styles.notice}>
      {noticeBar(notice, strings, onReconnect)}
    </div>
  );
}

/** A notice that is one sentence. */
function NoticeText(props: { intent: 'success' | 'warning' | 'info'; name: string; text: string; multiline?: boolean }): JSX.Element {
  return (
    <MessageBar intent={props.intent} layout={props.multiline ? 'multiline' : 'auto'} data-notice={props.name}>
      <MessageBarBody>{props.text}</MessageBarBody>
    </MessageBar>
  );
}

function noticeBar(notice: ConnectionNotice, { connect, card }: LocaleStrings, onReconnect?: () => void): JSX.Element {
  switch (notice.kind) {
    case 'connected':
      return <NoticeText intent="success" name="connected" text={connect.connectedTitle} />;
    case 'connectFailed':
      return <NoticeText intent="warning" name="connect-failed" text={connect.failure(notice.failure)} multiline />;
    case 'removedOnService':
      return <NoticeText intent="info" name="removed-on-service" text={connect.removedOnService} />;
    case 'disconnectFailed':
      return (
        <MessageBar intent="error" layout="multiline" data-notice="disconnect-failed">
          <MessageBarBody>
            {notice.deviceStorage
              ? connect.disconnectFailedDevice
              : !notice.serviceDown
                ? connect.disconnectFailedSave
                : notice.errorKind === 'throttled'
                  ? connect.disconnectFailedLimit
                  : connect.disconnectFailedService}
          </MessageBarBody>
        </MessageBar>
      );
    case 'expired':
      return reconnectBar('expired', connect.expired, connect.reconnectAction, onReconnect);
    case 'statusUnknown':
      return notice.errorKind === 'unauthorized' ? (
        reconnectBar('reconnect', connect.reconnect, connect.reconnectAction, onReconnect)
      ) : (
        <MessageBar intent="warning" layout="multiline" data-notice="status-unknown">
          <MessageBarBody>
            {notice.errorKind === 'notFound' ? '' : `${card.error[notice.errorKind]} `}
            {connect.statusUnknown}
          </MessageBarBody>
        </MessageBar>
      );
    case 'disconnected':
      return (
        <MessageBar intent="success" layout="multiline" data-notice="disconnected">
          <MessageBarBody>
            {connect.disconnected} {notice.remains === 'microsoftAndLinkedIn' ? connect.remainsBoth : connect.remainsLinkedIn}{' '}
            {notice.remains === 'microsoftAndLinkedIn' && (
              <>
                <Link href={MY_APPS_URL} target="_blank" rel="noopener noreferrer">
                  {connect.myApps}
                </Link>
                {' · '}
              </>
            )}
            <Link href={LINKEDIN_PERMISSIONS_URL} target="_blank" rel="noopener noreferrer">
              {connect.linkedInPermissions}
            </Link>
            . {connect.contactsRemain}{' '}
            <Link href={LINKEDIN_CONTACTS_URL} target="_blank" rel="noopener noreferrer">
              {connect.manageContacts}
            </Link>
          </MessageBarBody>
        </MessageBar>
      );
  }
}

/** A warning that the connection no longer works, with Reconnect when it can be offered here. */
function reconnectBar(name: string, text: string, action: string, onReconnect?: () => void): JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline" data-notice={name}>
      <MessageBarBody>{text}</MessageBarBody>
      {onReconnect && (
        <MessageBarActions>
          <Button size="small" onClick={onReconnect}>
            {action}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
