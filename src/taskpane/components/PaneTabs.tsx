import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';
import type { PaneViewName } from '../../app/today/useTodayView';
import { useStrings } from '../i18n/hooks';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    position: 'relative',
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    border: 'none',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    marginBlockEnd: `calc(-1 * ${tokens.strokeWidthThin})`,
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    '@media (forced-colors: active)': { borderBottomColor: 'Highlight' },
  },
});

const VIEWS: readonly PaneViewName[] = ['item', 'today'];

/**
 * The pane's two tabs — the selected item's people, Today — as the ARIA tabs pattern has them: one stop in the tab order
 * (the selected tab), arrow keys, Home and End move between them and select (automatic activation).
 */
export function PaneTabs(props: { view: PaneViewName; onShow: (view: PaneViewName) => void }): JSX.Element {
  const styles = useStyles();
  const { today } = useStrings();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const labels: Record<PaneViewName, string> = { item: today.tabItem, today: today.tabToday };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? VIEWS.length - 1
          : step === undefined
            ? undefined
            : (index + step + VIEWS.length) % VIEWS.length;
    if (next === undefined) return;
    event.preventDefault();
    props.onShow(VIEWS[next] ?? 'item');
    tabs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={today.tabsLabel} className={styles.list}>
      {VIEWS.map((view, index) => (
        <button
          key={view}
          ref={(element) => {
            tabs.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`pane-tab-${view}`}
          aria-selected={props.view === view}
          aria-controls="pane-tabpanel"
          tabIndex={props.view === view ? 0 : -1}
          className={mergeClasses(styles.tab, props.view === view && styles.selected)}
          onClick={() => props.onShow(view)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {labels[view]}
        </button>
      ))}
    </div>
  );
}
