import {
  Button,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Persona,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Suspense } from 'react';
import type { PaneState, PolicyProblemPane, ReadyPane } from '../../app/pane/derive';
import type { PaneActions } from '../../app/pane/usePane';
import { PaneStarting } from '../PaneFrame';
import { useStrings } from '../i18n/hooks';
import { initialsOf } from '../initials';
import { PublicSection } from '../card/PublicSection';
import { PeopleSwitcher } from './PeopleSwitcher';
import {
  ConnectedSection,
  ConnectionNoticeBar,
  ConnectionSettings,
  ExpiredConnectionBar,
  AdminDetails,
  ConnectPanel,
  DecisionSummary,
  SettingsSection,
  SuggestionsSection,
} from './secondarySections';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  // The pane's first stop when tabbing in from Outlook: Fluent marks keyboard focus only for keys pressed inside the
  // pane, so the browser's own :focus-visible draws the ring here too.
  refresh: {
    alignSelf: 'flex-end',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
});

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
  const styles = useStyles();
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

interface ReadyProps {
  state: ReadyPane;
  actions: PaneActions;
  revealed: boolean;
}

/** One step, when the rules allow connecting and a sign-in dialog exists: sign in again with the saved choice. */
function reconnectOf({ state, actions }: Pick<ReadyProps, 'state' | 'actions'>): (() => void) | undefined {
  return state.connectionView.canReconnect ? actions.connection.reconnect : undefined;
}

/**
 * "Your connection is no longer accepted… public information only until you reconnect": said while the connection is
 * expired and the pane shows LinkedIn information at all (under a rule that hides everything, reconnecting would not
 * help), unless the card's connected section already says it, with its own Reconnect.
 */
function showsExpiredBar(state: ReadyPane): boolean {
  const cardSaysRefused = state.connectedState.status === 'error' && state.connectedState.kind === 'unauthorized';
  return state.connectionView.status === 'expired' && state.viewerDecision.level !== 'none' && !cardSaysRefused;
}

function ReadyView({ state, actions, revealed }: ReadyProps): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  return (
    <div className={styles.stack}>
      {(revealed || state.connection.notice || showsExpiredBar(state)) && (
        <Suspense fallback={null}>
          <ConnectionNoticeBar notice={state.connection.notice} showsCards={state.viewerDecision.level !== 'none'} />
          {showsExpiredBar(state) && <ExpiredConnectionBar view={state.connectionView} onReconnect={actions.connection.reconnect} />}
        </Suspense>
      )}
      {/* Outlook can miss an ItemChanged (a pinned pane, a mail collapsed and expanded): the user can read it again. */}
      <Button
        className={styles.refresh}
        size="small"
        appearance="subtle"
        aria-label={pane.refreshLabel}
        title={pane.refreshLabel}
        data-action="refresh-item"
        onClick={actions.refreshItem}
      >
        {pane.refresh}
      </Button>
      {!state.item ? (
        <Text data-state="no-item">{pane.noItem}</Text>
      ) : state.people.length === 0 ? (
        <Text data-state="no-people">{pane.noPeople}</Text>
      ) : (
        <>
          <PeopleSwitcher
            people={state.people}
            selectedAddress={state.selected?.address ?? null}
            onSelect={actions.selectPerson}
            onVisibleChange={actions.setVisiblePeople}
          />
          <Divider />
          <PersonView state={state} actions={actions} revealed={revealed} />
        </>
      )}
      {revealed && <PaneSettings state={state} actions={actions} />}
    </div>
  );
}

/** The person shown: their card (or who they are, when LinkedIn is off) and, once revealed, why the rules allow what they do. */
function PersonView({ state, actions, revealed }: ReadyProps): JSX.Element | null {
  const styles = useStyles();
  const { pane } = useStrings();
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
        <Persona
          size="large"
          name={selected.displayName}
          secondaryText={selected.address}
          tertiaryText={pane.role[selected.role]}
          avatar={{ color: 'colorful', initials: initialsOf(selected.displayName) }}
        />
      ) : (
        <CardView state={state} actions={actions} revealed={revealed} />
      )}
      {revealed && state.shown && (
        <Suspense fallback={null}>
          <DecisionSummary shown={state.shown} nothingShown={NOTHING_SHOWN.has(state.publicState.status)} />
        </Suspense>
      )}
    </section>
  );
}

/** The card's states that show no LinkedIn information about the person (the badge says so). */
const NOTHING_SHOWN: ReadonlySet<string> = new Set(['error', 'noMatch', 'unavailable']);

/** The LinkedIn card: public section first, then connected insights, suggestions and connecting as allowed. */
function CardView({ state, actions, revealed }: ReadyProps): JSX.Element | null {
  const { selected, personDecision } = state;
  if (!selected || !personDecision) return null;
  return (
    <>
      <PublicSection person={selected} state={state.publicState} onRetry={() => actions.retry('public')} />
      <Suspense fallback={null}>
        {state.connectedState.status !== 'idle' && (
          <ConnectedSection
            state={state.connectedState}
            profileUrl={state.publicState.status === 'match' ? state.publicState.profile.profileUrl : undefined}
            onRetry={() => actions.retry('connected')}
            onReconnect={reconnectOf({ state, actions })}
          />
        )}
        {revealed && state.shown?.offers.outbound && (
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

/** The device option, what is kept, and the connection. */
function PaneSettings({ state, actions }: Pick<ReadyProps, 'state' | 'actions'>): JSX.Element {
  return (
    <Suspense fallback={null}>
      <Divider />
      <SettingsSection
        option={state.viewerDecision.userOption}
        cachedPeople={state.cachedPeople}
        keptInPaneOnly={state.keptInPaneOnly}
        onOptionChange={actions.setShowLinkedInFeatures}
        onClearCache={actions.clearCache}
      >
        <ConnectionSettings view={state.connectionView} onDisconnect={actions.connection.disconnect} />
        <AdminDetails viewer={state.viewer} onCopy={actions.copyText} />
      </SettingsSection>
    </Suspense>
  );
}
