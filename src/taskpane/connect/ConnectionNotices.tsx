import { Button, Link, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import type { ConnectionNotice } from '../../app/connect/connectionState';
import type { ConnectionView } from '../../app/pane/connectionView';
import { useStrings } from '../i18n/hooks';
import type { LocaleStrings } from '../i18n/en/types';
import { LINKEDIN_CONTACTS_URL, LINKEDIN_PERMISSIONS_URL, MY_APPS_URL } from './links';

const useStyles = makeStyles({
  notice: {
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/** Notices that end something the user just did in the pane: they take the focus (and so are read out). */
const FOCUSED_NOTICES: ReadonlySet<ConnectionNotice['kind']> = new Set(['connected', 'connectFailed', 'disconnected', 'disconnectFailed']);

/**
 * Tells, once, how connecting or disconnecting ended, and what the user still has to do. `showsCards`: the pane
 * shows LinkedIn cards (so what it keeps after a disconnect is worth saying).
 */
export function ConnectionNoticeBar({ notice, showsCards }: { notice: ConnectionNotice | null; showsCards: boolean }): JSX.Element | null {
  const styles = useStyles();
  const strings = useStrings();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice && FOCUSED_NOTICES.has(notice.kind)) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <div ref={ref} tabIndex={-1} role={notice.kind === 'disconnectFailed' ? 'alert' : 'status'} className={styles.notice}>
      {noticeBar(notice, strings, showsCards)}
    </div>
  );
}

interface NoticeProps {
  intent: 'success' | 'warning' | 'info' | 'error';
  /** Its `data-notice`. */
  name: string;
  multiline?: boolean;
  children: ReactNode;
}

/** One notice: its intent, its name and what it says. */
function Notice(props: NoticeProps): JSX.Element {
  return (
    <MessageBar intent={props.intent} layout={props.multiline ? 'multiline' : 'auto'} data-notice={props.name}>
      <MessageBarBody>{props.children}</MessageBarBody>
    </MessageBar>
  );
}

/** A notice that is one sentence. */
function NoticeText({ text, ...props }: Omit<NoticeProps, 'children'> & { text: string }): JSX.Element {
  return <Notice {...props}>{text}</Notice>;
}

function noticeBar(notice: ConnectionNotice, { connect, card }: LocaleStrings, showsCards: boolean): JSX.Element {
  switch (notice.kind) {
    case 'connected':
      return <NoticeText intent="success" name="connected" text={connect.connectedTitle} />;
    case 'connectFailed':
      return <NoticeText intent="warning" name="connect-failed" text={connect.failure(notice.failure)} multiline />;
    case 'removedOnService':
      return <NoticeText intent="info" name="removed-on-service" text={connect.removedOnService} />;
    case 'disconnectFailed':
      return (
        <Notice intent="error" name="disconnect-failed" multiline>
          {notice.deviceStorage
            ? connect.disconnectFailedDevice
            : !notice.serviceDown
              ? connect.disconnectFailedSave
              : notice.errorKind === 'throttled'
                ? connect.disconnectFailedLimit
                : connect.disconnectFailedService}
          {/* Revoked all the same: what the user still has to do on Microsoft's side and LinkedIn's. */}
          {notice.remains && <WhatRemains remains={notice.remains} />}
        </Notice>
      );
    case 'statusUnknown':
      return (
        <Notice intent="warning" name="status-unknown" multiline>
          {notice.errorKind === 'notFound' ? '' : `${card.error[notice.errorKind]} `}
          {connect.statusUnknown}
        </Notice>
      );
    case 'disconnected':
      return (
        <Notice intent="success" name="disconnected" multiline>
          {connect.disconnected} <span data-removed={notice.forgotPeople}>{connect.removedKept(notice.forgotPeople)}</span>{' '}
          {showsCards && <span data-kept="pane">{connect.keptInPane} </span>}
          <WhatRemains remains={notice.remains} />
        </Notice>
      );
  }
}

/**
 * What the user still has to do after disconnecting: after "both ways" the permission on the Microsoft side and on
 * LinkedIn, and the contacts imported into LinkedIn; after "LinkedIn to Microsoft only" (which imports no contacts)
 * the permission on LinkedIn only.
 */
function WhatRemains({ remains }: { remains: 'microsoftAndLinkedIn' | 'linkedInOnly' }): JSX.Element {
  const { connect } = useStrings();
  const both = remains === 'microsoftAndLinkedIn';
  return (
    <span data-remains={remains}>
      {' '}
      {both ? connect.remainsBoth : connect.remainsLinkedIn}{' '}
      {both && (
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
      .
      {both && (
        <>
          {' '}
          {connect.contactsRemain}{' '}
          <Link href={LINKEDIN_CONTACTS_URL} target="_blank" rel="noopener noreferrer">
            {connect.manageContacts}
          </Link>
        </>
      )}
    </span>
  );
}

/**
 * While the service no longer accepts the connection: says so, with Reconnect where it can be offered. Read from the
 * connection's state, not a notice, so it stays while the connection is expired (after a failed reconnect too).
 */
export function ExpiredConnectionBar({ view, onReconnect }: { view: ConnectionView; onReconnect: () => void }): JSX.Element | null {
  const { connect } = useStrings();
  if (view.status !== 'expired') return null;
  const linkedIn = view.expiredBy === 'linkedIn';
  return (
    <MessageBar intent="warning" layout="multiline" role="status" data-notice={linkedIn ? 'expired' : 'reconnect'}>
      <MessageBarBody>{linkedIn ? connect.expired : connect.reconnect}</MessageBarBody>
      {view.canReconnect && (
        <MessageBarActions>
          <Button size="small" onClick={onReconnect}>
            {connect.reconnectAction}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
