import { MAX_LOOKUP_BATCH } from '../contract/address';

/**
 * The public lookups a loader sends for `addresses` (profileLoader.ts requestPublic, and the first script's first
 * lookup, earlyLookup.ts, which must be the very request the loader would send): each person once — addresses
 * compared trimmed and case-blind, as the pane's cache keys them (profileCache.ts) — the first address given for
 * them, trimmed, in the order given; those `wanted` takes (called once per person, with that first address as given),
 * in lookups of at most MAX_LOOKUP_BATCH.
 */
export function lookupBatches(addresses: readonly string[], wanted: (address: string) => boolean = () => true): string[][] {
  const seen = new Set<string>();
  const people: string[] = [];
  for (const address of addresses) {
    const person = address.trim().toLowerCase();
    if (seen.has(person)) continue;
    seen.add(person);
    if (wanted(address)) people.push(address.trim());
  }
  const batches: string[][] = [];
  for (let i = 0; i < people.length; i += MAX_LOOKUP_BATCH) batches.push(people.slice(i, i + MAX_LOOKUP_BATCH));
  return batches;
}
