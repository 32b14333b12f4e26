import type { ConnectFailure } from '../../../app/connect/connectFlow';
import { plural } from '../format';
import { dialogText, type DialogTexts } from '../dialogProblem';

/** Every user-visible string of connecting and disconnecting, in English; the translations are typed by it (i18n/). */
export const connectStrings = {
  open: 'Connect your LinkedIn account',
  title: 'Connect your LinkedIn account',
  intro: 'See mutual connections, shared history and recent activity on the cards. Choose what is shared:',
  twoWay: 'Share data both ways',
  twoWayDetail:
    'LinkedIn gives Microsoft your profile, interests, subscriptions and 1st-degree connections. Microsoft gives LinkedIn your profile (name, photo, e-mail, manager, reports), calendar (times, places and attendees — not titles or agendas), interests, subscriptions and contacts. LinkedIn keeps imported contacts until you delete them there.',
  inbound: 'Only LinkedIn to Microsoft',
  inboundDetail:
    'LinkedIn gives Microsoft your profile, interests, subscriptions and 1st-degree connections. Nothing of your work account goes to LinkedIn.',
  privacy: 'Privacy statements:',
  linkedInPrivacy: 'LinkedIn',
  microsoftPrivacy: 'Microsoft',
  continue: 'Continue to LinkedIn',
  cancel: 'Cancel',
  connecting: 'Waiting for LinkedIn sign-in…',
  connectedTitle: 'Connected to LinkedIn',
  status: (consent: 'twoWay' | 'linkedInToMicrosoft', since: string) =>
    `Connected — ${consent === 'twoWay' ? 'data shared both ways' : 'LinkedIn to Microsoft only'} — since ${since}`,
  statusUnconfirmed: (consent: 'twoWay' | 'linkedInToMicrosoft', since: string) =>
    `Connected since ${since} (${consent === 'twoWay' ? 'data shared both ways' : 'LinkedIn to Microsoft only'}), not confirmed by the LinkedIn service yet`,
  statusExpired: (consent: 'twoWay' | 'linkedInToMicrosoft', since: string) =>
    `Connected since ${since} (${consent === 'twoWay' ? 'data shared both ways' : 'LinkedIn to Microsoft only'}), but the LinkedIn service no longer accepts the connection: reconnect, or disconnect`,
  notConnected: 'Not connected to LinkedIn',
  disconnect: 'Disconnect',
  disconnectConfirm:
    'Disconnect your LinkedIn account? The add-in revokes the connection and removes your saved choice and the LinkedIn information it keeps on this device.',
  disconnectYes: 'Disconnect',
  disconnectNo: 'Keep connected',
  disconnecting: 'Disconnecting…',
  disconnected: 'Your LinkedIn account is disconnected.',
  /** What the disconnect removed: the saved choice, and what was kept about people on this device (a count). */
  removedKept: (people: number) =>
    people === 0
      ? 'The add-in removed your saved choice; it had no LinkedIn information kept on this device.'
      : `The add-in removed your saved choice and the LinkedIn information it had kept on this device about ${plural('en-US', people, { one: '{n} person', other: '{n} people' })}.`,
  /** What stays: the public cards shown from now on, in the pane only (Settings says the same: pane.cacheNoteInPane). */
  keptInPane:
    'Public LinkedIn information the pane shows from now on is kept in this pane only, until you close it; nothing is saved on this device.',
  remainsBoth: 'Also remove the permission on the Microsoft side (My Apps) and on LinkedIn.',
  remainsLinkedIn: 'Also remove the permission on LinkedIn.',
  myApps: 'My Apps',
  linkedInPermissions: 'LinkedIn settings',
  /** After "both ways" only: "LinkedIn to Microsoft only" imports no contacts into LinkedIn. */
  contactsRemain: 'Contacts already imported into LinkedIn stay there until you delete them on LinkedIn.',
  manageContacts: 'Manage imported contacts',
  disconnectFailedService: "The LinkedIn card service couldn't disconnect LinkedIn right now; nothing changed. Try again later.",
  disconnectFailedSave:
    "The connection was removed, but Outlook couldn't save the change; it will be cleared the next time the add-in starts.",
  disconnectFailedDevice:
    "Your LinkedIn account is disconnected, but this device's storage couldn't be cleared. Use Clear cached LinkedIn data, or clear this site's data in your browser.",
  noDialogOrigin:
    "Connecting LinkedIn isn't available in this version of Outlook: it can't confirm where the sign-in answer comes from. Update Outlook to connect.",
  removedOnService: 'Your LinkedIn connection was removed.',
  disconnectFailedLimit: 'The LinkedIn card service is busy, try later. Nothing changed: your account is still connected.',
  reconnect: 'Reconnect LinkedIn: the LinkedIn service no longer accepts your connection. Connect again to see connected insights.',
  reconnectAction: 'Reconnect LinkedIn',
  expired: 'Your LinkedIn sign-in has expired: LinkedIn ends it after 60 days. Only public information is shown until you reconnect.',
  statusUnknown: "Your LinkedIn connection couldn't be checked, so only public information is shown for now.",
  failure: (failure: ConnectFailure): string => {
    switch (failure.reason) {
      case 'cancelled':
        return 'Not connected: the sign-in was cancelled.';
      case 'signInFailed':
        return 'Not connected: LinkedIn could not sign you in.';
      case 'timedOut':
        return 'Not connected: the sign-in took too long. Try again.';
      case 'inProgress':
        return 'A sign-in is already open.';
      case 'dialog':
        return dialogText(dialogTexts, failure.code);
      case 'service':
        return failure.kind === 'throttled'
          ? 'Not connected: the LinkedIn card service is busy, try later.'
          : 'Not connected: the LinkedIn card service could not complete the connection. Try again later.';
      case 'notConfirmed':
        return 'Not connected: the LinkedIn service did not confirm your choice.';
      case 'saveFailed':
        return failure.code === 9057
          ? "Not connected: Outlook's settings for add-ins are full (over 32 KB)."
          : "Not connected: Outlook couldn't save your choice.";
    }
  },
};

const dialogTexts: DialogTexts = {
  alreadyOpen: 'A sign-in window is already open.',
  popupBlocked: 'Not connected: your browser blocked the sign-in window. Allow pop-ups for Outlook and try again.',
  dismissed: 'Not connected: the sign-in window was dismissed.',
  pageNotAllowed: 'Not connected: the sign-in page is not allowed (it must be on the add-in’s own HTTPS address).',
  pageNotLoaded: 'Not connected: the sign-in page could not be loaded.',
  other: (code) => `Not connected: the sign-in window could not open (${code}).`,
};
