import { Avatar, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PublicState } from '../../app/profileLoader';
import type { ItemPerson } from '../../office/types';
import type { PublicProfile } from '../../contract/insights';
import { searchableName } from '../../app/linkedInSearch';
import { isolate } from '../i18n/format';
import { useStrings } from '../i18n/hooks';
import { useAvatarColour } from '../person/avatarColor';
import { initialsOf } from '../person/initials';
import { PersonHeader } from './PersonHeader';
import { SectionFrame } from './SectionFrame';

const useStyles = makeStyles({
  root: { display: 'flex', columnGap: tokens.spacingHorizontalM, alignItems: 'flex-start', minWidth: 0 },
  text: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  search: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, marginBlockStart: tokens.spacingVerticalS },
});

/**
 * The current position, saying only what the headline does not: nothing under "Partnerships lead at Fabrikam · B2B
 * SaaS" (it says both), "Fabrikam" under "Principal product designer", both under a headline that says neither.
 */
export function positionLine(headline: string | undefined, position: { title: string; company: string }): string | null {
  const said = (headline ?? '').toLocaleLowerCase();
  const hasTitle = said.includes(position.title.toLocaleLowerCase());
  const hasCompany = said.includes(position.company.toLocaleLowerCase());
  if (hasTitle && hasCompany) return null;
  if (hasTitle) return position.company;
  if (hasCompany) return position.title;
  return `${position.title} · ${position.company}`;
}

/**
 * Photo, name, headline, current position, location and "View on LinkedIn" — or, while LinkedIn answers or when it
 * shows nothing, the person as Outlook knows them with LinkedIn's state below.
 */
export function PublicSection(props: {
  person: ItemPerson;
  state: PublicState;
  onRetry: () => void;
  /** LinkedIn's people search for this person, where it is offered (null: not offered). */
  search?: string | null;
  /** Opens it through Office; false where the link opens it itself. */
  onOpenSearch?: (url: string) => boolean;
}): JSX.Element {
  const { card } = useStrings();
  const { state, person } = props;
  switch (state.status) {
    case 'idle':
    case 'loading':
      // Who Outlook says it is, in the card's place, while LinkedIn answers: the profile then takes the same place.
      // (Plain and still: an animated skeleton cost the cold start more than the card itself.)
      return (
        <PersonHeader person={person} state="loading" busy>
          <Muted text={card.loading} />
        </PersonHeader>
      );
    case 'noMatch':
    case 'unavailable': {
      // Unavailable is not a no-match: the service's source can't answer for this address, and nothing is made up in
      // its place. Either way, LinkedIn's own search where it is offered.
      const noMatch = state.status === 'noMatch';
      return (
        <PersonHeader person={person} state={noMatch ? 'no-match' : 'unavailable'}>
          <Muted text={noMatch ? card.noMatch : card.unavailable} />
          {props.search && <SearchLinkedIn url={props.search} person={person} onOpen={props.onOpenSearch} />}
        </PersonHeader>
      );
    }
    case 'hidden':
      // The decision's member-hidden reason says it (verbatim, with who can change it); nothing else is shown.
      return <span data-state="member-hidden" hidden />;
    case 'error':
      return (
        <PersonHeader person={person} state="public-error">
          <SectionFrame
            view={{
              show: 'error',
              error: { kind: state.kind, retryAfterSeconds: state.retryAfterSeconds, reason: state.reason, onRetry: props.onRetry },
            }}
          />
        </PersonHeader>
      );
    case 'match':
      return <ProfileCard profile={state.profile} />;
  }
}

/**
 * "Search LinkedIn for <name>": a link to LinkedIn's people search (a new tab where Office can't open the browser
 * itself), and what it does. Nothing is sent before the click; the name is the one Outlook gives, never the address.
 */
function SearchLinkedIn(props: { url: string; person: ItemPerson; onOpen?: (url: string) => boolean }): JSX.Element {
  const styles = useStyles();
  const { card } = useStrings();
  return (
    <div className={styles.search}>
      <Link
        href={props.url}
        target="_blank"
        rel="noopener noreferrer"
        data-action="search-linkedin"
        onClick={(event) => {
          if (props.onOpen?.(props.url)) event.preventDefault();
        }}
      >
        {card.searchLinkedIn(isolate(searchableName(props.person.displayName)))}
      </Link>
      <Text size={200} className={styles.muted}>
        {card.searchNote}
      </Text>
    </div>
  );
}

function Muted({ text }: { text: string }): JSX.Element {
  const styles = useStyles();
  return <Text className={styles.muted}>{text}</Text>;
}

function ProfileCard({ profile }: { profile: PublicProfile }): JSX.Element {
  const styles = useStyles();
  const { card } = useStrings();
  const colourOf = useAvatarColour();
  const position = profile.currentPosition && positionLine(profile.headline, profile.currentPosition);
  return (
    <div className={styles.root} data-state="public-card">
      <Avatar
        size={56}
        name={profile.name}
        initials={initialsOf(profile.name)}
        image={profile.photoUrl ? { src: profile.photoUrl, alt: '' } : undefined}
        className={colourOf(profile.name)}
      />
      <div className={styles.text}>
        <Text size={400} weight="semibold">
          {profile.name}
        </Text>
        {profile.headline && <Text>{profile.headline}</Text>}
        {position && (
          <Text className={styles.muted} data-position="">
            {position}
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
