import { Divider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { AccessDecision } from '../../policy';
import type { ConnectionView } from '../../app/pane/connectionView';
import type { KeptAndDetails, PeopleShown, PolicyProblemPane } from '../../app/pane/paneState';
import type { PaneActions } from '../../app/pane/usePane';
import { PersonHeader } from '../card/PersonHeader';
import { useStrings } from '../i18n/hooks';
import { ItemPeople } from './ItemPeople';
import { AdminDetails, ConnectionNoticeBar, ConnectionSettings, SettingsSection } from './secondarySections';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/**
 * A policy file the pane cannot trust: nothing of LinkedIn is shown and nothing is asked of it, and the pane says why
 * (the field at fault, in the user's language) — but the people on the item are still there as Outlook knows them,
 * and so are Settings: what was kept can be cleared, a connection that exists can be removed, and the details can be
 * copied for the admin, who is the one to fix the file.
 */
export function PolicyProblem({ pane, actions }: { pane: PolicyProblemPane; actions: PaneActions }): JSX.Element {
  const styles = useStyles();
  const strings = useStrings();
  const [title, body] =
    pane.phase === 'policyInvalid'
      ? [strings.pane.policyInvalidTitle, strings.pane.policyInvalidField(pane.problem.field, strings.policyIssue(pane.problem.issue))]
      : [strings.pane.policyUnreachableTitle, strings.pane.policyUnreachableBody(pane.errorKind)];
  return (
    <div className={styles.stack}>
      <MessageBar
        intent="error"
        layout="multiline"
        role="alert"
        data-state={pane.phase === 'policyInvalid' ? 'policy-invalid' : 'policy-unreachable'}
      >
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle> {body}
        </MessageBarBody>
      </MessageBar>
      <PeopleAsOutlookKnowsThem shown={pane} actions={actions} />
      <Suspense fallback={null}>
        <ConnectionNoticeBar notice={pane.connection.notice} showsCards={false} />
      </Suspense>
      <PaneSettings state={pane} actions={actions} />
    </div>
  );
}

/** The switcher and the person chosen, with nothing of LinkedIn. */
function PeopleAsOutlookKnowsThem({ shown, actions }: { shown: PeopleShown; actions: PaneActions }): JSX.Element {
  return (
    <ItemPeople shown={shown} actions={actions}>
      {shown.selected && (
        <section aria-live="polite" aria-label={shown.selected.displayName} data-person={shown.selected.address} data-level="none">
          <PersonHeader person={shown.selected} state="outlook-only" />
        </section>
      )}
    </ItemPeople>
  );
}

/**
 * Settings: the device option (where the rules were read), what is kept and Clear, the connection with Disconnect,
 * and Copy details for your admin.
 */
export function PaneSettings(props: {
  state: KeptAndDetails & { connectionView: ConnectionView };
  actions: PaneActions;
  option?: AccessDecision['userOption'];
}): JSX.Element {
  const { state, actions } = props;
  return (
    <Suspense fallback={null}>
      <Divider />
      <SettingsSection
        option={props.option}
        cachedPeople={state.cachedPeople}
        cacheLimit={state.cacheLimit}
        keptInPaneOnly={state.keptInPaneOnly}
        onOptionChange={actions.setShowLinkedInFeatures}
        onClearCache={actions.clearCache}
      >
        <ConnectionSettings view={state.connectionView} onDisconnect={actions.connection.disconnect} />
        <AdminDetails subject={state.adminDetails} onCopy={actions.copyText} />
      </SettingsSection>
    </Suspense>
  );
}
