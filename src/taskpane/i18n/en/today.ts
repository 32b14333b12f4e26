import type { ServiceErrorKind } from '../../../services/errors';
import { formatNumber, plural } from '../format';

/** Every user-visible string of the Today view and the pane's tabs, in English; the translations are typed by it (i18n/). */
export const todayStrings = {
  tabsLabel: 'What the pane shows',
  tabItem: 'This item',
  tabToday: 'Today',
  heading: (date: string) => `Today, ${date}`,
  loading: 'Reading today’s calendar…',
  empty: 'Nothing on your calendar today.',
  nothingMore: 'Nothing more on your calendar today.',
  upcoming: 'Meetings still to come',
  earlierList: 'Meetings that have ended',
  earlier: (count: number) => plural('en-US', count, { one: 'Earlier today ({n} meeting)', other: 'Earlier today ({n} meetings)' }),
  now: 'Now',
  next: 'Next',
  allDay: 'All day',
  time: (from: string, to: string) => `${from}–${to}`,
  fromYesterday: 'started yesterday',
  untilTomorrow: 'ends tomorrow',
  online: 'Online meeting',
  noSubject: '(No subject)',
  cancelled: 'Cancelled',
  declined: 'Declined',
  notListed: 'No one on it is shown or looked up.',
  external: 'External',
  noOneElse: 'No one else is on this meeting.',
  peopleOn: (subject: string) => `People on ${subject}`,
  showAll: (count: number) => `Show all ${formatNumber('en-US', count)}`,
  loadingProfile: 'Looking up…',
  noProfile: 'No LinkedIn profile found',
  searchNote:
    '“Search LinkedIn for …” opens LinkedIn’s people search in your browser with that person’s name: the search happens on LinkedIn, under LinkedIn’s terms.',
  back: 'Back to Today',
  refusedTitle: 'Today isn’t available to you',
  shareBothWays: 'Share data both ways',
  shareBothWaysDetail:
    'You sign in to LinkedIn again and choose to share data both ways. Today then sends the people on your calendar to LinkedIn, to show their profiles.',
  connectFirst: 'Connect your LinkedIn account and choose to share data both ways:',
  connectionLimit: {
    unconfirmed: 'Today waits until the LinkedIn card service has confirmed your LinkedIn connection.',
    expired: 'The LinkedIn card service no longer accepts your LinkedIn connection. Reconnect to use Today.',
  },
  unavailable:
    'This version of Outlook doesn’t let the add-in sign in to Microsoft 365, so Today can’t read your calendar here. The rest of the add-in works as before.',
  notGrantedTitle: 'Your admin hasn’t allowed the add-in to read your calendar',
  notGranted:
    'Today reads the basic details of today’s meetings (the Microsoft Graph permission Calendars.ReadBasic: no bodies, no attachments), which your Microsoft 365 admin grants for everyone in your organization. Everything else in the add-in works as before.',
  notGrantedWhere:
    'Microsoft Entra admin center › App registrations › the add-in’s app › API permissions › Calendars.ReadBasic › Grant admin consent',
  errorTitle: 'Today couldn’t read your calendar',
  error: {
    offline: 'You seem to be offline.',
    timeout: 'Microsoft 365 took too long to answer.',
    unauthorized: 'The add-in couldn’t sign in to Microsoft 365 to read your calendar.',
    forbidden: 'Microsoft 365 refused to show your calendar to the add-in.',
    notFound: 'Microsoft 365 found no calendar for you.',
    throttled: 'Microsoft 365 is busy.',
    server: 'Microsoft 365 had a problem reading your calendar.',
    invalidPayload: 'Microsoft 365 sent something unexpected.',
    linkedInUnavailable: 'Microsoft 365 didn’t answer in time.',
  } satisfies Record<ServiceErrorKind, string>,
  kept: 'Today: your calendar is read only while you use Today, kept in this pane’s memory only and forgotten at the end of the day. LinkedIn information about the people on it is kept on this device until the end of the day at most. The LinkedIn card service keeps nothing of your calendar.',
};
