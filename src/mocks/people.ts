import type { ConnectedInsights, PublicProfile } from '../contract/insights';
import { crowd } from './sampleItems';

/** What the simulated insights service knows about a person. */
export type FixturePerson =
  { status: 'match'; profile: PublicProfile; insights: Omit<ConnectedInsights, 'apiVersion' | 'email'> } | { status: 'hidden' };

const photo = (seed: string) => `https://media.licdn.com/dms/image/${seed}/profile-displayphoto-shrink_200_200/0`;
const profileUrl = (slug: string) => `https://www.linkedin.com/in/${slug}`;
const none = { isConnection: false, mutualConnections: { count: 0, top: [] }, sharedHistory: [], recentActivity: [] };

function match(
  slug: string,
  name: string,
  headline: string,
  position: [string, string] | null,
  location: string,
  insights: Partial<Omit<ConnectedInsights, 'apiVersion' | 'email'>> = {},
  withPhoto = true,
): FixturePerson {
  return {
    status: 'match',
    profile: {
      id: `li-${slug}`,
      name,
      headline,
      ...(withPhoto ? { photoUrl: photo(slug) } : {}),
      ...(position ? { currentPosition: { title: position[0], company: position[1] } } : {}),
      location,
      profileUrl: profileUrl(slug),
    },
    insights: { ...none, ...insights },
  };
}

const mutual = (names: string[], count: number) => ({
  count,
  top: names.slice(0, 3).map((name) => ({ name, profileUrl: profileUrl(name.toLowerCase().replace(/[^a-z]+/g, '-')) })),
});

/** At least twelve people with realistic variety, keyed by lower-case address. */
export const FIXTURE_PEOPLE: Record<string, FixturePerson> = {
  'aiko.tanaka@fabrikam.com': match(
    'aiko-tanaka',
    'Aiko Tanaka',
    'Partnerships lead at Fabrikam · B2B SaaS',
    ['Partnerships lead', 'Fabrikam'],
    'Tokyo, Japan',
    {
      mutualConnections: mutual(['Diego Siciliani', 'Isaiah Langer', 'Lee Gu'], 12),
      sharedHistory: [{ kind: 'employer', name: 'Contoso', period: '2015–2018' }],
      recentActivity: [
        {
          date: '2026-11-20',
          text: 'Shared an article: What we learned from 100 partner launches',
          url: 'https://www.linkedin.com/feed/update/urn:li:activity:1',
        },
        { date: '2026-11-12', text: 'Celebrating 5 years at Fabrikam' },
      ],
    },
  ),
  'alex.wilber@contoso.com': match(
    'alex-wilber',
    'Alex Wilber',
    'Finance manager at Contoso',
    ['Finance manager', 'Contoso'],
    'Seattle, Washington, United States',
    {
      isConnection: true,
      mutualConnections: mutual(['Megan Bowen', 'Diego Siciliani'], 87),
      sharedHistory: [
        { kind: 'employer', name: 'Contoso' },
        { kind: 'school', name: 'University of Washington' },
      ],
    },
  ),
  'diego.siciliani@contoso.com': match(
    'diego-siciliani',
    'Diego Siciliani',
    'HR business partner',
    ['HR business partner', 'Contoso'],
    'Bellevue, Washington, United States',
    {},
    false,
  ),
  'priya.raman@adatum.com': match(
    'priya-raman',
    'Priya Raman',
    'Community director · Events · Roundtables',
    ['Community director', 'Adatum'],
    'Bengaluru, India',
    {
      mutualConnections: mutual(['Aiko Tanaka', 'Alex Wilber', 'Lee Gu', 'Nestor Wilke'], 412),
      recentActivity: [
        { date: '2026-11-25', text: 'Thank you to everyone who joined our industry roundtable!' },
        { date: '2026-11-18', text: 'We are hiring community managers in three cities.' },
        { date: '2026-11-02', text: 'Speaking at the Future of Work summit next month.' },
      ],
    },
  ),
  'isaiah.langer@fabrikam.com': match(
    'isaiah-langer',
    'Isaiah Langer',
    'Principal product designer',
    ['Principal product designer', 'Fabrikam'],
    'Amsterdam, Netherlands',
    {
      mutualConnections: mutual(['Aiko Tanaka'], 3),
      sharedHistory: [{ kind: 'school', name: 'Delft University of Technology', period: '2008–2012' }],
    },
  ),
  'johanna.lorenz-schmidt-bergmann@northwind.de': match(
    'johanna-lorenz-schmidt-bergmann',
    'Dr. Johanna Maria Lorenz-Schmidt-Bergmann',
    'Leiterin Forschung & Entwicklung für nachhaltige Verpackungslösungen im europäischen Lebensmitteleinzelhandel',
    ['Leiterin Forschung & Entwicklung', 'Northwind Traders Deutschland GmbH & Co. KG'],
    'Frankfurt am Main, Hessen, Deutschland',
  ),
  'rafael.ortiz@northwind.com': { status: 'hidden' },
  'layla.haddad@tailspin.ae': match(
    'layla-haddad',
    'ليلى حداد',
    'مديرة تطوير الأعمال في تيلسبين',
    ['مديرة تطوير الأعمال', 'Tailspin Toys'],
    'دبي، الإمارات العربية المتحدة',
    {
      mutualConnections: mutual(['Omar Assistant'], 1),
    },
  ),
  'omar.assistant@tailspin.ae': match(
    'omar-assistant',
    'Omar Assistant',
    'Executive assistant',
    ['Executive assistant', 'Tailspin Toys'],
    'Dubai, United Arab Emirates',
    {},
    false,
  ),
  'lee.gu@contoso.com': match(
    'lee-gu',
    'Lee Gu',
    'Director of engineering',
    ['Director of engineering', 'Contoso'],
    'Redmond, Washington, United States',
    {
      isConnection: true,
      mutualConnections: mutual(['Alex Wilber', 'Diego Siciliani', 'Megan Bowen'], 230),
    },
  ),
  'nestor.wilke@fabrikam.com': match('nestor-wilke', 'Nestor Wilke', 'Operations', null, 'Lisbon, Portugal'),
  'grady.archie@adatum.com': match(
    'grady-archie',
    'Grady Archie',
    'Sales at Adatum',
    ['Account executive', 'Adatum'],
    'Chicago, Illinois, United States',
    {
      mutualConnections: mutual(['Priya Raman'], 640),
    },
  ),
};

/** The crowds on the "many recipients" samples are LinkedIn members too, with public profiles only. */
for (const person of [...crowd(40, 'adatum.com'), ...crowd(4, 'fabrikam.com', 'cc')]) {
  const slug = person.address.split('@')[0];
  FIXTURE_PEOPLE[person.address] ??= match(slug, person.displayName, 'Roundtable attendee', ['Member', 'Adatum'], 'Remote', {}, false);
}

export function fixturePerson(email: string): FixturePerson | undefined {
  return FIXTURE_PEOPLE[email.trim().toLowerCase()];
}
