import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { ItemSnapshot, OfficeHost } from '../../office';
import { firstPageOf, peopleToShow } from '../people';
import type { FirstRender } from './firstRender';

/** The selected item as the pane follows it, the person chosen on it and the people its switcher shows. */
export interface FollowedItem {
  item: ItemSnapshot | null;
  /** Lower case; null: the first person (the sender). */
  chosenAddress: string | null;
  /** null: the switcher's first page. */
  visibleAddresses: readonly string[] | null;
  /** Whether the selection has been read yet (until then `item` null means "not known", not "nothing selected"). */
  itemRead: boolean;
}

type ItemEvent =
  | { type: 'asked' }
  | { type: 'read'; item: ItemSnapshot | null; chosen: string | null; again?: boolean }
  | { type: 'unreadable' }
  | { type: 'choose'; address: string }
  | { type: 'show'; addresses: readonly string[]; userAddress: string };

function follow(state: FollowedItem, event: ItemEvent): FollowedItem {
  switch (event.type) {
    case 'asked':
      return state.visibleAddresses === null ? state : { ...state, visibleAddresses: null };
    case 'read':
      // Read again (Refresh) and still the same item: the person chosen stays.
      return event.again && event.item !== null && event.item.key === state.item?.key
        ? { ...state, item: event.item, itemRead: true }
        : { ...state, item: event.item, chosenAddress: event.chosen, itemRead: true };
    case 'unreadable':
      return { ...state, item: null, itemRead: true };
    case 'choose':
      return { ...state, chosenAddress: event.address.toLowerCase() };
    case 'show': {
      // The same people again (a re-render, or the first page, which is what null stands for) is no change: keeping
      // the old value spares the pane a render.
      const current = state.visibleAddresses ?? firstPageOf(peopleToShow(state.item, event.userAddress));
      return sameAddresses(current, event.addresses) ? state : { ...state, visibleAddresses: event.addresses };
    }
  }
}

function sameAddresses(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((address, i) => address === b[i]);
}

export interface FollowedItemActions {
  choosePerson: (address: string) => void;
  /** The switcher reports which people it shows, so only they are looked up. */
  showPeople: (addresses: readonly string[]) => void;
  /** Reads the selected item again: Outlook can miss an ItemChanged (office-js #4952, a collapsed and expanded mail). */
  refresh: () => void;
}

/**
 * Follows the selected item (a pinned pane's ItemChanged): only the answer to the latest change counts, a new item
 * shows its first person again (the item the pane opens with: `initialPerson` when given). With a FirstRender for this host, the item it read is the start, and the pane's own
 * first read counts only if the item has changed since.
 */
export function useFollowedItem(
  host: OfficeHost,
  firstRender: FirstRender | undefined,
  initialPerson?: string,
): [FollowedItem, FollowedItemActions] {
  const prepared = firstRender?.deps.host === host;
  const startItem = prepared ? firstRender.item : null;
  const firstChoice = initialPerson?.toLowerCase() ?? null;
  const [state, dispatch] = useReducer(follow, { item: startItem, chosenAddress: firstChoice, visibleAddresses: null, itemRead: prepared });
  const startJson = firstRender?.deps.host === host ? JSON.stringify(firstRender.item) : null;
  const readAgain = useRef<() => void>(() => undefined);

  useEffect(() => {
    let current = true;
    let unchangedSince: string | null = startJson;
    // The first item read keeps the person asked for (initialPerson); any later item starts from its sender.
    let chosen = firstChoice;
    // Only the answer to the latest ItemChanged counts: an earlier getItem that answers late is a mail the user left.
    let latest = 0;
    const refresh = (again = false): void => {
      const asked = ++latest;
      const isLatest = (): boolean => current && asked === latest;
      host.getItem().then(
        (next) => {
          if (!isLatest()) return;
          const unchanged = unchangedSince !== null && unchangedSince === JSON.stringify(next);
          unchangedSince = null;
          if (!unchanged) dispatch({ type: 'read', item: next, chosen, again });
          chosen = null;
        },
        () => isLatest() && dispatch({ type: 'unreadable' }),
      );
      dispatch({ type: 'asked' });
    };
    refresh();
    readAgain.current = () => refresh(true);
    const unsubscribe = host.onItemChanged(() => refresh());
    return () => {
      current = false;
      readAgain.current = () => undefined;
      unsubscribe();
    };
  }, [host, startJson, firstChoice]);

  const userAddress = host.currentUser.address;
  const choosePerson = useCallback((address: string) => dispatch({ type: 'choose', address }), []);
  const showPeople = useCallback((addresses: readonly string[]) => dispatch({ type: 'show', addresses, userAddress }), [userAddress]);
  const refresh = useCallback(() => readAgain.current(), []);
  const actions = useMemo(() => ({ choosePerson, showPeople, refresh }), [choosePerson, showPeople, refresh]);
  return [state, actions];
}
