import { startTransition, useEffect, useState } from 'react';

/** However long LinkedIn takes, the rest of the pane (reasons, connecting, settings) is shown after this long. */
export const REVEAL_AT_THE_LATEST_MS = 800;

/**
 * The card comes first: the parts of the pane below it (what the rules allow and why, connecting, settings) are
 * rendered once the card is settled (a profile, a "no match", an error, or no lookup at all) and painted — or after
 * REVEAL_AT_THE_LATEST_MS after the card first waits for LinkedIn, whichever is sooner. Once shown they stay shown for
 * the life of the pane. `cardSettled` is null while the pane is still starting (there is no card yet).
 *
 * Why: on a cold start those parts (and their code) cost more than the card itself; rendering them first kept the
 * sender's card waiting. They are rendered in a transition, so React yields to the browser while rendering them.
 */
export function useRevealAfterCard(cardSettled: boolean | null): boolean {
  const [revealed, setRevealed] = useState(false);
  const reveal = (): void => startTransition(() => setRevealed(true));

  const waiting = cardSettled === false;
  useEffect(() => {
    if (revealed || !waiting) return undefined;
    const latest = setTimeout(reveal, REVEAL_AT_THE_LATEST_MS);
    return () => clearTimeout(latest);
  }, [revealed, waiting]);

  useEffect(() => {
    if (revealed || cardSettled !== true) return undefined;
    // After the card's next paint: a frame, then a task (the frame's paint happens between them).
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      task = setTimeout(reveal, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (task !== undefined) clearTimeout(task);
    };
  }, [revealed, cardSettled]);

  return revealed;
}
