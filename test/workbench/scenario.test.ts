import { DEFAULT_SCENARIO, paneConfigKey, scenarioFromSearch, scenarioToSearch, type Scenario } from '../../dev/workbench/scenario';
import { WorkbenchStore } from '../../dev/workbench/store';
import { parseJsonObject, stringifyPolicy, withField } from '../../dev/workbench/policyEditing';

describe('a workbench scenario lives in the URL', () => {
  test('the default scenario has an empty query', () => {
    expect(scenarioToSearch(DEFAULT_SCENARIO)).toBe('');
    expect(scenarioFromSearch('')).toEqual(DEFAULT_SCENARIO);
  });

  test('a shared link reproduces every control, the policy file included', () => {
    const scenario: Scenario = {
      item: 'meeting',
      paneOpen: false,
      pinned: false,
      cloud: 'gccHigh',
      mailboxGeo: 'EUR',
      tenantCountry: 'DE',
      groupMembership: 'unknown',
      platform: 'windows',
      userOption: false,
      consent: 'twoWay',
      theme: 'dark',
      displayLanguage: 'ar-SA',
      latencyMs: '1000',
      lookupFault: 'throttled',
      insightsFault: 'none',
      calendarPermission: 'notGranted',
      calendarFault: 'throttled',
      policyText: '{ "linkedInAccountConnections": "selected", "selectedUsers": ["alex@contoso.com"] }',
      person: 'isaiah.langer@fabrikam.com',
      invalid: {},
    };
    expect(scenarioFromSearch(scenarioToSearch(scenario))).toEqual(scenario);
  });

  test('the person shown belongs to the item: choosing another item forgets it, and it never restarts the pane', () => {
    const store = new WorkbenchStore({ ...DEFAULT_SCENARIO, person: 'alex.wilber@contoso.com' });
    expect(paneConfigKey(store.get())).toBe(paneConfigKey(DEFAULT_SCENARIO));
    store.update({ item: 'meeting' });
    expect(store.get().person).toBeNull();
  });

  test('"no policy file" survives the round trip', () => {
    const scenario = { ...DEFAULT_SCENARIO, policyText: null };
    expect(scenarioToSearch(scenario)).toBe('?nopolicy=1');
    expect(scenarioFromSearch('?nopolicy=1').policyText).toBeNull();
  });

  test('unrecognised values fall back to the defaults, and are kept as invalid (shown, in the link) until changed', () => {
    const scenario = scenarioFromSearch('?cloud=mars&platform=amiga&lookupFault=500&pinned=maybe&item=nowhere&consent=twoWay');
    expect(scenario).toMatchObject({ cloud: 'worldwide', platform: 'web', lookupFault: 'none', pinned: true, item: 'external-sender' });
    expect(scenario.invalid).toEqual({ cloud: 'mars', platform: 'amiga', lookupFault: '500', pinned: 'maybe', item: 'nowhere' });
    expect(new URLSearchParams(scenarioToSearch(scenario)).get('lookupFault')).toBe('500');
    const store = new WorkbenchStore(scenario);
    store.update({ lookupFault: 'server' });
    expect(store.get().invalid).toEqual({ cloud: 'mars', platform: 'amiga', pinned: 'maybe', item: 'nowhere' });
    expect(new URLSearchParams(scenarioToSearch(store.get())).get('lookupFault')).toBe('server');
    expect(paneConfigKey(store.get())).toBe(paneConfigKey({ ...store.get(), invalid: {} }));
  });

  test("item=none is nothing selected (the pane's no-item state), not an unknown item", () => {
    expect(scenarioFromSearch('?item=none')).toMatchObject({ item: 'none', invalid: {} });
  });

  test("Office's display language is in the URL (fr-FR shows the fallback) and restarts the pane", () => {
    expect(scenarioToSearch({ ...DEFAULT_SCENARIO, displayLanguage: 'ar-SA' })).toBe('?lang=ar-SA');
    expect(scenarioFromSearch('?lang=de-DE').displayLanguage).toBe('de-DE');
    expect(scenarioFromSearch('?lang=fr-FR').displayLanguage).toBe('fr-FR');
    expect(scenarioFromSearch('?lang=klingon').displayLanguage).toBe('en-US');
    expect(paneConfigKey({ ...DEFAULT_SCENARIO, displayLanguage: 'de-DE' })).not.toBe(paneConfigKey(DEFAULT_SCENARIO));
  });

  test('changing the item does not restart the pane; changing a rule input does', () => {
    expect(paneConfigKey({ ...DEFAULT_SCENARIO, item: 'meeting' })).toBe(paneConfigKey(DEFAULT_SCENARIO));
    expect(paneConfigKey({ ...DEFAULT_SCENARIO, cloud: 'gcc' })).not.toBe(paneConfigKey(DEFAULT_SCENARIO));
  });

  test('consent set by the controls restarts the pane; consent the pane saved itself does not', () => {
    const store = new WorkbenchStore(DEFAULT_SCENARIO);
    store.update({ consent: 'twoWay' }, true);
    expect([store.get().consent, store.getConsentRevision()]).toEqual(['twoWay', 0]);
    store.update({ consent: 'none' });
    expect([store.get().consent, store.getConsentRevision()]).toEqual(['none', 1]);
  });
});

describe("the simulated Outlook follows Outlook's pane rules", () => {
  test.each([
    ['a pinned pane stays open and receives ItemChanged', true, true, 1],
    ['an unpinned pane closes when another item is selected', false, false, 0],
  ])('%s', (_name, pinned, staysOpen, itemChanged) => {
    const store = new WorkbenchStore({ ...DEFAULT_SCENARIO, pinned, paneOpen: true });
    const changed = jest.fn();
    store.onItemChanged(changed);
    store.update({ item: 'meeting' });
    expect(store.get().paneOpen).toBe(staysOpen);
    expect(changed).toHaveBeenCalledTimes(itemChanged);
  });
  test('every change is persisted (to the URL in the browser)', () => {
    const persist = jest.fn();
    const store = new WorkbenchStore(DEFAULT_SCENARIO, persist);
    store.update({ consent: 'twoWay' });
    expect(persist).toHaveBeenCalledWith(expect.objectContaining({ consent: 'twoWay' }));
  });
});

describe('editing the policy file through the form', () => {
  test('sets nested fields and removes emptied ones', () => {
    const start = parseJsonObject('{"version":1}');
    expect(start).not.toBeNull();
    const withMode = withField(start ?? {}, 'officePolicy.showLinkedInFeatures', 'disabled');
    expect(withMode).toEqual({ version: 1, officePolicy: { showLinkedInFeatures: 'disabled' } });
    expect(withField(withMode, 'officePolicy.showLinkedInFeatures', '')).toEqual({ version: 1 });
    expect(stringifyPolicy({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
  test('text that is not a JSON object disables the form', () => {
    expect(parseJsonObject('[1]')).toBeNull();
    expect(parseJsonObject('{')).toBeNull();
    expect(parseJsonObject(null)).toBeNull();
  });
});
