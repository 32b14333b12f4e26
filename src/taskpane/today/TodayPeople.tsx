import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type KeyboardEvent } from 'react';
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
    '& .fui-Persona': { minWidth: 0, flexGrow: 1, flexShrink: 1 },
    '& .fui-Persona__primaryText, & .fui-Persona__secondaryText': { overflowWrap: 'anywhere' },
  },
  tag: { flexShrink: 0 },
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
  // The one row in the tab order: the last one focused (the first at first).
  const [current, setCurrent] = useState(0);
  const active = Math.min(current, props.people.length - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number): void => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: props.people.length - 1 };
    const next = moves[event.key];
    if (next === undefined || next < 0 || next >= props.people.length) return;
    event.preventDefault();
    setCurrent(next);
    const rows = event.currentTarget.closest('ul')?.querySelectorAll<HTMLElement>('[data-today-person]');
    rows?.[next]?.focus();
  };
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.people.map((person, index) => {
        const profile = props.profileOf(person.address);
        const { detail, photoUrl } = detailOf(person, profile);
        return (
          <li key={person.address}>
            <Button
              appearance="transparent"
              className={styles.row}
              data-today-person={person.address}
              data-state={profile.status}
              tabIndex={index === active ? 0 : -1}
              onFocus={() => setCurrent(index)}
              onKeyDown={(event) => onKeyDown(event, index)}
              onClick={() => props.onOpen(person)}
            >
              <PersonRow name={person.displayName} detail={detail} {...(photoUrl ? { photoUrl } : {})} />
              {person.external && (
                <Badge appearance="outline" size="small" color="informative" className={styles.tag}>
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
