import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { ServiceErrorKind } from '../../services/errors';
import { useStrings } from '../i18n/hooks';

/** A section that failed: what went wrong, in words, and Retry. */
export function SectionError(props: { kind: ServiceErrorKind; retryAfterSeconds?: number; connected?: boolean; onRetry(): void }): JSX.Element {
  const { card } = useStrings();
  const text = props.connected && props.kind === 'unauthorized' ? card.reconnect : card.error[props.kind];
  return (
    <MessageBar intent={props.kind === 'throttled' ? 'warning' : 'error'} layout="multiline" data-error={props.kind}>
      <MessageBarBody>
        {text}
        {props.retryAfterSeconds !== undefined ? ` ${card.retryAfter(props.retryAfterSeconds)}` : ''}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={props.onRetry}>
          {card.retry}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
