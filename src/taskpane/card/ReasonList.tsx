import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AccessDecision } from '../../policy';
import { useStrings } from '../i18n/hooks';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  meta: { display: 'block', color: tokens.colorNeutralForeground3 },
});

type Reason = AccessDecision['reasons'][number] & { where?: string };

/**
 * The decision's reasons, each with who can change it and where. The policy engine says them in English; the pane says
 * them in its language, by reason code (in English, the engine's sentences verbatim).
 */
export function ReasonList({ reasons }: { reasons: readonly Reason[] }): JSX.Element | null {
  const styles = useStyles();
  const { pane, reasons: texts } = useStrings();
  if (reasons.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={pane.whyTitle}>
      {reasons.map((reason) => {
        const text = texts[reason.code] ?? reason;
        return (
          <li key={reason.code} data-reason={reason.code}>
            <Text>{text.message}</Text>
            <Text size={200} className={styles.meta}>
              {pane.changeableBy[reason.changeableBy]}
              {text.where ? `. ${pane.where(text.where)}` : ''}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
