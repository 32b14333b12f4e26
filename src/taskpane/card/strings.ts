import type { ServiceErrorKind } from '../../services/errors';

/** Every user-visible string of the profile card, ready for translation. */
export const cardStrings = {
  loading: 'Loading LinkedIn profile…',
  loadingConnected: 'Loading LinkedIn insights…',
  noMatch: (address: string) => `No LinkedIn profile found for ${address}`,
  hidden: "This person's LinkedIn profile isn't available in Microsoft apps.",
  viewOnLinkedIn: 'View on LinkedIn',
  connectOnLinkedIn: 'Connect on LinkedIn',
  alreadyConnection: 'You are connected on LinkedIn',
  mutualTitle: 'Mutual connections',
  mutualCount: (n: number) => (n === 1 ? '1 mutual connection' : `${n.toLocaleString()} mutual connections`),
  noMutual: 'No mutual connections',
  historyTitle: 'You both worked or studied at',
  historyKind: { employer: 'Worked at', school: 'Studied at' } as const,
  noHistory: 'No shared employers or schools',
  activityTitle: 'Recent activity',
  noActivity: 'No recent activity',
  retry: 'Retry',
  error: {
    offline: 'You seem to be offline.',
    timeout: 'LinkedIn took too long to answer.',
    unauthorized: "The add-in couldn't sign in to the LinkedIn service.",
    forbidden: 'LinkedIn refused access.',
    notFound: 'LinkedIn has nothing for this person.',
    throttled: "LinkedIn's limit is reached, try later.",
    server: 'LinkedIn had a problem.',
    invalidPayload: 'LinkedIn sent something unexpected.',
  } satisfies Record<ServiceErrorKind, string>,
  reconnect: 'Reconnect LinkedIn to see insights.',
  retryAfter: (seconds: number) => `Try again in ${seconds} s.`,
};
