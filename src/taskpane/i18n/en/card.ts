import type { ServiceErrorKind } from '../../../services/errors';
import type { PolicyFileRefusal } from '../../../contract/errors';
import { formatNumber, plural } from '../format';

/** Every user-visible string of the profile card, in English; the translations are typed by it (i18n/). */
export const cardStrings = {
  loading: 'Loading LinkedIn profile…',
  loadingConnected: 'Loading LinkedIn insights…',
  /** Under the person's name and address (PersonHeader): the address is said once, there. */
  noMatch: 'No LinkedIn profile found for this address.',
  hidden: "This person's LinkedIn profile isn't available in Microsoft apps.",
  unavailable: "This person's LinkedIn profile can't be looked up from here.",
  insightsUnavailable: "Connected insights about this person can't be looked up from here.",
  suggestionsUnavailable: "People you work with can't be looked up from here.",
  viewOnLinkedIn: 'View on LinkedIn',
  /** Where the service could not fill the card: LinkedIn's own people search, by the user's choice (the name isolated). */
  searchLinkedIn: (name: string) => `Search LinkedIn for ${name}`,
  searchNote: "Opens LinkedIn's people search in your browser with this name: the search happens on LinkedIn, under LinkedIn's terms.",
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
  // The add-in talks to its own service: its failures are the service's; only linkedInUnavailable is LinkedIn's.
  error: {
    offline: 'You seem to be offline.',
    timeout: 'The LinkedIn card service took too long to answer.',
    unauthorized: "The add-in couldn't sign in to the LinkedIn card service.",
    forbidden:
      'The LinkedIn card service refused access for your account. Trying again won’t help; your admin can check the add-in’s access.',
    notFound: 'The LinkedIn card service has nothing for this person.',
    throttled: 'The LinkedIn card service is busy.',
    server: 'The LinkedIn card service had a problem.',
    invalidPayload: 'The LinkedIn card service sent something unexpected.',
    linkedInUnavailable: "LinkedIn didn't answer the LinkedIn card service in time.",
  } satisfies Record<ServiceErrorKind, string>,
  /** Before the reason of a refusal by the service (its 403), said as the pane's own reasons are. */
  refusedBy: 'The LinkedIn card service refused:',
  /** The service refuses everything while the admin's policy file cannot be trusted (it follows the file as it changes). */
  refusedByPolicyFile: {
    'policy-file-invalid': {
      message: "your organization's policy file isn't valid, so LinkedIn features stay off until your admin fixes it.",
      where: "The add-in's policy file (linkedin-policy.json); the service's /readyz names the problem",
    },
    'policy-file-unreadable': {
      message: "it can't read your organization's policy file, so LinkedIn features stay off until your admin fixes it.",
      where: "The add-in's policy file (linkedin-policy.json) and the service's POLICY_FILE setting",
    },
  } satisfies Record<PolicyFileRefusal, { message: string; where: string }>,
  reconnect: 'LinkedIn no longer accepts your connection. Reconnect to see insights.',
  reconnectInSettings: 'Reconnect LinkedIn to see insights: disconnect in Settings below, then connect again.',
  retryAfter: (seconds: number) =>
    plural('en-US', seconds, { one: 'You can try again in {n} second.', other: 'You can try again in {n} seconds.' }),
  retryNow: 'You can try again now.',
};
