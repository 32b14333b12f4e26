import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NOT_GRANTED } from '../../services/auth';
import { isServiceError, type ServiceErrorKind } from '../../services/errors';
import type { CalendarEvent } from '../../services/graphCalendar';
import { dayAt, type CalendarDay } from './day';
import { meetingsOf, type TodayMeeting } from './meetings';
import { nextChangeAfter } from './timeline';

/**
 * Today's calendar as the pane holds it: read from Microsoft Graph only when the Today view is open and the rules
 * allow Today, kept in this pane's memory only (never in storage), dropped as soon as Today is no longer allowed, and
 * replaced at the end of the day by the next day's. The clock moves on at each meeting's start and end, so "Now" and
 * "Next" follow the time without polling.
 */
export type CalendarState =
  | { status: 'idle' }
  | { status: 'loading'; day: CalendarDay }
  | { status: 'ready'; day: CalendarDay; meetings: TodayMeeting[] }
  | {
      status: 'error';
      day: CalendarDay;
      kind: ServiceErrorKind;
      /** The calendar's permission was never granted (Graph refused, or the sign-in could not get it): the admin grants it. */
      notGranted: boolean;
      retryAfterSeconds?: number;
    }
  /** The pane cannot read the calendar here (no Microsoft sign-in in this Outlook). */
  | { status: 'unavailable' };

/** What the derivation asks of the calendar: read it (Today is open and allowed), keep what is read, or drop it. */
export type CalendarWork = 'read' | 'keep' | 'drop';

export interface CalendarSource {
  /** The user's calendar between two instants; absent where the pane cannot read it. */
  calendar?: (start: number, end: number, signal: AbortSignal) => Promise<CalendarEvent[]>;
  timeZone: string;
  now: () => number;
  userAddress: string;
}

export interface TodayCalendar {
  state: CalendarState;
  /** The pane's clock as the Today view last looked at it (moves on at each start and end, and at midnight). */
  now: number;
  /** The day `now` is in. */
  day: CalendarDay;
}

export interface CalendarControl {
  retry: () => void;
  /** Carries out what the derivation asked (a layout of effects: see useCalendarWork). */
  source: CalendarSource;
  set: (state: CalendarState) => void;
  tick: () => void;
}

const IDLE: CalendarState = { status: 'idle' };

/** The calendar before anything is read, at `now` (the first render's, and the benchmark's floor). */
export function calendarNotRead(now: number, timeZone: string): TodayCalendar {
  return { state: IDLE, now, day: dayAt(now, timeZone) };
}

/** The calendar's state and the pane's clock for Today. */
export function useTodayCalendar(source: CalendarSource): [TodayCalendar, CalendarControl] {
  const [state, set] = useState<CalendarState>(() => (source.calendar ? IDLE : { status: 'unavailable' }));
  const [now, setNow] = useState(source.now);
  const tick = useCallback(() => setNow(source.now()), [source]);
  const day = useMemo(() => dayAt(now, source.timeZone), [now, source.timeZone]);
  const retry = useCallback(() => set((s) => (s.status === 'error' ? IDLE : s)), []);
  const control = useMemo(() => ({ retry, source, set, tick }), [retry, source, tick]);
  return [{ state, now, day }, control];
}

/**
 * Reads, keeps or drops the calendar as the derivation says, moves the clock on at the next start, end or midnight,
 * and tells `onNewDay` when the day changed (what was kept for the day before is then forgotten).
 */
export function useCalendarWork(calendar: TodayCalendar, control: CalendarControl, work: CalendarWork, onNewDay: () => void): void {
  const { state, now, day } = calendar;
  const { source, set, tick } = control;
  const held = state.status !== 'idle' && state.status !== 'unavailable';
  const stale = held && state.day.key !== day.key;
  /** The read on its way, so leaving the day (or Today) can stop it; switching tabs lets it finish. */
  const reading = useRef<AbortController | null>(null);
  // Dropped when Today is no longer allowed, and at the end of the day (the next day's is read when wanted).
  useEffect(() => {
    if (!(work === 'drop' || stale) || !held) return;
    reading.current?.abort();
    reading.current = null;
    set(IDLE);
  }, [work, stale, held, set]);
  useEffect(() => () => reading.current?.abort(), []);
  const lastDay = useRef(day.key);
  useEffect(() => {
    if (lastDay.current === day.key) return;
    lastDay.current = day.key;
    onNewDay();
  }, [day.key, onNewDay]);
  useEffect(() => {
    if (work !== 'read' || state.status !== 'idle' || !source.calendar) return;
    const controller = new AbortController();
    reading.current = controller;
    const today = dayAt(source.now(), source.timeZone);
    set({ status: 'loading', day: today });
    source.calendar(today.start, today.end, controller.signal).then(
      (events) => {
        if (!controller.signal.aborted) set({ status: 'ready', day: today, meetings: meetingsOf(events, today, source.userAddress) });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) set(failed(today, error));
      },
    );
  }, [work, state.status, source, set]);
  const meetings = state.status === 'ready' ? state.meetings : [];
  const changeAt = nextChangeAfter(meetings, now, day);
  useEffect(() => {
    const timer = setTimeout(tick, Math.max(0, changeAt - source.now()) + 1);
    return () => clearTimeout(timer);
  }, [changeAt, tick, source]);
}

function failed(day: CalendarDay, error: unknown): CalendarState {
  if (!isServiceError(error)) return { status: 'error', day, kind: 'invalidPayload', notGranted: false };
  const notGranted = error.kind === 'forbidden' || (error.kind === 'unauthorized' && error.code === NOT_GRANTED);
  return {
    status: 'error',
    day,
    kind: error.kind,
    notGranted,
    ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}
