import type { ItemPerson, ItemSnapshot } from '../office';

/**
 * The people the switcher offers: everyone on the item in Outlook's order, each address once (its first role wins),
 * the current user left out.
 */
export function peopleToShow(item: ItemSnapshot | null, userAddress: string): ItemPerson[] {
  if (!item) return [];
  const self = userAddress.trim().toLowerCase();
  const seen = new Set<string>();
  const people: ItemPerson[] = [];
  for (const person of item.people) {
    const address = person.address.trim().toLowerCase();
    if (!address || address === self || seen.has(address)) continue;
    seen.add(address);
    people.push(person);
  }
  return people;
}
