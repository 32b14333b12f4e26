import { ProfileCache } from '../../src/services/profileCache';

/**
 * What the pane keeps on this device (the workbench's pane shares this origin's storage): a latency or fault set in
 * the controls would never be met by people already kept, who answer at once without asking the service. So
 * changing one clears it, and the controls say how many people that was. Returns that count.
 */
export function clearPaneCache(storage: Storage | undefined): number {
  if (!storage) return 0;
  const cache = new ProfileCache({ storage });
  const people = cache.size;
  cache.purge();
  return people;
}
