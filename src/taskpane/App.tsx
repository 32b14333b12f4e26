import { usePaneState, type PaneDependencies, type PaneStart } from '../app/paneState';
import { PaneBody } from './components/PaneBody';
import { PaneFrame } from './PaneFrame';
import { PaneClock } from './card/useCountdown';

/**
 * The task pane. It receives its host and services; it never touches Office.js or the network itself. `start`: what
 * startOfPane found for these deps (as startPane.tsx boots it in Outlook), or nothing (it then starts by itself).
 */
export function App({ deps, start }: { deps: PaneDependencies; start?: PaneStart }): JSX.Element {
  return (
    <PaneFrame theme={deps.host.theme} displayLanguage={deps.host.displayLanguage}>
      <PaneContent deps={deps} start={start} />
    </PaneFrame>
  );
}

/**
 * The pane inside its frame; startPane.tsx renders it into the frame it painted first, so the frame stays put, with
 * the policy settled and the item read (`start`), so its first render is the ready pane.
 */
export function PaneContent({ deps, start }: { deps: PaneDependencies; start?: PaneStart }): JSX.Element {
  const [state, actions] = usePaneState(deps, start);
  return (
    <PaneClock.Provider value={deps.now ?? Date.now}>
      <PaneBody state={state} actions={actions} />
    </PaneClock.Provider>
  );
}
