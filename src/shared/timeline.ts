/**
 * Marks a step of the pane's start on the browser's performance timeline (`pane:<step>`), so the order and timing of
 * the start can be read where it runs: devtools' Performance panel in Outlook, and `npm run bench`'s timeline
 * (dev/bench/bench-timeline.mjs). A mark costs microseconds and holds no data; where there is no timeline, nothing.
 */
export function markStep(step: string): void {
  const timeline = (globalThis as { performance?: { mark?: (name: string) => unknown } }).performance;
  if (typeof timeline?.mark === 'function') timeline.mark(`pane:${step}`);
}
