import { Button, makeStyles, mergeClasses, Persona, tokens } from '@fluentui/react-components';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ItemPerson } from '../../app/vocabulary';
import { useStrings } from '../i18n/hooks';

/** People rendered at a time; more on request, so a 500-recipient mail paints instantly. */
export const SWITCHER_PAGE_SIZE = 20;

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
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderInlineStartColor: tokens.colorCompoundBrandStroke,
    '@media (forced-colors: active)': { borderInlineStartColor: 'Highlight' },
  },
});

export function PeopleSwitcher(props: {
  people: readonly ItemPerson[];
  selectedAddress: string | null;
  onSelect: (address: string) => void;
  /** Told which people are on screen, so only they are looked up. */
  onVisibleChange: (addresses: readonly string[]) => void;
}): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const [shown, setShown] = useState(SWITCHER_PAGE_SIZE);
  const visible = props.people.slice(0, shown);
  const remaining = props.people.length - visible.length;
  const { people, onVisibleChange } = props;
  useEffect(() => {
    onVisibleChange(people.slice(0, shown).map((person) => person.address));
  }, [people, shown, onVisibleChange]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number): void => {
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : -1;
    if (next < 0 || next >= visible.length) return;
    event.preventDefault();
    const target = event.currentTarget.parentElement?.children[next]?.firstElementChild as HTMLElement | null | undefined;
    target?.focus();
  };

  return (
    <nav aria-label={pane.peopleLabel}>
      <div role="listbox" aria-label={pane.peopleLabel} className={styles.list}>
        {visible.map((person, index) => {
          const selected = person.address.toLowerCase() === props.selectedAddress?.toLowerCase();
          return (
            <div key={person.address} role="presentation" onKeyDown={(e) => onKeyDown(e, index)}>
              <div
                role="option"
                aria-selected={selected}
                tabIndex={selected || (!props.selectedAddress && index === 0) ? 0 : -1}
                className={mergeClasses(styles.option, selected && styles.selected)}
                onClick={() => props.onSelect(person.address)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    props.onSelect(person.address);
                  }
                }}
              >
                <Persona
                  size="small"
                  name={person.displayName}
                  secondaryText={`${pane.role[person.role]} · ${person.address}`}
                  avatar={{ color: 'colorful' }}
                />
              </div>
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
