import { Divider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Persona, Text, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { PaneActions, PaneState } from '../../app/paneState';
import { PaneStarting } from '../PaneFrame';
import { useStrings } from '../i18n/hooks';
import { initialsOf } from '../initials';
import { PublicSection } from '../card/PublicSection';
import { PeopleSwitcher } from './PeopleSwitcher';
import {
  ConnectedSection,
  ConnectionNoticeBar,
  ConnectionSettings,
  ConnectPanel,
  DecisionSummary,
  SettingsSection,
  SuggestionsSection,
} from './secondarySections';
import { useRevealAfterCard } from './useRevealAfterCard';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/**
 * Whether the card shows what it will show (a profile, "no match", an error, or no lookup at all) rather than waiting
 * for LinkedIn's answer; null while the pane is starting.
 */
function cardSettled(state: PaneState): boolean | null {
  if (state.phase !== 'ready') return state.phase === 'starting' ? null : true;
  if (!state.selected || state.viewerDecision.level === 'none') return true;
  return state.publicState.status !== 'idle' && state.publicState.status !== 'loading';
}

/**
 * The pane for each phase: starting, a policy file that can't be trusted, or the people and their decisions. The
 * card comes first; what is below it (reasons, connecting, settings) is shown once the card is painted.
 */
export function PaneBody({ state, actions }: { state: PaneState; actions: PaneActions }): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const revealed = useRevealAfterCard(cardSettled(state));
  // One step, when the rules allow connecting and a sign-in dialog exists: sign in again with the saved choice.
  const reconnect = state.phase === 'ready' && state.canReconnect ? actions.connection.reconnect : undefined;
  switch (state.phase) {
    case 'starting':
      return <PaneStarting />;
    case 'policyInvalid':
      return (
        <MessageBar intent="error" layout="multiline" role="alert" data-state="policy-invalid">
          <MessageBarBody>
            <MessageBarTitle>{pane.policyInvalidTitle}</MessageBarTitle> {pane.policyInvalidField(state.field, state.problem)}
          </MessageBarBody>
        </MessageBar>
      );
    case 'policyUnreachable':
      return (
        <MessageBar intent="error" layout="multiline" role="alert" data-state="policy-unreachable">
          <MessageBarBody>
            <MessageBarTitle>{pane.policyUnreachableTitle}</MessageBarTitle> {pane.policyUnreachableBody(state.errorKind)}
          </MessageBarBody>
        </MessageBar>
      );
    case 'ready':
      return (
        <div className={styles.stack}>
          {(revealed || state.connection.notice) && (
            <Suspense fallback={null}>
              <ConnectionNoticeBar notice={state.connection.notice} onReconnect={reconnect} />
            </Suspense>
          )}
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
              {state.selected && state.personDecision && (
                <section
                  className={styles.stack}
                  aria-live="polite"
                  aria-label={state.selected.displayName}
                  data-person={state.selected.address}
                  data-level={state.personDecision.level}
                >
                  {state.viewerDecision.level === 'none' ? (
                    <Persona
                      size="large"
                      name={state.selected.displayName}
                      secondaryText={state.selected.address}
                      tertiaryText={pane.role[state.selected.role]}
                      avatar={{ color: 'colorful', initials: initialsOf(state.selected.displayName) }}
                    />
                  ) : (
                    <>
                      <PublicSection person={state.selected} state={state.publicState} onRetry={() => actions.retry('public')} />
                      <Suspense fallback={null}>
                        {state.connectedState.status !== 'idle' && (
                          <ConnectedSection
                            state={state.connectedState}
                            profileUrl={state.publicState.status === 'match' ? state.publicState.profile.profileUrl : undefined}
                            onRetry={() => actions.retry('connected')}
                            onReconnect={reconnect}
                          />
                        )}
                        {revealed && state.viewerDecision.outboundSharing && state.personDecision.level === 'connected' && (
                          <SuggestionsSection state={state.suggestions} onRequest={actions.requestSuggestions} />
                        )}
                        {revealed && state.viewerDecision.canConnect && state.signInAvailable && (
                          <ConnectPanel busy={state.connection.busy === 'connecting'} onConnect={actions.connection.connect} />
                        )}
                      </Suspense>
                    </>
                  )}
                  {revealed && (
                    <Suspense fallback={null}>
                      <DecisionSummary decision={state.personDecision} />
                    </Suspense>
                  )}
                </section>
              )}
            </>
          )}
          {revealed && (
            <Suspense fallback={null}>
              <Divider />
              <SettingsSection
                option={state.viewerDecision.userOption}
                cachedPeople={state.cachedPeople}
                onOptionChange={actions.setShowLinkedInFeatures}
                onClearCache={actions.clearCache}
              >
                <ConnectionSettings
                  state={state.connection}
                  // A saved connection can always be removed, even while the service can't confirm it (consent unknown).
                  canDisconnect={state.viewerDecision.canDisconnect || state.connection.record !== null}
                  onDisconnect={actions.connection.disconnect}
                />
              </SettingsSection>
            </Suspense>
          )}
        </div>
      );
  }
}
