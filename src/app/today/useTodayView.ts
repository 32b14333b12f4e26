import { useCallback, useMemo, useReducer } from 'react';
import type { ItemSnapshot } from '../../office';
import type { TodayPerson } from './meetings';

/**
 * Which view the pane shows — the people on the selected item, or Today — and, in Today, the person opened and the
 * people on screen. The view follows the selection: a pane that opens (or is left) with no item selected shows Today;
 * selecting an item shows its people; the user can switch at any time with the tabs.
 */
export type PaneViewName = 'item' | 'today';

export interface TodayViewState {
  view: PaneViewName;
  /** The selection the view was last decided for (undefined: not read yet). */
  itemKey: string | null | undefined;
  /** The person opened from Today's list (their full card), or null for the list. */
  person: TodayPerson | null;
  /** The people Today's list shows (null: not reported yet): only they are looked up. */
  shown: readonly string[] | null;
}

export interface TodayViewActions {
  show: (view: PaneViewName) => void;
  openPerson: (person: TodayPerson | null) => void;
  setShown: (addresses: readonly string[]) => void;
}

type ViewEvent =
  | { type: 'item'; key: string | null }
  | { type: 'show'; view: PaneViewName }
  | { type: 'open'; person: TodayPerson | null }
  | { type: 'shown'; addresses: readonly string[] };

function next(state: TodayViewState, event: ViewEvent): TodayViewState {
  switch (event.type) {
    case 'item':
      return {
        ...state,
        itemKey: event.key,
        view: event.key !== null ? 'item' : 'today',
        person: event.key !== null ? null : state.person,
      };
    case 'show':
      return state.view === event.view ? state : { ...state, view: event.view };
    case 'open':
      return { ...state, view: 'today', person: event.person };
    case 'shown':
      return same(state.shown, event.addresses) ? state : { ...state, shown: event.addresses };
  }
}

/** The view a pane starts with: Today when it opens with no item selected, the item's people otherwise. */
export function todayViewFor(item: ItemSnapshot | null, itemRead: boolean): TodayViewState {
  const itemKey = itemRead ? (item?.key ?? null) : undefined;
  return { view: itemKey === null ? 'today' : 'item', itemKey, person: null, shown: null };
}

function same(a: readonly string[] | null, b: readonly string[]): boolean {
  return a !== null && a.length === b.length && a.every((address, i) => address === b[i]);
}

/**
 * The view for the item the pane follows (`itemRead`: whether it has been read yet): Today while no item is selected,
 * the item's people when one is.
 */
export function useTodayView(item: ItemSnapshot | null, itemRead: boolean): [TodayViewState, TodayViewActions] {
  const key = itemRead ? (item?.key ?? null) : undefined;
  const [state, dispatch] = useReducer(next, undefined, () => todayViewFor(item, itemRead));
  // A new selection (or none) decides the view again; reading the same item again does not. (Derived from the prop
  // while rendering, React's pattern for it: no effect, no extra paint.)
  if (key !== undefined && state.itemKey !== key) dispatch({ type: 'item', key });
  const show = useCallback((view: PaneViewName) => dispatch({ type: 'show', view }), []);
  const openPerson = useCallback((person: TodayPerson | null) => dispatch({ type: 'open', person }), []);
  const setShown = useCallback((addresses: readonly string[]) => dispatch({ type: 'shown', addresses }), []);
  const actions = useMemo(() => ({ show, openPerson, setShown }), [show, openPerson, setShown]);
  return [state, actions];
}
