import { createLocalDeviceSettings } from './deviceSettings';
import { platformFromDiagnostics, themeFromOfficeColors } from './platform';
import { officeRoamingSettings } from './roamingSettings';
import type { ItemPerson, ItemSnapshot, OfficeHost, PersonRole } from './types';

type Details = Office.EmailAddressDetails;

function toPeople(list: Details | Details[] | undefined | null, role: PersonRole): ItemPerson[] {
  if (!list) return [];
  const array = Array.isArray(list) ? list : [list];
  return array
    .filter((d) => typeof d?.emailAddress === 'string' && d.emailAddress.length > 0)
    .map((d) => ({ address: d.emailAddress, displayName: d.displayName || d.emailAddress, role }));
}

/** Reads the people on the selected item in read mode (Mailbox 1.1+: the fields are plain values there). */
export function snapshotOfItem(item: Office.MessageRead | Office.AppointmentRead | null | undefined): ItemSnapshot | null {
  if (!item) return null;
  const key = item.itemId || `${item.itemType}:${item.dateTimeCreated?.toISOString?.() ?? ''}:${item.subject ?? ''}`;
  // Office types itemType as the enum or a string: compared as strings.
  if (String(item.itemType) === String(Office.MailboxEnums.ItemType.Appointment)) {
    const appointment = item as Office.AppointmentRead;
    return {
      key,
      kind: 'appointment',
      subject: appointment.subject ?? '',
      people: [
        ...toPeople(appointment.organizer, 'organizer'),
        ...toPeople(appointment.requiredAttendees, 'required'),
        ...toPeople(appointment.optionalAttendees, 'optional'),
      ],
    };
  }
  const message = item as Office.MessageRead;
  const from = toPeople(message.from, 'from');
  const sender = toPeople(message.sender, 'onBehalfOf');
  const onBehalf = sender.filter((s) => !from.some((f) => f.address.toLowerCase() === s.address.toLowerCase()));
  return {
    key,
    kind: 'message',
    subject: message.subject ?? '',
    people: [...from, ...onBehalf, ...toPeople(message.to, 'to'), ...toPeople(message.cc, 'cc')],
  };
}

/**
 * One Office event handler shared by every listener: registered with addHandlerAsync when the first listener comes,
 * removed with removeHandlerAsync when the last one leaves (mailbox handlers are per event type, so removing is all or
 * nothing), so an unsubscribed pane leaves no handler behind in Outlook.
 */
function sharedMailboxEvent<Args>(
  mailbox: Office.Mailbox,
  eventType: Office.EventType,
  requirement: string,
): (listener: (args: Args) => void) => () => void {
  const listeners = new Set<(args: Args) => void>();
  const handler = (args: Args): void => {
    for (const listener of [...listeners]) listener(args);
  };
  return (listener) => {
    if (!Office.context.requirements.isSetSupported('Mailbox', requirement)) return () => undefined;
    const wrapped = (args: Args): void => listener(args);
    listeners.add(wrapped);
    if (listeners.size === 1) mailbox.addHandlerAsync(eventType, handler);
    return () => {
      if (!listeners.delete(wrapped) || listeners.size > 0) return;
      mailbox.removeHandlerAsync(eventType);
    };
  };
}

/** Whether the page is drawn with forced colours (Windows high contrast): Office's theme has no member that says so. */
function forcedColors(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia('(forced-colors: active)') : null;
}

/** The production host: Office.js in Outlook. Only constructed after Office.onReady. */
export function createOfficeJsHost(): OfficeHost {
  const context = Office.context;
  const mailbox = context.mailbox;
  const partitionKey = (context as { partitionKey?: string }).partitionKey;
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined;
  }
  // Office.context.officeTheme has four colours and nothing else (no high-contrast flag): the body background says
  // light or dark; forced colours say high contrast.
  const highContrast = forcedColors();
  let officeTheme: Office.OfficeTheme | undefined = context.officeTheme;
  const currentTheme = () => themeFromOfficeColors(officeTheme?.bodyBackgroundColor, highContrast?.matches === true);
  // ItemChanged needs Mailbox 1.5 (the pane is not pinnable below it); OfficeThemeChanged needs Mailbox 1.14.
  const itemChanged = sharedMailboxEvent<unknown>(mailbox, Office.EventType.ItemChanged, '1.5');
  const themeChanged = sharedMailboxEvent<Office.OfficeThemeChangedEventArgs>(mailbox, Office.EventType.OfficeThemeChanged, '1.14');
  return {
    platform: platformFromDiagnostics(String(context.diagnostics?.platform)),
    displayLanguage: context.displayLanguage || 'en-US',
    get theme() {
      return currentTheme();
    },
    currentUser: {
      address: mailbox.userProfile.emailAddress,
      displayName: mailbox.userProfile.displayName,
    },
    baseUrl: window.location.href,
    deviceSettings: createLocalDeviceSettings(storage, partitionKey),
    localStore: storage,
    partitionKey,
    roamingSettings: officeRoamingSettings(context.roamingSettings),
    // Classic Outlook on Windows and Mac only; elsewhere the pane's links open a tab themselves.
    ...(context.requirements.isSetSupported('OpenBrowserWindowApi', '1.1')
      ? { openBrowserWindow: (url: string) => context.ui.openBrowserWindow(url) }
      : {}),
    getItem: async () => snapshotOfItem(mailbox.item),
    onItemChanged(listener) {
      return itemChanged(() => listener());
    },
    onThemeChanged(listener) {
      const unsubscribeOffice = themeChanged((args) => {
        if (args?.officeTheme) officeTheme = args.officeTheme;
        listener();
      });
      const onForcedColors = (): void => listener();
      highContrast?.addEventListener?.('change', onForcedColors);
      return () => {
        unsubscribeOffice();
        highContrast?.removeEventListener?.('change', onForcedColors);
      };
    },
  };
}
