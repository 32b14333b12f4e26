import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { ServiceErrorKind } from '../../app/vocabulary';
import { useStrings } from '../i18n/hooks';

/**
 * A section that failed: what went wrong, in words, and Retry — or, when the service no longer accepts the user's
 * LinkedIn connection, Reconnect (when it can be offered here; otherwise how to reconnect in Settings).
 */
export function SectionError(props: {
  kind: ServiceErrorKind;
  retryAfterSeconds?: number;
  connected?: boolean;
  onRetry: () => void;
  onReconnect?: () => void;
}): JSX.Element {
  const { card, connect } = useStrings();
  const expired = props.connected === true && props.kind === 'unauthorized';
  const text = expired ? (props.onReconnect ? card.reconnect : card.reconnectInSettings) : card.error[props.kind];
  return (
    <MessageBar intent={props.kind === 'throttled' ? 'warning' : 'error'} layout="multiline" data-error={props.kind}>
      <MessageBarBody>
        {text}
        {props.retryAfterSeconds !== undefined ? ` ${card.retryAfter(props.retryAfterSeconds)}` : ''}
      </MessageBarBody>
      <MessageBarActions>
        {expired && props.onReconnect ? (
          <Button size="small" onClick={props.onReconnect}>
            {connect.reconnectAction}
          </Button>
        ) : (
          <Button size="small" onClick={props.onRetry}>
            {card.retry}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
