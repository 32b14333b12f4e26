import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { describeReason } from '../../policy';
import type { RefusalReason } from '../../contract/errors';
import { useStrings } from '../i18n/hooks';

const useStyles = makeStyles({ meta: { display: 'block', color: tokens.colorNeutralForeground3 } });

/**
 * Why the LinkedIn card service refused (its 403 names the rule): the reason in the user's language, who can change it
 * and where — as the pane says the reasons of its own decisions, so a refusal by the service never reads as a mystery.
 */
export function RefusalText({ reason }: { reason: RefusalReason }): JSX.Element {
  const styles = useStyles();
  const { pane, card, reasons } = useStrings();
  const policyFile = reason === 'policy-file-invalid' || reason === 'policy-file-unreadable';
  const text = policyFile ? card.refusedByPolicyFile[reason] : reasons[reason];
  const changeableBy = policyFile ? 'admin' : describeReason(reason).changeableBy;
  return (
    <span data-refusal={reason}>
      {card.refusedBy} {text.message}
      <Text size={200} className={styles.meta}>
        {pane.changeableBy[changeableBy]}
        {text.where ? `. ${pane.where(text.where)}` : ''}
      </Text>
    </span>
  );
}
