import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { capabilitiesOf, type Showing } from '../../app/pane/capabilities';
import type { ShownDecision } from '../../app/pane/connectionView';
import { useStrings } from '../i18n/hooks';
import { ReasonList } from '../card/ReasonList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { fontWeight: tokens.fontWeightSemibold, marginBlockStart: tokens.spacingVerticalS },
  // Fluent's badge is one line high: a label longer than the pane is wide wraps inside it instead of spilling out.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'center', paddingBlock: tokens.spacingVerticalXXS },
  table: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

/**
 * What the add-in shows and may do for the person shown, and every reason that limited it — as the pane shows it
 * (ShownDecision): the badge, the reasons and the actions listed agree with the connection and with each other.
 * Connecting is listed only without a connection, disconnecting only with one; each capability says, in the user's
 * terms, whether it is allowed, what would allow it, or who holds it back (capabilities.ts).
 */
export function DecisionSummary({ shown, showing }: { shown: ShownDecision; showing: Showing }): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const decision = shown;
  // The badge says what is shown: never "Public LinkedIn information" over a card that shows none (an error, no
  // match, can't be looked up), nor connected insights that are not on screen, whatever the rules allow.
  const badge = showing === 'outlookOnly' ? pane.nothingShown : pane.levelLabel[showing];
  return (
    <section className={styles.root} aria-label={badge} data-level={decision.level}>
      <Badge appearance="tint" shape="rounded" color={BADGE_COLOR[showing]} className={styles.badge} data-shown={showing}>
        {badge}
      </Badge>
      {(decision.reasons.length > 0 || shown.connectionLimit) && (
        <>
          <Text as="h3" size={300} className={styles.heading}>
            {pane.whyTitle}
          </Text>
          {shown.connectionLimit && (
            <Text data-connection-limit={shown.connectionLimit}>{pane.connectionLimit[shown.connectionLimit]}</Text>
          )}
          <ReasonList reasons={decision.reasons} />
        </>
      )}
      <details>
        <summary>
          <Text size={200}>{pane.whatTitle}</Text>
        </summary>
        <div className={styles.table}>
          {capabilitiesOf(shown).map(({ capability, status }) => (
            <Fragment key={capability}>
              <Text size={200}>{pane.can[capability]}</Text>
              <Text size={200} weight="semibold" data-allowed={status === 'allowed'} data-status={status}>
                {pane.capability[status]}
              </Text>
            </Fragment>
          ))}
        </div>
      </details>
    </section>
  );
}

const BADGE_COLOR = { none: 'danger', outlookOnly: 'informative', public: 'brand', connected: 'success' } as const satisfies Record<
  Showing,
  string
>;
