import { FIXTURE_PEOPLE, type FixturePerson } from '../../fixtures/people';
import type { ProfileSource } from './types';

/** Freezes an object and everything in it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The fixture people by address, frozen copies made once: what the source hands out never changes (so a profile's
 * JSON can be written once: http/lookupJson.ts), and a Map answers an address without a dictionary-mode lookup.
 */
const PEOPLE = new Map(Object.entries(FIXTURE_PEOPLE).map(([address, person]) => [address, deepFreeze(structuredClone(person))]));
const fixturePerson = (email: string): FixturePerson | undefined => PEOPLE.get(email.trim().toLowerCase());

/** The embedded default: the fixture people (fixtures/people.ts, the same module the pane's msw handlers use). */
export function createFixturesSource(): ProfileSource {
  return {
    name: 'fixtures',
    capabilities: { publicProfiles: true, connectedInsights: true, suggestions: true },
    async memberVisibility(email) {
      const person = fixturePerson(email);
      return !person ? 'noMatch' : person.status === 'hidden' ? 'hidden' : 'visible';
    },
    async lookup(emails) {
      return emails.map((email) => {
        const person = fixturePerson(email);
        if (!person) return { status: 'noMatch' };
        return person.status === 'hidden' ? { status: 'hidden' } : { status: 'match', profile: person.profile };
      });
    },
    async insights(email) {
      const person = fixturePerson(email);
      return person?.status === 'match' ? person.insights : 'unavailable';
    },
    async suggestions(emails) {
      return emails.flatMap((email) => {
        const person = fixturePerson(email);
        if (person?.status !== 'match') return [];
        const { name, headline, profileUrl } = person.profile;
        return [{ name, ...(headline ? { headline } : {}), ...(profileUrl ? { profileUrl } : {}) }];
      });
    },
  };
}
