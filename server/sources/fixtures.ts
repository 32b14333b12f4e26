import { fixturePerson } from '../../fixtures/people';
import type { ProfileSource } from './types';

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
