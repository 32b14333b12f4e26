import type { PaneDependencies } from '../app/pane/dependencies';
import type { FirstRender } from '../app/pane/firstRender';
import { usePane } from '../app/pane/usePane';
import { PaneView, isCardSettled } from './components/PaneView';
import { useRevealAfterCard } from './components/useRevealAfterCard';
import { HostFrame } from './frame/PaneFrame';
import { PaneClock } from './card/useCountdown';

/**
 * The task pane. It receives its host and services; it never touches Office.js or the network itself. `firstRender`:
 * what prepareFirstRender found for these deps (as bootPane starts it in Outlook), or nothing (it then starts by itself).
 */
export function App({ deps, firstRender }: { deps: PaneDependencies; firstRender?: FirstRender }): JSX.Element {
  return (
    <HostFrame host={deps.host}>
      <Pane deps={deps} firstRender={firstRender} />
    </HostFrame>
  );
}

/**
 * The pane inside its frame: its state (usePane) rendered by PaneView. bootPane renders it into the frame it painted
 * first, so the frame stays put, with the policy settled and the item read (`firstRender`), so its first render is
 * the ready pane.
 */
export function Pane({ deps, firstRender }: { deps: PaneDependencies; firstRender?: FirstRender }): JSX.Element {
  const [state, actions] = usePane(deps, firstRender);
  const revealed = useRevealAfterCard(isCardSettled(state));
  return (
    <PaneClock.Provider value={deps.now ?? Date.now}>
      <PaneView state={state} actions={actions} revealed={revealed} />
    </PaneClock.Provider>
  );
}
