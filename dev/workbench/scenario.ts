import { CLOUDS, CONSENTS, GROUP_MEMBERSHIPS, PLATFORMS, type AccessInput, type Cloud, type GroupMembership } from '../../src/policy';
import type { OfficeThemeKind } from '../../src/office';
import {
  CALENDAR_PERMISSIONS,
  GRAPH_FAULTS,
  WORKBENCH_FAULTS,
  type CalendarPermission,
  type GraphFault,
  type WorkbenchFault,
} from '../workbenchControls';
import { SAMPLE_ITEMS } from '../mocks/sampleItems';

/**
 * One workbench scenario: what Microsoft 365 and Office would report, the user's settings, and the admin's policy file.
 * It lives in the URL so an admin can share "why does Alex see nothing?" as a link.
 */
export interface Scenario {
  item: string;
  paneOpen: boolean;
  pinned: boolean;
  cloud: Cloud;
  mailboxGeo: string;
  tenantCountry: string;
  groupMembership: GroupMembership;
  platform: AccessInput['platform'];
  userOption: boolean;
  consent: AccessInput['consent'];
  theme: OfficeThemeKind;
  /** Office's display language (BCP 47): the pane speaks en-US, de-DE and ar-SA; anything else falls back to English. */
  displayLanguage: (typeof CHOICES)['displayLanguage'][number];
  /** The development service's fault layer: added latency and an injected fault per endpoint. */
  latencyMs: string;
  lookupFault: WorkbenchFault;
  insightsFault: WorkbenchFault;
  /** Microsoft Graph (the development service's stand-in): whether the admin granted the calendar, and its faults. */
  calendarPermission: CalendarPermission;
  calendarFault: GraphFault;
  /** The text served as linkedin-policy.json, or null when no file is served (404). */
  policyText: string | null;
  /** The person the pane shows on the item (their address), or null for the pane's own choice (the sender first). */
  person: string | null;
  /**
   * Values of the link the workbench does not know, by parameter ("lookupFault" → "500"): the default is used in their
   * place and the controls say so, until the control is changed. Kept in the link, so a shared link shows them too.
   */
  invalid: Readonly<Record<string, string>>;
}

export const DEFAULT_POLICY_TEXT = `{
  "$schema": "./linkedin-policy.schema.json",
  "version": 1,
  "linkedInAccountConnections": "yes"
}`;

export const DEFAULT_SCENARIO: Scenario = {
  item: 'external-sender',
  paneOpen: true,
  pinned: true,
  cloud: 'worldwide',
  mailboxGeo: 'NAM',
  tenantCountry: 'US',
  groupMembership: 'member',
  platform: 'web',
  userOption: true,
  consent: 'none',
  theme: 'light',
  displayLanguage: 'en-US',
  latencyMs: '0',
  lookupFault: 'none',
  insightsFault: 'none',
  calendarPermission: 'granted',
  calendarFault: 'none',
  policyText: DEFAULT_POLICY_TEXT,
  person: null,
  invalid: {},
};

export const CHOICES = {
  cloud: CLOUDS,
  mailboxGeo: [
    'NAM',
    'EUR',
    'APC',
    'LAM',
    'CHE',
    'NOR',
    'ARE',
    'BRA',
    'AUS',
    'CAN',
    'CHN',
    'FRA',
    'DEU',
    'IND',
    'KOR',
    'GBR',
    'JPN',
    'ZAF',
    'unknown',
  ],
  tenantCountry: ['US', 'GB', 'DE', 'FR', 'NL', 'IN', 'JP', 'BR', 'unknown'],
  groupMembership: GROUP_MEMBERSHIPS,
  platform: PLATFORMS,
  consent: CONSENTS,
  theme: ['light', 'dark', 'highContrast'],
  displayLanguage: ['en-US', 'de-DE', 'ar-SA', 'fr-FR'],
  latencyMs: ['0', '100', '1000', '3000', '9000'],
  lookupFault: WORKBENCH_FAULTS,
  insightsFault: WORKBENCH_FAULTS,
  calendarPermission: CALENDAR_PERMISSIONS,
  calendarFault: GRAPH_FAULTS,
} as const satisfies Record<string, readonly string[]>;

type ChoiceKey = keyof typeof CHOICES;
const PARAM: Record<ChoiceKey, string> = {
  cloud: 'cloud',
  mailboxGeo: 'geo',
  tenantCountry: 'country',
  groupMembership: 'membership',
  platform: 'platform',
  consent: 'consent',
  theme: 'theme',
  displayLanguage: 'lang',
  latencyMs: 'latency',
  lookupFault: 'lookupFault',
  insightsFault: 'insightsFault',
  calendarPermission: 'calendar',
  calendarFault: 'calendarFault',
};

/** The parameter of each scenario field that the link can set (the others have their own: policy, nopolicy, person). */
export const PARAM_OF: Readonly<Record<ChoiceKey | 'item' | 'paneOpen' | 'pinned' | 'userOption', string>> = {
  ...PARAM,
  item: 'item',
  paneOpen: 'pane',
  pinned: 'pinned',
  userOption: 'option',
};

/** The key of "nothing selected": Outlook opens the pane then too (SupportsNoItemContext), and it shows Today. */
export const NO_ITEM = 'none';

const FLAGS: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };

/**
 * Reads a scenario from a query string. Anything missing keeps its default; a value the workbench does not know keeps
 * the default too, and is listed in `invalid` so the controls can say so (never ignored silently).
 */
export function scenarioFromSearch(search: string): Scenario {
  const params = new URLSearchParams(search);
  const invalid: Record<string, string> = {};
  const read = <T>(name: string, known: (raw: string) => T | undefined, fallback: T): T => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    const value = known(raw);
    if (value === undefined) invalid[name] = raw;
    return value ?? fallback;
  };
  const flag = (name: string, fallback: boolean): boolean => read(name, (raw) => FLAGS[raw], fallback);
  const scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    item: read(
      'item',
      (raw) => (raw === NO_ITEM || SAMPLE_ITEMS.some((item) => item.key === raw) ? raw : undefined),
      DEFAULT_SCENARIO.item,
    ),
    paneOpen: flag('pane', DEFAULT_SCENARIO.paneOpen),
    pinned: flag('pinned', DEFAULT_SCENARIO.pinned),
    userOption: flag('option', DEFAULT_SCENARIO.userOption),
    policyText: params.has('nopolicy') ? null : (params.get('policy') ?? DEFAULT_SCENARIO.policyText),
    person: params.get('person'),
  };
  for (const key of Object.keys(PARAM) as ChoiceKey[]) {
    const allowed = CHOICES[key] as readonly string[];
    (scenario as unknown as Record<string, string>)[key] = read(
      PARAM[key],
      (raw) => (allowed.includes(raw) ? raw : undefined),
      DEFAULT_SCENARIO[key],
    );
  }
  return { ...scenario, invalid };
}

/** Writes only what differs from the defaults, so a shared link says exactly what was changed. */
export function scenarioToSearch(scenario: Scenario): string {
  const params = new URLSearchParams();
  if (scenario.item !== DEFAULT_SCENARIO.item) params.set('item', scenario.item);
  if (scenario.paneOpen !== DEFAULT_SCENARIO.paneOpen) params.set('pane', scenario.paneOpen ? '1' : '0');
  if (scenario.pinned !== DEFAULT_SCENARIO.pinned) params.set('pinned', scenario.pinned ? '1' : '0');
  if (scenario.userOption !== DEFAULT_SCENARIO.userOption) params.set('option', scenario.userOption ? '1' : '0');
  for (const key of Object.keys(PARAM) as ChoiceKey[]) {
    if (scenario[key] !== DEFAULT_SCENARIO[key]) params.set(PARAM[key], String(scenario[key]));
  }
  if (scenario.person !== null) params.set('person', scenario.person);
  for (const [name, raw] of Object.entries(scenario.invalid)) if (!params.has(name)) params.set(name, raw);
  if (scenario.policyText === null) params.set('nopolicy', '1');
  else if (scenario.policyText !== DEFAULT_SCENARIO.policyText) params.set('policy', scenario.policyText);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The part of a scenario that configures the pane itself; the selected item reaches it as an ItemChanged event, and
 * the consent restarts it only when the controls change it (WorkbenchStore.getConsentRevision).
 */
export function paneConfigKey(scenario: Scenario): string {
  const {
    item: _item,
    paneOpen: _open,
    pinned: _pinned,
    userOption: _option,
    consent: _consent,
    person: _person,
    invalid: _invalid,
    ...rest
  } = scenario;
  return JSON.stringify(rest);
}
