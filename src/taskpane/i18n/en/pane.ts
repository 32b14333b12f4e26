import type { AccessDecision } from '../../../policy';
import type { CapabilityStatus } from '../../../app/pane/capabilities';
import type { PersonRole } from '../../../office/types';
import type { ServiceErrorKind } from '../../../services/errors';
import { formatNumber, plural } from '../format';
import { frameStrings } from '../frame';

/** Every user-visible string of the task pane shell, in English; the translations are typed by it (i18n/). */
export const paneStrings = {
  ...frameStrings['en-US'],
  noItem: 'Select a message or meeting to see LinkedIn information about the people on it.',
  noPeople: 'There is no one else on this item.',
  peopleLabel: 'People on this item',
  showMore: (n: number) => `Show ${formatNumber('en-US', n)} more`,
  shownOf: (shown: number, total: number) =>
    shown === total
      ? plural('en-US', total, { one: '{n} person', other: '{n} people' })
      : `${formatNumber('en-US', shown)} of ${formatNumber('en-US', total)} people`,
  shownOfMatches: (shown: number, matches: number, total: number) =>
    `${formatNumber('en-US', shown)} of ${plural('en-US', matches, { one: '{n} match', other: '{n} matches' })} (${formatNumber('en-US', total)} people in all)`,
  noPersonMatches: (query: string) => `No one on this item matches “${query}”.`,
  filterPeople: 'Find a person on this item',
  policyInvalidTitle: "LinkedIn features are unavailable: the add-in's policy file is invalid",
  policyInvalidField: (field: string, problem: string) =>
    `Field at fault: ${field} — ${problem}. Ask your admin to correct linkedin-policy.json.`,
  policyUnreachableTitle: "LinkedIn features are unavailable: the add-in's policy file couldn't be loaded",
  policyUnreachableBody: (kind: ServiceErrorKind) =>
    `${errorKindText[kind]} The add-in shows nothing from LinkedIn until it can read your organization's settings.`,
  connectionLimit: {
    unconfirmed:
      "Your LinkedIn connection hasn't been confirmed by the LinkedIn service yet, so you see public LinkedIn information only for now.",
    expired: 'The LinkedIn service no longer accepts your connection, so you see public LinkedIn information only until you reconnect.',
  },
  whyTitle: 'Why',
  whatTitle: 'What the add-in may do',
  levelLabel: {
    none: 'No LinkedIn information',
    public: 'Public LinkedIn information',
    connected: 'Connected LinkedIn insights',
  } satisfies Record<AccessDecision['level'], string>,
  /** The badge over a card that shows nothing of LinkedIn although the rules allow it (an error, no match): what is shown. */
  nothingShown: 'What Outlook knows only — no LinkedIn information shown',
  can: {
    showPublic: 'Show public LinkedIn information',
    showConnected: 'Show connected insights (mutual connections, shared history, activity)',
    connect: 'Connect your LinkedIn account',
    disconnect: 'Disconnect your LinkedIn account',
    outbound: 'Send Microsoft data to LinkedIn (e.g. "people you work with")',
  },
  /** Each capability's standing, in the user's terms (capabilities.ts). */
  capability: {
    allowed: 'Allowed',
    afterConnect: 'After you connect your LinkedIn account',
    afterConnectBothWays: 'After you connect, if you share data both ways',
    onlyBothWays: 'Only if you share data both ways',
    afterConfirm: 'Once the LinkedIn card service confirms your connection',
    afterReconnect: 'After you reconnect',
    byOrganization: 'Not allowed by your organization',
    byDevice: 'Turned off by your IT department on this computer',
    byYou: 'Turned off by you on this device',
    byMember: "Not allowed by this person's LinkedIn setting",
    unavailable: 'Not available for your organization',
    noSignIn: 'Not possible in this version of Outlook',
  } satisfies Record<CapabilityStatus, string>,
  changeableBy: {
    user: 'You can change this',
    admin: 'Your Microsoft 365 admin can change this',
    deviceAdmin: 'Your IT department can change this on this computer',
    member: 'Only this person can change this',
    nobody: "This can't be changed",
  } satisfies Record<AccessDecision['reasons'][number]['changeableBy'], string>,
  where: (place: string) => `Where: ${place}`,
  optionLabel: 'Show LinkedIn features',
  optionLockedOn: 'Turned on by a policy on this computer.',
  optionLockedOff: 'Turned off by a policy on this computer.',
  role: {
    from: 'From',
    onBehalfOf: 'Sent by (on behalf of the sender)',
    to: 'To',
    cc: 'Cc',
    organizer: 'Organizer',
    required: 'Required',
    optional: 'Optional',
  } satisfies Record<PersonRole, string>,
  settingsTitle: 'Settings',
  adminDetails: 'Copy details for your admin',
  adminDetailsNote:
    "A link that shows your admin what you see here and why, in the add-in's workbench. It holds your settings and your organization's LinkedIn rules, and nothing personal: no names, addresses or ids.",
  adminDetailsCopied: 'Copied. Send the link below to your admin.',
  adminDetailsNotCopied: "This pane couldn't copy it: select the link below and copy it.",
  adminDetailsLabel: 'Details for your admin',
  clearCache: 'Clear cached LinkedIn data',
  refresh: 'Refresh',
  refreshLabel: 'Read the selected mail or meeting again',
  cacheNote: (people: number, max: number) =>
    people === 0
      ? `Nothing from LinkedIn is kept on this device now. What the add-in keeps is kept for up to 24 hours, about ${formatNumber('en-US', max)} people at most, and never about people who hide their profile.`
      : `LinkedIn information about ${plural('en-US', people, { one: '{n} person', other: '{n} people' })} is kept on this device, each for up to 24 hours (at most ${formatNumber('en-US', max)} people). Nothing is kept about people who hide their profile.`,
  /** Since a disconnect, what the pane keeps stays in it only (the disconnect's message says the same: connect.keptInPane). */
  cacheNoteInPane: (people: number) =>
    people === 0
      ? 'Nothing from LinkedIn is kept now. What this pane shows is kept in this pane only, until you close it; nothing is saved on this device.'
      : `LinkedIn information about ${plural('en-US', people, { one: '{n} person', other: '{n} people' })} is kept in this pane only, until you close it; nothing is saved on this device.`,
  cleared: (people: number) =>
    `Cleared: LinkedIn information about ${plural('en-US', people, { one: '{n} person', other: '{n} people' })} was removed from this device.`,
};

const errorKindText: Record<ServiceErrorKind, string> = {
  offline: 'You seem to be offline.',
  timeout: 'The server took too long to answer.',
  unauthorized: 'The server did not accept the add-in’s sign-in.',
  forbidden: 'The server refused access.',
  notFound: 'The file was not found.',
  throttled: 'The server is busy; try again later.',
  server: 'The server had a problem.',
  invalidPayload: 'The server sent something unexpected.',
  linkedInUnavailable: "LinkedIn didn't answer in time.",
};
