import { Badge, Button, makeStyles, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import type { PublicState, TodayPerson } from '../../app/vocabulary';
import { PersonRow } from '../components/PersonRow';
import { useStrings } from '../i18n/hooks';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  row: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    minWidth: 0,
    boxSizing: 'border-box',
    justifyContent: 'space-between',
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInline: tokens.spacingHorizontalXS,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    '& .fui-Persona': { minWidth: 0 },
    '& .fui-Persona__primaryText, & .fui-Persona__secondaryText': { overflowWrap: 'anywhere' },
  },
});

/** The one line under a person's name in Today: their LinkedIn headline once looked up, their address otherwise. */
function detailOf(person: TodayPerson, profile: PublicState): { detail: string; photoUrl?: string } {
  if (profile.status !== 'match') return { detail: person.address };
  const { headline, currentPosition, photoUrl } = profile.profile;
  const detail = headline ?? (currentPosition ? `${currentPosition.title} · ${currentPosition.company}` : person.address);
  return photoUrl ? { detail, photoUrl } : { detail };
}

/**
 * The people on one meeting: each the same row as the switcher's, opening their full card. One stop in the tab order
 * for the whole list (arrow keys move within it), so a day of meetings is not dozens of tabs.
 */
export function TodayPeople(props: {
  people: readonly TodayPerson[];
  label: string;
  profileOf: (address: string) => PublicState;
  onOpen: (person: TodayPerson) => void;
}): JSX.Element {
  const styles = useStyles();
  const { today } = useStrings();
  const arrows = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  return (
    <ul className={styles.list} aria-label={props.label} {...arrows}>
      {props.people.map((person) => {
        const profile = props.profileOf(person.address);
        const { detail, photoUrl } = detailOf(person, profile);
        return (
          <li key={person.address}>
            <Button
              appearance="transparent"
              className={styles.row}
              data-today-person={person.address}
              data-state={profile.status}
              onClick={() => props.onOpen(person)}
            >
              <PersonRow name={person.displayName} detail={detail} {...(photoUrl ? { photoUrl } : {})} />
              {person.external && (
                <Badge appearance="outline" size="small" color="informative">
                  {today.external}
                </Badge>
              )}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
