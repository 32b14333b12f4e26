import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Suspense } from 'react';
import { showingOf } from '../../app/pane/capabilities';
import type { ReadyPane } from '../../app/pane/paneState';
import type { PaneActions } from '../../app/pane/usePane';
import { PersonHeader } from '../card/PersonHeader';
import { PublicSection } from '../card/PublicSection';
import { useStrings } from '../i18n/hooks';
import { ConnectedSection, ConnectPanel, DecisionSummary, SuggestionsSection } from './secondarySections';
import { useStackStyles } from './stackStyles';

export interface ReadyProps {
  state: ReadyPane;
  actions: PaneActions;
  revealed: boolean;
}

/** One step, when the rules allow connecting and a sign-in dialog exists: sign in again with the saved choice. */
export function reconnectOf({ state, actions }: Pick<ReadyProps, 'state' | 'actions'>): (() => void) | undefined {
  return state.connectionView.canReconnect ? actions.connection.reconnect : undefined;
}

/** The person shown: their card (or who they are, when LinkedIn is off) and, once revealed, why the rules allow what they do. */
export function PersonView({ state, actions, revealed }: ReadyProps): JSX.Element | null {
  const styles = useStackStyles();
  const { selected, personDecision } = state;
  if (!selected || !personDecision) return null;
  return (
    <section
      className={styles.stack}
      aria-live="polite"
      aria-label={selected.displayName}
      data-person={selected.address}
      data-level={personDecision.level}
    >
      {state.viewerDecision.level === 'none' ? (
        <PersonHeader person={selected} state="outlook-only" />
      ) : (
        <CardView state={state} actions={actions} revealed={revealed} />
      )}
      {revealed && state.shown && (
        <Suspense fallback={null}>
          <DecisionSummary shown={state.shown} showing={showingOf(state.shown.level, state.publicState, state.connectedState)} />
        </Suspense>
      )}
    </section>
  );
}

/** The LinkedIn card: public section first, then connected insights, suggestions and connecting as allowed. */
function CardView({ state, actions, revealed }: ReadyProps): JSX.Element | null {
  const { selected, personDecision } = state;
  if (!selected || !personDecision) return null;
  return (
    <>
      <PublicSection
        person={selected}
        state={state.publicState}
        onRetry={() => actions.retry('public')}
        search={state.linkedInSearch}
        onOpenSearch={actions.openInBrowser}
      />
      <Suspense fallback={null}>
        {state.connectedState.status !== 'idle' && (
          <ConnectedSection
            state={state.connectedState}
            profileUrl={state.publicState.status === 'match' ? state.publicState.profile.profileUrl : undefined}
            onRetry={() => actions.retry('connected')}
            onReconnect={reconnectOf({ state, actions })}
          />
        )}
        {revealed && state.view === 'item' && state.shown?.offers.outbound && (
          <SuggestionsSection state={state.suggestions} onRequest={actions.requestSuggestions} />
        )}
        {revealed && state.shown?.offers.connect && (
          <ConnectPanel busy={state.connection.status === 'connecting'} onConnect={actions.connection.connect} />
        )}
        {revealed && state.viewerDecision.canConnect && state.signInUnavailable === 'noDialogOrigin' && <NoSignInDialog />}
      </Suspense>
    </>
  );
}

/** Why Connect is not offered: this Outlook cannot say where a sign-in answer comes from (no DialogOrigin 1.1). */
function NoSignInDialog(): JSX.Element {
  const { connect } = useStrings();
  return (
    <MessageBar intent="info" layout="multiline" data-notice="no-dialog-origin">
      <MessageBarBody>{connect.noDialogOrigin}</MessageBarBody>
    </MessageBar>
  );
}
