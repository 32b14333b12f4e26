import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AccessDecision } from '../../policy';
import { paneStrings } from '../strings';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  meta: { display: 'block', color: tokens.colorNeutralForeground3 },
});

type Reason = AccessDecision['reasons'][number] & { where?: string };

/** The decision's reasons, verbatim, each with who can change it and where. */
export function ReasonList({ reasons }: { reasons: readonly Reason[] }): JSX.Element | null {
  const styles = useStyles();
  if (reasons.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={paneStrings.whyTitle}>
      {reasons.map((reason) => (
        <li key={reason.code} data-reason={reason.code}>
          <Text>{reason.message}</Text>
          <Text size={200} className={styles.meta}>
            {paneStrings.changeableBy[reason.changeableBy]}
            {reason.where ? `. ${paneStrings.where(reason.where)}` : ''}
          </Text>
        </li>
      ))}
    </ul>
  );
}
