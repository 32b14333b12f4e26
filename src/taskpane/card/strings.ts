import type { ServiceErrorKind } from '../../app/vocabulary';
import { formatNumber, plural } from '../i18n/format';

/** Every user-visible string of the profile card, in English; the translations are typed by it (i18n/). */
export const cardStrings = {
  loading: 'Loading LinkedIn profile…',
  loadingConnected: 'Loading LinkedIn insights…',
  noMatch: (address: string) => `No LinkedIn profile found for ${address}`,
  hidden: "This person's LinkedIn profile isn't available in Microsoft apps.",
  unavailable: "This person's LinkedIn profile can't be looked up from here.",
  insightsUnavailable: "Connected insights about this person can't be looked up from here.",
  suggestionsUnavailable: "People you work with can't be looked up from here.",
  viewOnLinkedIn: 'View on LinkedIn',
  connectOnLinkedIn: 'Connect on LinkedIn',
  alreadyConnection: 'You are connected on LinkedIn',
  mutualTitle: 'Mutual connections',
  mutualCount: (n: number) => (n === 1 ? '1 mutual connection' : `${formatNumber('en-US', n)} mutual connections`),
  noMutual: 'No mutual connections',
  historyTitle: 'You both worked or studied at',
  historyKind: { employer: 'Worked at', school: 'Studied at' },
  noHistory: 'No shared employers or schools',
  activityTitle: 'Recent activity',
  noActivity: 'No recent activity',
  retry: 'Retry',
  suggestionsTitle: 'People you work with on LinkedIn',
  suggestionsSends: 'Sends the addresses on this item to LinkedIn (you chose to share both ways).',
  suggestionsShow: 'Show people you work with',
  suggestionsNone: 'None of the people on this item are on LinkedIn.',
  error: {
    offline: 'You seem to be offline.',
    timeout: 'LinkedIn took too long to answer.',
    unauthorized: "The add-in couldn't sign in to the LinkedIn service.",
    forbidden: 'LinkedIn refused access for your account. Trying again won’t help; your admin can check the add-in’s access.',
    notFound: 'LinkedIn has nothing for this person.',
    throttled: "LinkedIn's limit is reached.",
    server: 'LinkedIn had a problem.',
    invalidPayload: 'LinkedIn sent something unexpected.',
  } satisfies Record<ServiceErrorKind, string>,
  reconnect: 'LinkedIn no longer accepts your connection. Reconnect to see insights.',
  reconnectInSettings: 'Reconnect LinkedIn to see insights: disconnect in Settings below, then connect again.',
  retryAfter: (seconds: number) =>
    plural('en-US', seconds, { one: 'You can try again in {n} second.', other: 'You can try again in {n} seconds.' }),
  retryNow: 'You can try again now.',
};
