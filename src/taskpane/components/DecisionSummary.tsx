import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ShownDecision } from '../../app/pane/connectionView';
import { useStrings } from '../i18n/hooks';
import { ReasonList } from './ReasonList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { fontWeight: tokens.fontWeightSemibold, marginBlockStart: tokens.spacingVerticalS },
  table: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

/**
 * What the add-in shows and may do for the person shown, and every reason that limited it — as the pane shows it
 * (ShownDecision): the badge, the reasons and the actions listed agree with the connection and with each other.
 * Connecting is listed only without a connection, disconnecting only with one.
 */
export function DecisionSummary({ shown, nothingShown = false }: { shown: ShownDecision; nothingShown?: boolean }): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const decision = shown;
  const { hasConnection } = shown;
  // The badge says what is shown: never "Public LinkedIn information" over a card that shows none (an error, no
  // match, can't be looked up), whatever the rules allow.
  const badge = nothingShown && decision.level !== 'none' ? pane.nothingShown : pane.levelLabel[decision.level];
  const rows: [string, boolean][] = [
    [pane.can.showPublic, decision.level !== 'none'],
    [pane.can.showConnected, decision.level === 'connected'],
    ...(hasConnection ? [] : [[pane.can.connect, shown.offers.connect] as [string, boolean]]),
    ...(hasConnection ? [[pane.can.disconnect, true] as [string, boolean]] : []),
    [pane.can.outbound, shown.offers.outbound],
  ];
  return (
    <section className={styles.root} aria-label={badge} data-level={decision.level}>
      <Badge
        appearance="tint"
        shape="rounded"
        color={
          decision.level === 'none'
            ? 'danger'
            : badge !== pane.levelLabel[decision.level]
              ? 'informative'
              : decision.level === 'connected'
                ? 'success'
                : 'brand'
        }
        data-shown={badge === pane.levelLabel[decision.level] ? decision.level : 'nothing'}
      >
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
          {rows.map(([label, allowed]) => (
            <RowPair key={label} label={label} allowed={allowed} />
          ))}
        </div>
      </details>
    </section>
  );
}

function RowPair({ label, allowed }: { label: string; allowed: boolean }): JSX.Element {
  const { pane } = useStrings();
  return (
    <>
      <Text size={200}>{label}</Text>
      <Text size={200} weight="semibold" data-allowed={allowed}>
        {allowed ? pane.allowed : pane.notAllowed}
      </Text>
    </>
  );
}
