import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useStrings } from '../i18n/hooks';
import { TodayView } from '../today/lazyToday';
import { PaneTabs } from './PaneTabs';
import { ItemPeople } from './ItemPeople';
import { PersonView, type ReadyProps } from './PersonView';
import { PaneSettings } from './PolicyFileProblemView';
import { ConnectionNoticeBar, ExpiredConnectionBar } from './secondarySections';
import type { ReadyPane } from '../../app/pane/paneState';
import { useStackStyles } from './stackStyles';

const useStyles = makeStyles({
  back: { alignSelf: 'flex-start' },
  // Fluent marks keyboard focus only for keys pressed inside the pane, so the browser's own :focus-visible draws the
  // ring here too (a stop reached by tabbing in from Outlook).
  refresh: {
    alignSelf: 'flex-end',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
});

/**
 * The pane once the rules are known: the tabs — the selected item's people, or Today — the view chosen, and the
 * settings once the card is painted.
 */
export function ReadyView({ state, actions, revealed }: ReadyProps): JSX.Element {
  const stack = useStackStyles();
  const { today } = useStrings();
  // Back from a person's card, Today's list puts the focus on that person again.
  const [returnTo, setReturnTo] = useState<string>();
  return (
    <div className={stack.stack}>
      {(revealed || state.connection.notice || showsExpiredBar(state)) && (
        <Suspense fallback={null}>
          <ConnectionNoticeBar notice={state.connection.notice} showsCards={state.viewerDecision.level !== 'none'} />
          {showsExpiredBar(state) && <ExpiredConnectionBar view={state.connectionView} onReconnect={actions.connection.reconnect} />}
        </Suspense>
      )}
      {/* The pane's first stop when tabbing in from Outlook, as before Today had a tab. */}
      {state.view === 'item' && <RefreshButton onRefresh={actions.refreshItem} />}
      <PaneTabs view={state.view} onShow={actions.today.show} />
      <div className={stack.stack} role="tabpanel" id="pane-tabpanel" aria-labelledby={`pane-tab-${state.view}`} data-view={state.view}>
        {state.view === 'item' ? (
          <ItemView state={state} actions={actions} revealed={revealed} />
        ) : state.today.person ? (
          <TodayPersonView state={state} actions={actions} revealed={revealed} onBack={setReturnTo} />
        ) : (
          <Suspense fallback={<Spinner size="small" label={today.loading} />}>
            <TodayView state={state} actions={actions} returnTo={returnTo} />
          </Suspense>
        )}
      </div>
      {revealed && <PaneSettings state={state} actions={actions} option={state.viewerDecision.userOption} />}
    </div>
  );
}

/**
 * "Your connection is no longer accepted… public information only until you reconnect": said while the connection is
 * expired and the pane shows LinkedIn information at all (under a rule that hides everything, reconnecting would not
 * help), unless the card's connected section already says it, with its own Reconnect.
 */
function showsExpiredBar(state: ReadyPane): boolean {
  const cardSaysRefused = state.connectedState.status === 'error' && state.connectedState.connectionRefused === true;
  return state.connectionView.status === 'expired' && state.viewerDecision.level !== 'none' && !cardSaysRefused;
}

/** Outlook can miss an ItemChanged (a pinned pane, a mail collapsed and expanded): the user can read it again. */
function RefreshButton({ onRefresh }: { onRefresh: () => void }): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  return (
    <Button
      className={styles.refresh}
      size="small"
      appearance="subtle"
      aria-label={pane.refreshLabel}
      title={pane.refreshLabel}
      data-action="refresh-item"
      onClick={onRefresh}
    >
      {pane.refresh}
    </Button>
  );
}

/** The selected item's people: the switcher, and the card of the person chosen. */
function ItemView({ state, actions, revealed }: ReadyProps): JSX.Element {
  return (
    <ItemPeople shown={state} actions={actions}>
      <PersonView state={state} actions={actions} revealed={revealed} />
    </ItemPeople>
  );
}

/** A person opened from Today's list: their full card, and the way back (focus lands on it, and returns to them). */
function TodayPersonView(props: ReadyProps & { onBack: (address: string) => void }): JSX.Element {
  const styles = useStyles();
  const { today } = useStrings();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const address = props.state.today.person?.address ?? '';
  return (
    <>
      <Button
        ref={back}
        className={styles.back}
        size="small"
        appearance="subtle"
        onClick={() => {
          props.onBack(address);
          props.actions.today.open(null);
        }}
        data-action="back-to-today"
      >
        {today.back}
      </Button>
      <PersonView state={props.state} actions={props.actions} revealed={props.revealed} />
    </>
  );
}
