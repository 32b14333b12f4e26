import { Badge, Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type KeyboardEvent } from 'react';
import { searchableName } from '../../app/linkedInSearch';
import type { PublicState } from '../../app/profileLoader';
import type { TodayPerson } from '../../app/today/meetings';
import { PersonRow } from '../person/PersonRow';
import { isolate } from '../i18n/format';
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
  // Under the person's name: past the row's padding, a small Persona's 28 px avatar and the gap beside it.
  search: {
    display: 'block',
    width: 'fit-content',
    marginInlineStart: `calc(${tokens.spacingHorizontalXS} + 28px + ${tokens.spacingHorizontalS})`,
    fontSize: tokens.fontSizeBase200,
  },
});

/** The one line under a person's name in Today: their LinkedIn headline once looked up, their address otherwise. */
function detailOf(person: TodayPerson, profile: PublicState): { detail: string; photoUrl?: string } {
  if (profile.status !== 'match') return { detail: person.address };
  const { headline, currentPosition, photoUrl } = profile.profile;
  const detail = headline ?? (currentPosition ? `${currentPosition.title} · ${currentPosition.company}` : person.address);
  return photoUrl ? { detail, photoUrl } : { detail };
}

/** What a meeting's list does for a person: their public card, the search offered (if any), and opening either. */
export interface PeopleHandlers {
  profileOf: (address: string) => PublicState;
  /** LinkedIn's people search for the person, where offered (TodayPane.searchOf for this meeting). */
  searchOf: (person: TodayPerson) => string | null;
  onOpen: (person: TodayPerson) => void;
  /** Opens the search where Office can (true); otherwise the link opens it in a new tab. */
  onOpenSearch: (url: string) => boolean;
}

/**
 * One stop in the tab order for a list of `count` stops: the one focused last (the first at first); the arrow keys,
 * Home and End move between them. What to spread on stop number `at`.
 */
function useRovingStops(count: number) {
  const [current, setCurrent] = useState(0);
  const active = Math.min(current, count - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, at: number): void => {
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: count - 1 };
    const next = moves[event.key];
    if (next === undefined || next < 0 || next >= count) return;
    event.preventDefault();
    setCurrent(next);
    event.currentTarget.closest('ul')?.querySelectorAll<HTMLElement>('[data-today-stop]')[next]?.focus();
  };
  return (at: number) => ({
    'data-today-stop': '',
    tabIndex: at === active ? 0 : -1,
    onFocus: () => setCurrent(at),
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => onKeyDown(event, at),
  });
}

/**
 * The people on one meeting: each the same row as the switcher's, opening their full card, and under a person whose
 * card the service could not fill, "Search LinkedIn for <name>" as the card offers it (sends nothing until clicked).
 * One stop in the tab order for the whole list (arrow keys move through the rows and their searches), so a day of
 * meetings is not dozens of tabs.
 */
export function TodayPeople(props: { people: readonly TodayPerson[]; label: string; handlers: PeopleHandlers }): JSX.Element {
  const styles = useStyles();
  const { today, card } = useStrings();
  const { handlers } = props;
  const searches = props.people.map((person) => handlers.searchOf(person));
  // Each person's row is a stop, and the search under it (where offered) the next.
  const sizes = searches.map((search) => (search ? 2 : 1));
  const rowStops = sizes.map((_, index) => sizes.slice(0, index).reduce((sum, size) => sum + size, 0));
  const stop = useRovingStops(sizes.reduce((sum, size) => sum + size, 0));
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.people.map((person, index) => {
        const profile = handlers.profileOf(person.address);
        const { detail, photoUrl } = detailOf(person, profile);
        const url = searches[index];
        const rowAt = rowStops[index] ?? 0;
        return (
          <li key={person.address}>
            <Button
              appearance="transparent"
              className={styles.row}
              data-today-person={person.address}
              data-state={profile.status}
              {...stop(rowAt)}
              onClick={() => handlers.onOpen(person)}
            >
              <PersonRow name={person.displayName} detail={detail} {...(photoUrl ? { photoUrl } : {})} />
              {person.external && (
                <Badge appearance="outline" size="small" color="informative" className={styles.tag}>
                  {today.external}
                </Badge>
              )}
            </Button>
            {url && (
              <Link
                href={url}
                target="_blank"
                rel="noopener noreferrer"
                className={styles.search}
                data-action="search-linkedin"
                {...stop(rowAt + 1)}
                onClick={(event) => {
                  if (handlers.onOpenSearch(url)) event.preventDefault();
                }}
              >
                {card.searchLinkedIn(isolate(searchableName(person.displayName)))}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
