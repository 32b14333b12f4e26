import type { Level } from '../policy';
import type { PublicState } from './profileLoader';

/**
 * "Search LinkedIn for <name>": where the service could not fill the card (the source can't look the person up, or
 * LinkedIn knows no one at that address), the user may go to LinkedIn's own people search, by their choice. Nothing is
 * sent anywhere until they click; the search then happens on LinkedIn, under LinkedIn's terms, signed in there or not.
 */
export const LINKEDIN_PEOPLE_SEARCH = 'https://www.linkedin.com/search/results/people/';

/** What decides whether the action is offered for the person shown. */
export interface SearchOfferInput {
  /** What the service answered for the person's public profile. */
  lookup: PublicState['status'];
  /** The level the rules give for this person (a hidden member's is none). */
  level: Level;
  /** The person is a member who hides their profile in Microsoft apps. */
  hidden: boolean;
  /** The person is the user themself. */
  self: boolean;
}

/** Offered only where the service answered unavailable or noMatch, the rules allow at least public information, for anyone but a hidden member or the user. */
export function searchOffered(input: SearchOfferInput): boolean {
  return (input.lookup === 'unavailable' || input.lookup === 'noMatch') && input.level !== 'none' && !input.hidden && !input.self;
}

/** Anything shaped like an e-mail address: Outlook gives the address as the display name when it knows no name. */
const ADDRESS = /[^\s@]*@[^\s@]*/g;

/** The words of a display name that may be searched for: the name without any address in it ('' when nothing is left). */
export function searchableName(displayName: string): string {
  return displayName.replace(ADDRESS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * LinkedIn's people search for a name (and the person's company, where the pane knows it): the keywords
 * percent-encoded in the query, nothing else — never an address. Null when the name is nothing but an address.
 */
export function linkedInSearchUrl(displayName: string, company?: string): string | null {
  const name = searchableName(displayName);
  if (name === '') return null;
  const keywords = company ? `${name} ${searchableName(company)}`.trim() : name;
  return `${LINKEDIN_PEOPLE_SEARCH}?keywords=${encodeURIComponent(keywords)}`;
}

/** The domain of an address, lower-cased ('' without one). */
function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}

/** Whether an address's domain names the company: one of its labels (not the last) begins the company's name. */
function domainNames(domain: string, company: string): boolean {
  const name = company.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return domain
    .split('.')
    .slice(0, -1)
    .some((label) => label.length >= 3 && name.startsWith(label.replace(/[^\p{L}\p{N}]/gu, '')));
}

/**
 * The company a person's address names, where the pane already knows it from the item: another person on it, at the
 * same domain, whose public profile matched with a current company that the domain names (fabrikam.com → "Fabrikam",
 * e.g. the sender's organisation; a mail provider's domain names none). Only one such company counts; nothing is
 * looked up for this.
 */
export function companyFromItem(address: string, known: readonly { address: string; company: string | undefined }[]): string | undefined {
  const domain = domainOf(address);
  if (domain === '') return undefined;
  const companies = new Set(
    known.flatMap((k) => (k.company && domainOf(k.address) === domain && domainNames(domain, k.company) ? [k.company] : [])),
  );
  return companies.size === 1 ? [...companies][0] : undefined;
}

/**
 * The search offered for a person, with the company the other people on the item (or meeting) tell through their
 * matched public profiles; null where it is not offered (searchOffered) or the name is nothing but an address.
 */
export function searchForPerson(
  person: { address: string; displayName: string },
  others: readonly { address: string }[],
  offer: SearchOfferInput,
  publicStateOf: (address: string) => PublicState,
): string | null {
  if (!searchOffered(offer)) return null;
  const known = others.map((other) => {
    const state = publicStateOf(other.address);
    return { address: other.address, company: state.status === 'match' ? state.profile.currentPosition?.company : undefined };
  });
  return linkedInSearchUrl(person.displayName, companyFromItem(person.address, known));
}
