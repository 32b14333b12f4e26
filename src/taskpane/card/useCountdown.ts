import { createContext, useContext, useEffect, useState } from 'react';

/** The clock the pane counts waits on: the one LinkedIn's Retry-After was counted on (PaneDependencies.now). */
export const PaneClock = createContext<() => number>(() => Date.now());

/** How often a running countdown looks at the clock; the text changes only when the whole second does. */
const TICK_MS = 250;

/**
 * Whole seconds left of a wait of `seconds` that began when it was shown (or when `seconds` changed), on the pane's
 * clock; 0 once the wait is over; undefined when there is no wait.
 */
export function useCountdown(seconds: number | undefined): number | undefined {
  const now = useContext(PaneClock);
  // A new wait starts over from its own length: reset while rendering (React's pattern for state derived from a prop),
  // so no effect copies the prop into state.
  const [wait, setWait] = useState({ seconds, left: seconds });
  if (wait.seconds !== seconds) setWait({ seconds, left: seconds });
  useEffect(() => {
    if (seconds === undefined || seconds <= 0) return undefined;
    const until = now() + seconds * 1000;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((until - now()) / 1000));
      setWait({ seconds, left: remaining });
      if (remaining === 0) clearInterval(timer);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [seconds, now]);
  return wait.seconds === seconds ? wait.left : seconds;
}
