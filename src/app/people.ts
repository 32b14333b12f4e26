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

/** People the switcher shows at first; more are looked up only as the user asks for more. */
export const FIRST_VISIBLE_PEOPLE = 20;

/** The addresses of the people the switcher shows at first. */
export function firstPageOf(people: readonly ItemPerson[]): string[] {
  return people.slice(0, FIRST_VISIBLE_PEOPLE).map((person) => person.address);
}
