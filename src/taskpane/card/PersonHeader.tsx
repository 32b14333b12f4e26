import { Avatar, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ItemPerson } from '../../office/types';
import { useStrings } from '../i18n/hooks';
import { useAvatarColour } from '../person/avatarColor';
import { initialsOf } from '../person/initials';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  who: { display: 'flex', columnGap: tokens.spacingHorizontalM, alignItems: 'flex-start', minWidth: 0 },
  text: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The person as Outlook knows them — initials, name, their part on the item and address — in the card's place
 * whenever LinkedIn shows nothing (loading, no profile, can't be looked up, an error, LinkedIn off): the user always
 * sees whom the card is about. What LinkedIn's state is (the message, the error) comes below it.
 */
export function PersonHeader(props: { person: ItemPerson; state: string; busy?: boolean; children?: ReactNode }): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const colourOf = useAvatarColour();
  const { person } = props;
  return (
    <div className={styles.root} data-state={props.state} aria-busy={props.busy || undefined}>
      <div className={styles.who}>
        <Avatar size={56} name={person.displayName} initials={initialsOf(person.displayName)} className={colourOf(person.displayName)} />
        <div className={styles.text}>
          <Text size={400} weight="semibold">
            {person.displayName}
          </Text>
          <Text className={styles.muted} data-outlook-knows="">
            {/* The address keeps its own direction in a right-to-left line (an isolate, as dir="auto" makes it). */}
            {pane.role[person.role]} · <span dir="auto">{person.address}</span>
          </Text>
        </div>
      </div>
      {props.children}
    </div>
  );
}
