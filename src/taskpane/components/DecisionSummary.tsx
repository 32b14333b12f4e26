import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AccessDecision } from '../../policy';
import { paneStrings } from '../strings';
import { ReasonList } from './ReasonList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { fontWeight: tokens.fontWeightSemibold, marginBlockStart: tokens.spacingVerticalS },
  table: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

/** What the add-in may show and do for the person shown, and every reason that limited it. */
export function DecisionSummary({ decision }: { decision: AccessDecision }): JSX.Element {
  const styles = useStyles();
  const rows: [string, boolean][] = [
    [paneStrings.can.showPublic, decision.level !== 'none'],
    [paneStrings.can.showConnected, decision.level === 'connected'],
    [paneStrings.can.connect, decision.canConnect],
    [paneStrings.can.disconnect, decision.canDisconnect],
    [paneStrings.can.outbound, decision.outboundSharing],
  ];
  return (
    <section className={styles.root} aria-label={paneStrings.levelLabel[decision.level]} data-level={decision.level}>
      <Badge
        appearance="tint"
        shape="rounded"
        color={decision.level === 'none' ? 'danger' : decision.level === 'connected' ? 'success' : 'brand'}
      >
        {paneStrings.levelLabel[decision.level]}
      </Badge>
      {decision.reasons.length > 0 && (
        <>
          <Text as="h3" size={300} className={styles.heading}>
            {paneStrings.whyTitle}
          </Text>
          <ReasonList reasons={decision.reasons} />
        </>
      )}
      <details>
        <summary>
          <Text size={200}>{paneStrings.whatTitle}</Text>
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
  return (
    <>
      <Text size={200}>{label}</Text>
      <Text size={200} weight="semibold" data-allowed={allowed}>
        {allowed ? paneStrings.allowed : paneStrings.notAllowed}
      </Text>
    </>
  );
}
