import { Button, makeStyles, mergeClasses, SearchBox, Text, tokens } from '@fluentui/react-components';
import { memo, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { ItemPerson } from '../../office/types';
import { useStrings } from '../i18n/hooks';
import { PersonRow } from '../person/PersonRow';

/** People rendered at a time; more on request, so a 500-recipient mail paints instantly. */
export const SWITCHER_PAGE_SIZE = 20;
/** How long typing in the filter must pause before the people it shows are looked up. */
export const FILTER_SETTLE_MS = 300;

/** The person's name and role · address inside an option. */
const PERSONA_TEXT = '& .fui-Persona__primaryText, & .fui-Persona__secondaryText';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    maxHeight: '220px',
    overflowY: 'auto',
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  option: {
    display: 'flex',
    justifyContent: 'flex-start',
    width: '100%',
    boxSizing: 'border-box',
    minWidth: 0,
    paddingBlock: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    // A bar marks the person shown; it stays visible where forced colors drop the background (high contrast).
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: 'transparent',
    '@media (forced-colors: active)': { borderInlineStartColor: 'Canvas' },
    cursor: 'pointer',
    // The text takes the colour made for its background (high contrast hovers and selects in cyan: black text on it).
    ':hover': {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      [PERSONA_TEXT]: { color: tokens.colorNeutralForeground1Hover },
    },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  filter: { width: '100%', maxWidth: 'none', marginBlockEnd: tokens.spacingVerticalXS },
  count: { display: 'block', color: tokens.colorNeutralForeground3, marginBlockEnd: tokens.spacingVerticalXXS },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    [PERSONA_TEXT]: { color: tokens.colorNeutralForeground1Selected },
    ':hover': {
      backgroundColor: tokens.colorNeutralBackground1Selected,
      [PERSONA_TEXT]: { color: tokens.colorNeutralForeground1Selected },
    },
    borderInlineStartColor: tokens.colorCompoundBrandStroke,
    '@media (forced-colors: active)': { borderInlineStartColor: 'Highlight' },
  },
});

/** People whose name or address contains the query (case and accents ignored). */
export function filterPeople(people: readonly ItemPerson[], query: string): readonly ItemPerson[] {
  const needle = fold(query.trim());
  if (!needle) return people;
  return people.filter((person) => fold(person.displayName).includes(needle) || fold(person.address).includes(needle));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface SwitcherProps {
  people: readonly ItemPerson[];
  selectedAddress: string | null;
  onSelect: (address: string) => void;
  /** Told which people are on screen, so only they are looked up. */
  onVisibleChange: (addresses: readonly string[]) => void;
}

/**
 * Everyone on the item, 20 at a time, with the total; on a big item, a filter that finds anyone by name or address
 * among all of them. Only the people shown are reported (and so looked up): filtering shows at most 20 at a time too.
 * Arrow keys, Home and End move between the people shown.
 * Drawn again only when what it shows changes: a card's answer (a new pane state, with the same people in a new list)
 * re-renders the card alone, not 20 (or 500) people.
 */
export const PeopleSwitcher = memo(Switcher, sameSwitcher);

/** The same people (Outlook's own entries, in the same order), the same one chosen, the same handlers. */
function sameSwitcher(before: SwitcherProps, after: SwitcherProps): boolean {
  return (
    before.selectedAddress === after.selectedAddress &&
    before.onSelect === after.onSelect &&
    before.onVisibleChange === after.onVisibleChange &&
    before.people.length === after.people.length &&
    before.people.every((person, index) => person === after.people[index])
  );
}

function Switcher(props: SwitcherProps): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const [shown, setShown] = useState(SWITCHER_PAGE_SIZE);
  const [query, setQuery] = useState('');
  const { people, onVisibleChange } = props;
  const matches = useMemo(() => filterPeople(people, query), [people, query]);
  const visible = useMemo(() => matches.slice(0, shown), [matches, shown]);
  const remaining = matches.length - visible.length;
  const big = people.length > SWITCHER_PAGE_SIZE;
  const filtering = query.trim() !== '';
  useReportVisible(visible, onVisibleChange, filtering);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number): void => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: visible.length - 1 };
    const next = moves[event.key];
    if (next === undefined || next < 0 || next >= visible.length) return;
    event.preventDefault();
    const list = event.currentTarget.parentElement;
    const target = list?.children[next]?.firstElementChild as HTMLElement | null | undefined;
    target?.focus();
  };

  return (
    <nav aria-label={pane.peopleLabel}>
      {big && (
        <SearchBox
          size="small"
          className={styles.filter}
          placeholder={pane.filterPeople}
          aria-label={pane.filterPeople}
          value={query}
          onChange={(_, data) => {
            setQuery(data.value);
            setShown(SWITCHER_PAGE_SIZE);
          }}
        />
      )}
      {big && <SwitcherCount query={query.trim()} shown={visible.length} matches={matches.length} total={people.length} />}
      <div role="listbox" aria-label={pane.peopleLabel} className={styles.list}>
        {visible.map((person, index) => {
          const selected = person.address.toLowerCase() === props.selectedAddress?.toLowerCase();
          const selectedShown = visible.some((p) => p.address.toLowerCase() === props.selectedAddress?.toLowerCase());
          return (
            <div key={person.address} role="presentation" onKeyDown={(e) => onKeyDown(e, index)}>
              <PersonOption
                person={person}
                selected={selected}
                focusable={selected || (!selectedShown && index === 0)}
                onSelect={props.onSelect}
              />
            </div>
          );
        })}
      </div>
      {remaining > 0 && (
        <Button appearance="transparent" size="small" onClick={() => setShown((n) => n + SWITCHER_PAGE_SIZE)}>
          {pane.showMore(Math.min(remaining, SWITCHER_PAGE_SIZE))}
        </Button>
      )}
    </nav>
  );
}

/** Reports the people on screen; while the user types, only those shown once typing pauses (not every keystroke's). */
function useReportVisible(
  visible: readonly ItemPerson[],
  onVisibleChange: (addresses: readonly string[]) => void,
  filtering: boolean,
): void {
  useEffect(() => {
    const addresses = visible.map((person) => person.address);
    if (!filtering) {
      onVisibleChange(addresses);
      return undefined;
    }
    const timer = setTimeout(() => onVisibleChange(addresses), FILTER_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [visible, onVisibleChange, filtering]);
}

/** "20 of 500 people", or how many match the filter, announced politely as it changes. */
function SwitcherCount(props: { query: string; shown: number; matches: number; total: number }): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const { query, shown, matches, total } = props;
  return (
    <Text size={200} className={styles.count} aria-live="polite" data-shown={shown} data-total={matches}>
      {query && matches === 0
        ? pane.noPersonMatches(query)
        : query
          ? pane.shownOfMatches(shown, matches, total)
          : pane.shownOf(shown, total)}
    </Text>
  );
}

/** One person in the switcher: an option chosen by click, Enter or Space; only one option is in the tab order. */
function PersonOption(props: {
  person: ItemPerson;
  selected: boolean;
  focusable: boolean;
  onSelect: (address: string) => void;
}): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const { person } = props;
  return (
    <div
      role="option"
      aria-selected={props.selected}
      tabIndex={props.focusable ? 0 : -1}
      className={mergeClasses(styles.option, props.selected && styles.selected)}
      onClick={() => props.onSelect(person.address)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          props.onSelect(person.address);
        }
      }}
    >
      <PersonRow name={person.displayName} detail={`${pane.role[person.role]} · ${person.address}`} />
    </div>
  );
}
