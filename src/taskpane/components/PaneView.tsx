import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { PaneState, PolicyProblemPane } from '../../app/pane/derive';
import type { PaneActions } from '../../app/pane/usePane';
import { PaneStarting } from '../PaneFrame';
import { useStrings } from '../i18n/hooks';
import { ReadyView } from './ReadyView';
import { ConnectionNoticeBar, ConnectionSettings } from './secondarySections';
import { useStackStyles } from './stackStyles';

/**
 * Whether the card shows what it will show (a profile, "no match", an error, or no lookup at all) rather than waiting
 * for LinkedIn's answer; null while the pane is starting.
 */
export function isCardSettled(state: PaneState): boolean | null {
  if (state.phase !== 'ready') return state.phase === 'starting' ? null : true;
  if (!state.selected || state.viewerDecision.level === 'none') return true;
  return state.publicState.status !== 'idle' && state.publicState.status !== 'loading';
}

/**
 * The pane for each phase: starting, a policy file that can't be trusted, or the people and their decisions. It
 * renders only its props. The card comes first; what is below it (reasons, connecting, settings) is shown once
 * `revealed` (the card is painted: useRevealAfterCard).
 */
export function PaneView({ state, actions, revealed }: { state: PaneState; actions: PaneActions; revealed: boolean }): JSX.Element {
  const { pane } = useStrings();
  switch (state.phase) {
    case 'starting':
      return <PaneStarting />;
    case 'policyInvalid':
      return (
        <PolicyProblem
          state="policy-invalid"
          title={pane.policyInvalidTitle}
          body={pane.policyInvalidField(state.field, state.problem)}
          pane={state}
          actions={actions}
        />
      );
    case 'policyUnreachable':
      return (
        <PolicyProblem
          state="policy-unreachable"
          title={pane.policyUnreachableTitle}
          body={pane.policyUnreachableBody(state.errorKind)}
          pane={state}
          actions={actions}
        />
      );
    case 'ready':
      return <ReadyView state={state} actions={actions} revealed={revealed} />;
  }
}

/**
 * A policy file the pane cannot trust: nothing of LinkedIn is shown — but a connection that exists can still be
 * removed, so its status and Disconnect stay (and how disconnecting ended is said).
 */
function PolicyProblem(props: { state: string; title: string; body: string; pane: PolicyProblemPane; actions: PaneActions }): JSX.Element {
  const styles = useStackStyles();
  const { connection, connectionView } = props.pane;
  return (
    <div className={styles.stack}>
      <MessageBar intent="error" layout="multiline" role="alert" data-state={props.state}>
        <MessageBarBody>
          <MessageBarTitle>{props.title}</MessageBarTitle> {props.body}
        </MessageBarBody>
      </MessageBar>
      {(connectionView.hasConnection || connection.notice) && (
        <Suspense fallback={null}>
          <ConnectionNoticeBar notice={connection.notice} showsCards={false} />
          <ConnectionSettings view={connectionView} onDisconnect={props.actions.connection.disconnect} />
        </Suspense>
      )}
    </div>
  );
}
