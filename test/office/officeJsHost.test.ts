import { OfficeMockObject } from 'office-addin-mock';
import { createOfficeJsHost, snapshotOfItem } from '../../src/office/officeJsHost';
import { platformFromDiagnostics, themeFromOfficeColors } from '../../src/office/platform';

type Global = { Office?: unknown };

/** An Outlook mailbox as office-addin-mock builds it (it needs host: "outlook"). */
function installOffice(
  item: Record<string, unknown> | null,
  extra: {
    platform?: string;
    theme?: Record<string, unknown>;
    saveResult?: { status: string; error?: { code: number; message: string } };
    unsupported?: string[];
  } = {},
) {
  const stored: Record<string, unknown> = {};
  /** What Office holds, per event type: a handler added and not yet removed is still called by Outlook. */
  const handlers = new Map<string, ((args?: unknown) => void)[]>();
  const mockData = {
    host: 'outlook',
    context: {
      diagnostics: { platform: extra.platform ?? 'PC' },
      displayLanguage: 'de-DE',
      officeTheme: extra.theme ?? { bodyBackgroundColor: '#ffffff' },
      partitionKey: 'partition-1:',
      roamingSettings: {
        get: (name: string) => stored[name],
        set: (name: string, value: unknown) => void (stored[name] = value),
        remove: (name: string) => void delete stored[name],
        saveAsync: (callback: (result: unknown) => void) => callback(extra.saveResult ?? { status: 'succeeded' }),
      },
      requirements: { isSetSupported: (set: string) => !(extra.unsupported ?? []).includes(set) },
      mailbox: {
        userProfile: { emailAddress: 'megan.bowen@contoso.com', displayName: 'Megan Bowen' },
        ...(item ? { item } : {}),
        addHandlerAsync: (type: string, handler: () => void) => handlers.set(type, [...(handlers.get(type) ?? []), handler]),
        removeHandlerAsync: (type: string) => handlers.delete(type),
      },
    },
    EventType: { ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged' },
    MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' } },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };
  (globalThis as Global).Office = new OfficeMockObject(mockData);
  const fire = (type: string, args?: unknown) => (handlers.get(type) ?? []).forEach((h) => h(args));
  return {
    fireItemChanged: () => fire('olkItemSelectedChanged'),
    fireThemeChanged: (officeTheme: Record<string, unknown>) => fire('officeThemeChanged', { type: 'officeThemeChanged', officeTheme }),
    handlersHeld: () => [...handlers.values()].reduce((n, list) => n + list.length, 0),
  };
}
afterEach(() => {
  delete (globalThis as Global).Office;
});

const address = (displayName: string, emailAddress: string) => ({ displayName, emailAddress });

describe('the people on the selected item, as Office.js gives them', () => {
  test('a message: from, sent on behalf (when the sender differs), to and cc', async () => {
    installOffice({
      itemType: 'message',
      itemId: 'AAMk1',
      subject: 'Hello',
      from: address('Layla Haddad', 'layla.haddad@tailspin.ae'),
      sender: address('Omar Assistant', 'omar.assistant@tailspin.ae'),
      to: [address('Megan Bowen', 'megan.bowen@contoso.com')],
      cc: [address('Alex Wilber', 'alex.wilber@contoso.com')],
    });
    const host = createOfficeJsHost();
    const item = await host.getItem();
    expect(item?.kind).toBe('message');
    expect(item?.people.map((p) => `${p.role}:${p.address}`)).toEqual([
      'from:layla.haddad@tailspin.ae',
      'onBehalfOf:omar.assistant@tailspin.ae',
      'to:megan.bowen@contoso.com',
      'cc:alex.wilber@contoso.com',
    ]);
  });

  test('a meeting: organizer, required and optional attendees', () => {
    installOffice(null);
    const item = snapshotOfItem({
      itemType: 'appointment',
      itemId: 'AAMk2',
      subject: 'Sync',
      organizer: address('Isaiah Langer', 'isaiah.langer@fabrikam.com'),
      requiredAttendees: [address('Aiko Tanaka', 'aiko.tanaka@fabrikam.com')],
      optionalAttendees: [address('', 'johanna@northwind.de')],
    } as unknown as Office.AppointmentRead);
    expect(item?.people).toEqual([
      { role: 'organizer', address: 'isaiah.langer@fabrikam.com', displayName: 'Isaiah Langer' },
      { role: 'required', address: 'aiko.tanaka@fabrikam.com', displayName: 'Aiko Tanaka' },
      { role: 'optional', address: 'johanna@northwind.de', displayName: 'johanna@northwind.de' },
    ]);
  });

  test('no item selected (a pinned pane on an empty selection) is null', async () => {
    installOffice(null);
    expect(await createOfficeJsHost().getItem()).toBeNull();
  });

  test('the pinned pane hears ItemChanged', () => {
    const office = installOffice({ itemType: 'message', subject: '', from: address('A', 'a@b.co') });
    const listener = jest.fn();
    const unsubscribe = createOfficeJsHost().onItemChanged(listener);
    office.fireItemChanged();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    office.fireItemChanged();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test("unsubscribing removes Office's ItemChanged handler (removeHandlerAsync): no handler is left behind", () => {
    const office = installOffice({ itemType: 'message', subject: '', from: address('A', 'a@b.co') });
    const host = createOfficeJsHost();
    // A pane that mounts and unmounts again and again (StrictMode, a restart) must not pile up handlers in Outlook.
    for (let i = 0; i < 5; i++) host.onItemChanged(jest.fn())();
    expect(office.handlersHeld()).toBe(0);
    const first = jest.fn();
    const second = jest.fn();
    const stopFirst = host.onItemChanged(first);
    const stopSecond = host.onItemChanged(second);
    expect(office.handlersHeld()).toBe(1);
    stopFirst();
    office.fireItemChanged();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([0, 1]);
    stopSecond();
    expect(office.handlersHeld()).toBe(0);
  });

  test('without Mailbox 1.5 nothing is registered, and unsubscribing is harmless', () => {
    const office = installOffice(null, { unsupported: ['Mailbox'] });
    createOfficeJsHost().onItemChanged(jest.fn())();
    expect(office.handlersHeld()).toBe(0);
  });

  test('the host reports the user, language, platform, theme and partition', () => {
    installOffice(null, { platform: 'Mac', theme: { bodyBackgroundColor: '#1f1f1f' } });
    const host = createOfficeJsHost();
    expect(host.currentUser.address).toBe('megan.bowen@contoso.com');
    expect([host.displayLanguage, host.platform, host.theme, host.partitionKey]).toEqual(['de-DE', 'mac', 'dark', 'partition-1:']);
  });
});

describe("Outlook's theme", () => {
  const forcedColors = (matches: boolean) => {
    const listeners = new Set<() => void>();
    const query = {
      matches,
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    };
    window.matchMedia = jest.fn(() => query) as unknown as typeof window.matchMedia;
    return {
      set(next: boolean) {
        query.matches = next;
        listeners.forEach((l) => l());
      },
      listeners,
    };
  };
  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia;
  });

  test('is read from the members Office.OfficeTheme has: an isHighContrast that Office never sends changes nothing', () => {
    forcedColors(false);
    installOffice(null, { theme: { bodyBackgroundColor: '#ffffff', isHighContrast: true } });
    expect(createOfficeJsHost().theme).toBe('light');
  });
  test('high contrast is forced colours', () => {
    forcedColors(true);
    installOffice(null, { theme: { bodyBackgroundColor: '#ffffff' } });
    expect(createOfficeJsHost().theme).toBe('highContrast');
  });
  test('a theme change Outlook reports (Mailbox 1.14) is followed, and the handler goes with the last listener', () => {
    const colours = forcedColors(false);
    const office = installOffice(null, { theme: { bodyBackgroundColor: '#ffffff' } });
    const host = createOfficeJsHost();
    const listener = jest.fn();
    const unsubscribe = host.onThemeChanged!(listener);
    office.fireThemeChanged({ bodyBackgroundColor: '#1f1f1f' });
    expect([listener.mock.calls.length, host.theme]).toEqual([1, 'dark']);
    colours.set(true);
    expect([listener.mock.calls.length, host.theme]).toEqual([2, 'highContrast']);
    unsubscribe();
    expect(office.handlersHeld()).toBe(0);
    expect(colours.listeners.size).toBe(0);
  });
  test('without Mailbox 1.14 no theme handler is added', () => {
    forcedColors(false);
    const office = installOffice(null, { unsupported: ['Mailbox'] });
    createOfficeJsHost().onThemeChanged!(jest.fn());
    expect(office.handlersHeld()).toBe(0);
  });
});

describe('roaming settings', () => {
  test('a successful save resolves and the value reads back', async () => {
    installOffice(null);
    const settings = createOfficeJsHost().roamingSettings;
    settings.set('linkedin.consent', { consent: 'twoWay' });
    await expect(settings.save()).resolves.toBeUndefined();
    expect(settings.get('linkedin.consent')).toEqual({ consent: 'twoWay' });
  });
  test("a refused save is an error carrying Office's code (9057: over 32 KB), never a silent success", async () => {
    installOffice(null, { saveResult: { status: 'failed', error: { code: 9057, message: 'Settings too large' } } });
    await expect(createOfficeJsHost().roamingSettings.save()).rejects.toMatchObject({ name: 'RoamingSaveError', code: 9057 });
  });
});

describe('platform and theme mapping', () => {
  test.each([
    ['PC', 'windows'],
    ['Mac', 'mac'],
    ['OfficeOnline', 'web'],
    ['iOS', 'ios'],
    ['Android', 'android'],
    ['Universal', 'windows'],
    ['undefined', 'unknown'],
  ])('%s → %s', (office, platform) => expect(platformFromDiagnostics(office)).toBe(platform));
  test('dark backgrounds and high contrast are recognised', () => {
    expect(themeFromOfficeColors('#ffffff')).toBe('light');
    expect(themeFromOfficeColors('#202020')).toBe('dark');
    expect(themeFromOfficeColors('#ffffff', true)).toBe('highContrast'); // forced colours
    expect(themeFromOfficeColors(undefined)).toBe('light');
  });
});
