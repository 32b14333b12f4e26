import type { PaneState } from '../../app/pane/paneState';
import type { PaneActions } from '../../app/pane/usePane';
import { PaneStarting } from '../frame/PaneFrame';
import { PolicyProblem } from './PolicyFileProblemView';
import { ReadyView } from './ReadyView';

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
 * The pane for each phase: starting, a policy file that can't be trusted (the people, the reason and Settings), or the
 * people and their decisions. It renders only its props. The card comes first; what is below it (reasons, connecting,
 * settings) is shown once `revealed` (the card is painted: useRevealAfterCard).
 */
export function PaneView({ state, actions, revealed }: { state: PaneState; actions: PaneActions; revealed: boolean }): JSX.Element {
  switch (state.phase) {
    case 'starting':
      return <PaneStarting />;
    case 'policyInvalid':
    case 'policyUnreachable':
      return <PolicyProblem pane={state} actions={actions} />;
    case 'ready':
      return <ReadyView state={state} actions={actions} revealed={revealed} />;
  }
}
