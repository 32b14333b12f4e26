import { Avatar, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PublicState } from '../../app/profileLoader';
import type { ItemPerson } from '../../app/vocabulary';
import { useStrings } from '../i18n/hooks';
import { initialsOf } from '../initials';
import { SectionFrame } from './SectionFrame';

const useStyles = makeStyles({
  root: { display: 'flex', columnGap: tokens.spacingHorizontalM, alignItems: 'flex-start', minWidth: 0 },
  text: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Photo, name, headline, current position, location and "View on LinkedIn" — or the state that replaces them. */
export function PublicSection(props: { person: ItemPerson; state: PublicState; onRetry: () => void }): JSX.Element {
  const styles = useStyles();
  const { card } = useStrings();
  const { state, person } = props;
  switch (state.status) {
    case 'idle':
    case 'loading':
      // Who Outlook says it is, in the card's place, while LinkedIn answers: the profile then takes the same place.
      // (Plain and still: an animated skeleton cost the cold start more than the card itself.)
      return (
        <SectionFrame
          view={{
            show: 'loading',
            placeholder: (
              <div className={styles.root} data-state="loading" aria-busy="true">
                <Avatar size={56} name={person.displayName} initials={initialsOf(person.displayName)} color="colorful" />
                <div className={styles.text}>
                  <Text size={400} weight="semibold">
                    {person.displayName}
                  </Text>
                  <Text className={styles.muted}>{card.loading}</Text>
                </div>
              </div>
            ),
          }}
        />
      );
    case 'noMatch':
      return <SectionFrame view={{ show: 'empty', text: card.noMatch(person.address), dataState: 'no-match' }} />;
    case 'unavailable':
      // Not a no-match: the service's source can't answer for this address, and nothing is made up in its place.
      return <SectionFrame view={{ show: 'empty', text: card.unavailable, dataState: 'unavailable' }} />;
    case 'hidden':
      // The decision's member-hidden reason says it (verbatim, with who can change it); nothing else is shown.
      return <span data-state="member-hidden" hidden />;
    case 'error':
      return (
        <SectionFrame
          view={{
            show: 'error',
            error: { kind: state.kind, retryAfterSeconds: state.retryAfterSeconds, reason: state.reason, onRetry: props.onRetry },
          }}
        />
      );
    case 'match': {
      const { profile } = state;
      return (
        <div className={styles.root} data-state="public-card">
          <Avatar
            size={56}
            name={profile.name}
            initials={initialsOf(profile.name)}
            image={profile.photoUrl ? { src: profile.photoUrl, alt: '' } : undefined}
            color="colorful"
          />
          <div className={styles.text}>
            <Text size={400} weight="semibold">
              {profile.name}
            </Text>
            {profile.headline && <Text>{profile.headline}</Text>}
            {profile.currentPosition && (
              <Text className={styles.muted}>
                {profile.currentPosition.title} · {profile.currentPosition.company}
              </Text>
            )}
            {profile.location && <Text className={styles.muted}>{profile.location}</Text>}
            {profile.profileUrl && (
              <Link href={profile.profileUrl} target="_blank" rel="noopener noreferrer">
                {card.viewOnLinkedIn}
              </Link>
            )}
          </div>
        </div>
      );
    }
  }
}
