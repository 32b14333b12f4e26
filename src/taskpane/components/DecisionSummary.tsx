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
export function DecisionSummary({ shown }: { shown: ShownDecision }): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const decision = shown;
  const { hasConnection } = shown;
  const rows: [string, boolean][] = [
    [pane.can.showPublic, decision.level !== 'none'],
    [pane.can.showConnected, decision.level === 'connected'],
    ...(hasConnection ? [] : [[pane.can.connect, shown.offers.connect] as [string, boolean]]),
    ...(hasConnection ? [[pane.can.disconnect, true] as [string, boolean]] : []),
    [pane.can.outbound, shown.offers.outbound],
  ];
  return (
    <section className={styles.root} aria-label={pane.levelLabel[decision.level]} data-level={decision.level}>
      <Badge
        appearance="tint"
        shape="rounded"
        color={decision.level === 'none' ? 'danger' : decision.level === 'connected' ? 'success' : 'brand'}
      >
        {pane.levelLabel[decision.level]}
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
