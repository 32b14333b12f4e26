import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ReadyPane } from '../../app/pane/paneState';
import type { PaneActions } from '../../app/pane/usePane';
import type { ServiceErrorKind } from '../../services/errors';
import { useCountdown } from '../card/useCountdown';
import { ReasonList } from '../card/ReasonList';
import { ConnectPanel } from '../connect/ConnectPanel';
import { useStrings } from '../i18n/hooks';
import { MeetingList } from './MeetingList';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
});

interface TodayViewProps {
  state: ReadyPane;
  actions: PaneActions;
  /** The person whose card was just closed (focused again in the list). */
  returnTo?: string;
}

/**
 * Today: the people on the user's calendar today, when the rules allow it (both-ways consent where connected insights
 * are allowed); otherwise why not, with what the user can do about it. Then the calendar as read: loading, the admin's
 * missing permission, another failure with Retry, or the day's meetings.
 */
export default function TodayView(props: TodayViewProps): JSX.Element {
  const { today } = props.state;
  if (!today.decision.allowed) return <TodayRefused {...props} />;
  if (today.connectionLimit) return <TodayConnectionLimit {...props} />;
  return <TodayCalendar {...props} />;
}

function TodayCalendar({ state, actions, returnTo }: TodayViewProps): JSX.Element {
  const { calendar } = state.today;
  if (calendar.status === 'ready')
    return (
      <MeetingList
        today={state.today}
        onOpen={actions.today.open}
        onShown={actions.today.setShown}
        onOpenSearch={actions.openInBrowser}
        returnTo={returnTo}
      />
    );
  // Reading, and what went wrong, are announced (the day itself is not: a screen reader reads it at its own pace).
  return (
    <div aria-live="polite">
      <TodayCalendarStatus state={state} actions={actions} />
    </div>
  );
}

function TodayCalendarStatus({ state, actions }: TodayViewProps): JSX.Element | null {
  const { today: t } = useStrings();
  const { calendar } = state.today;
  switch (calendar.status) {
    case 'unavailable':
      return (
        <MessageBar intent="info" layout="multiline" data-today="unavailable">
          <MessageBarBody>{t.unavailable}</MessageBarBody>
        </MessageBar>
      );
    case 'idle':
    case 'loading':
      return <Spinner size="small" label={t.loading} data-today="loading" />;
    case 'error':
      return (
        <TodayError
          kind={calendar.kind}
          notGranted={calendar.notGranted}
          retryAfterSeconds={calendar.retryAfterSeconds}
          onRetry={actions.today.retry}
        />
      );
    case 'ready':
      return null;
  }
}

/** Why Today is off for this user, in the rules' words, and the one thing they can do about it here. */
function TodayRefused({ state, actions }: TodayViewProps): JSX.Element {
  const styles = useStyles();
  const { today: t, connect } = useStrings();
  const { offers, decision } = state.today;
  const busy = state.connection.status === 'connecting';
  return (
    <section className={styles.stack} aria-label={t.refusedTitle} data-today="refused">
      <Text as="h2" size={400} weight="semibold">
        {t.refusedTitle}
      </Text>
      <ReasonList reasons={decision.reasons} />
      {offers.connect && (
        <>
          <Text>{t.connectFirst}</Text>
          <ConnectPanel busy={busy} onConnect={actions.connection.connect} initialChoice="twoWay" />
        </>
      )}
      {offers.shareBothWays &&
        (busy ? (
          <Spinner size="tiny" label={connect.connecting} />
        ) : (
          <>
            <Text size={200}>{t.shareBothWaysDetail}</Text>
            <Button appearance="primary" onClick={() => actions.connection.connect('twoWay')} data-action="share-both-ways">
              {t.shareBothWays}
            </Button>
          </>
        ))}
    </section>
  );
}

/** Today is allowed, but the service has not confirmed the connection (or no longer accepts it). */
function TodayConnectionLimit({ state, actions }: TodayViewProps): JSX.Element {
  const { today: t, connect } = useStrings();
  const limit = state.today.connectionLimit ?? 'unconfirmed';
  const reconnect = limit === 'expired' && state.connectionView.canReconnect;
  return (
    <MessageBar intent="info" layout="multiline" data-today={`connection-${limit}`}>
      <MessageBarBody>{t.connectionLimit[limit]}</MessageBarBody>
      {reconnect && (
        <MessageBarActions>
          <Button size="small" onClick={actions.connection.reconnect}>
            {connect.reconnectAction}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** The calendar could not be read: the admin's missing permission said as such, any other failure with Retry. */
function TodayError(props: { kind: ServiceErrorKind; notGranted: boolean; retryAfterSeconds?: number; onRetry: () => void }): JSX.Element {
  const { today: t, pane, card } = useStrings();
  const waitLeft = useCountdown(props.kind === 'throttled' ? props.retryAfterSeconds : undefined);
  if (props.notGranted)
    return (
      <MessageBar intent="warning" layout="multiline" data-today="not-granted">
        <MessageBarBody>
          <MessageBarTitle>{t.notGrantedTitle}</MessageBarTitle> {t.notGranted} {pane.where(t.notGrantedWhere)}
        </MessageBarBody>
      </MessageBar>
    );
  const waiting = waitLeft !== undefined && waitLeft > 0;
  return (
    <MessageBar intent={props.kind === 'throttled' ? 'warning' : 'error'} layout="multiline" data-today="error" data-error={props.kind}>
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle> {t.error[props.kind]}
        {waitLeft !== undefined && (
          <span role="timer" aria-live="off" data-wait={waitLeft}>
            {` ${waiting ? card.retryAfter(waitLeft) : card.retryNow}`}
          </span>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={props.onRetry} disabled={waiting}>
          {card.retry}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
