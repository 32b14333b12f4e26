import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { ServiceErrorKind } from '../../services/errors';
import { cardStrings } from './strings';

/** A section that failed: what went wrong, in words, and Retry. */
export function SectionError(props: { kind: ServiceErrorKind; retryAfterSeconds?: number; connected?: boolean; onRetry(): void }): JSX.Element {
  const text = props.connected && props.kind === 'unauthorized' ? cardStrings.reconnect : cardStrings.error[props.kind];
  return (
    <MessageBar intent={props.kind === 'throttled' ? 'warning' : 'error'} layout="multiline" data-error={props.kind}>
      <MessageBarBody>
        {text}
        {props.retryAfterSeconds !== undefined ? ` ${cardStrings.retryAfter(props.retryAfterSeconds)}` : ''}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={props.onRetry}>
          {cardStrings.retry}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
