import { act } from '@testing-library/react';
import type { NetworkActivity } from './mswServer';

/** Turns in a row with nothing in flight, no new request and no change on the page: the pane has settled. */
const QUIET_TURNS = 5;
/** A pane that keeps changing for this many turns never settles: that is a failure, not a pass. */
const MAX_TURNS = 5_000;

/**
 * Waits until the pane has settled: its requests answered and idle (none in flight, none new) and its page final (no
 * DOM change) for several task turns in a row. This is how a test proves that something did NOT happen (no request
 * sent, nothing shown): after this, anything the pane was going to do, it has done. Never a fixed sleep.
 */
export async function waitForSettled(activity: () => NetworkActivity): Promise<void> {
  let changes = 0;
  const observer = new MutationObserver((records) => {
    changes += records.length;
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    let quiet = 0;
    let last = '';
    for (let turn = 0; turn < MAX_TURNS; turn++) {
      await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
      const { inFlight, sent } = activity();
      const now = `${sent}/${changes}`;
      quiet = inFlight === 0 && now === last ? quiet + 1 : 0;
      if (quiet >= QUIET_TURNS) return;
      last = now;
    }
    throw new Error(`the pane did not settle in ${MAX_TURNS} turns (requests in flight: ${activity().inFlight})`);
  } finally {
    observer.disconnect();
  }
}
