import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { RefusalReason } from '../../contract/errors';
import type { ServiceErrorKind } from '../../services/errors';
import { useStrings } from '../i18n/hooks';
import { RefusalText } from './RefusalText';
import { useCountdown } from './useCountdown';

/** Failures that trying again cannot fix: the service refused this user (403) — only an admin or LinkedIn can change it. */
const NOT_RETRYABLE: ReadonlySet<ServiceErrorKind> = new Set<ServiceErrorKind>(['forbidden']);

/**
 * A section that failed: what went wrong, in words, once, and Retry where retrying can help — after LinkedIn's limit,
 * with the wait counted down and Retry disabled until it is over. When the service no longer accepts the user's
 * LinkedIn connection, Reconnect (when it can be offered here; otherwise how to reconnect in Settings).
 */
export interface SectionErrorProps {
  kind: ServiceErrorKind;
  retryAfterSeconds?: number;
  /** For a refusal (403): the rule the service named, said as the pane says its own reasons. */
  reason?: RefusalReason;
  connected?: boolean;
  /** The service said the user's LinkedIn connection is gone (401 notConnected): Reconnect instead of Retry. */
  connectionRefused?: boolean;
  onRetry: () => void;
  onReconnect?: () => void;
}

export function SectionError(props: SectionErrorProps): JSX.Element {
  const { card, connect } = useStrings();
  const waitLeft = useCountdown(props.kind === 'throttled' ? props.retryAfterSeconds : undefined);
  const expired = props.connected === true && props.connectionRefused === true;
  const text = expired ? (props.onReconnect ? card.reconnect : card.reconnectInSettings) : card.error[props.kind];
  const waiting = waitLeft !== undefined && waitLeft > 0;
  let action: JSX.Element | null = null;
  if (expired && props.onReconnect) {
    action = (
      <Button size="small" onClick={props.onReconnect}>
        {connect.reconnectAction}
      </Button>
    );
  } else if (!NOT_RETRYABLE.has(props.kind)) {
    action = (
      <Button size="small" onClick={props.onRetry} disabled={waiting}>
        {card.retry}
      </Button>
    );
  }
  return (
    <MessageBar intent={props.kind === 'throttled' ? 'warning' : 'error'} layout="multiline" data-error={props.kind}>
      <MessageBarBody>
        {props.kind === 'forbidden' && props.reason && !expired ? <RefusalText reason={props.reason} /> : text}
        {waitLeft !== undefined && (
          <span role="timer" aria-live="off" data-wait={waitLeft}>
            {` ${waiting ? card.retryAfter(waitLeft) : card.retryNow}`}
          </span>
        )}
      </MessageBarBody>
      {action && <MessageBarActions>{action}</MessageBarActions>}
    </MessageBar>
  );
}
