import { useCallback, useLayoutEffect, useMemo } from 'react';
import type { ProfileLoader } from '../profileLoader';
import { deviceTimeZone } from '../today/day';
import type { TodayPerson } from '../today/meetings';
import { useCalendarWork, useTodayCalendar, type CalendarControl, type TodayCalendar } from '../today/useTodayCalendar';
import { useTodayView, type PaneViewName, type TodayViewState } from '../today/useTodayView';
import type { PaneDependencies } from './dependencies';
import type { TodayWork } from './deriveToday';
import type { FollowedItem } from './useFollowedItem';

/** What the user can do with the tabs and in Today. */
export interface TodayActions {
  show: (view: PaneViewName) => void;
  /** Opens a person's full card from Today's list (null: back to the list). */
  open: (person: TodayPerson | null) => void;
  /** Today's list reports who is on screen, so only they are looked up. */
  setShown: (addresses: readonly string[]) => void;
  /** Reads the calendar again after it could not be read. */
  retry: () => void;
}

export interface TodayHooks {
  /** What derivePane needs of Today. */
  inputs: { todayView: TodayViewState; today: TodayCalendar; timeZone: string };
  actions: TodayActions;
  /** What useTodayWork carries the derivation's work out with. */
  control: CalendarControl;
  loader: ProfileLoader;
  forgetYesterday: () => void;
}

/**
 * The Today view's inputs (the view shown, the calendar, the clock, the time zone) and, once derived, its work: the
 * calendar read, kept or dropped; the people listed looked up with Today's purpose and kept until the end of the day;
 * and at midnight what was kept for the day before forgotten.
 */
export function useTodayPane(deps: PaneDependencies, followed: FollowedItem, loader: ProfileLoader): TodayHooks {
  const { calendar, now, timeZone: stated, host } = deps;
  const timeZone = useMemo(() => stated ?? deviceTimeZone(), [stated]);
  const source = useMemo(
    () => ({ calendar, timeZone, now: now ?? Date.now, userAddress: host.currentUser.address }),
    [calendar, timeZone, now, host],
  );
  const [today, control] = useTodayCalendar(source);
  const [todayView, viewActions] = useTodayView(followed.item, followed.itemRead);
  const inputs = useMemo(() => ({ todayView, today, timeZone }), [todayView, today, timeZone]);
  const actions = useMemo<TodayActions>(
    () => ({ show: viewActions.show, open: viewActions.openPerson, setShown: viewActions.setShown, retry: control.retry }),
    [viewActions, control.retry],
  );
  const forgetYesterday = useCallback(() => loader.expire(), [loader]);
  return { inputs, actions, control, loader, forgetYesterday };
}

/** Carries out what the derivation decided for Today (after derivePane, every render). */
export function useTodayWork(hooks: TodayHooks, work: TodayWork): void {
  const { loader } = hooks;
  useCalendarWork(hooks.inputs.today, hooks.control, work.calendar, hooks.forgetYesterday);
  const lookups = work.lookups.join('\n');
  // A layout effect, as the card's: the lookup leaves in the same task as the render that lists the people.
  useLayoutEffect(() => {
    if (lookups) loader.requestPublic(lookups.split('\n'), { purpose: 'today', keepUntil: work.keepUntil });
  }, [lookups, work.keepUntil, loader]);
}
