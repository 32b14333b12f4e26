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

/** The production host: Office.js in Outlook. Only constructed after Office.onReady. */
export function createOfficeJsHost(): OfficeHost {
  const context = Office.context;
  const mailbox = context.mailbox;
  const officeTheme = context.officeTheme as (Office.OfficeTheme & { isHighContrast?: boolean }) | undefined;
  const partitionKey = (context as { partitionKey?: string }).partitionKey;
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined;
  }
  return {
    platform: platformFromDiagnostics(String(context.diagnostics?.platform)),
    displayLanguage: context.displayLanguage || 'en-US',
    theme: themeFromOfficeColors(officeTheme?.bodyBackgroundColor, officeTheme?.isHighContrast === true),
    currentUser: {
      address: mailbox.userProfile.emailAddress,
      displayName: mailbox.userProfile.displayName,
    },
    baseUrl: window.location.href,
    deviceSettings: createLocalDeviceSettings(storage, partitionKey),
    localStore: storage,
    partitionKey,
    roamingSettings: officeRoamingSettings(context.roamingSettings),
    getItem: async () => snapshotOfItem(mailbox.item),
    onItemChanged(listener) {
      let active = true;
      // ItemChanged needs Mailbox 1.5; on older hosts the pane is not pinnable and simply closes on change.
      if (Office.context.requirements.isSetSupported('Mailbox', '1.5')) {
        mailbox.addHandlerAsync(Office.EventType.ItemChanged, () => {
          if (active) listener();
        });
      }
      return () => {
        active = false;
      };
    },
  };
}
