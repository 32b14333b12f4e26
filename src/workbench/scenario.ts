import { CLOUDS, CONSENTS, GROUP_MEMBERSHIPS, PLATFORMS, type AccessInput, type Cloud, type GroupMembership } from '../policy';
import type { OfficeThemeKind } from '../office';
import {
  CALENDAR_PERMISSIONS,
  GRAPH_FAULTS,
  WORKBENCH_FAULTS,
  type CalendarPermission,
  type GraphFault,
  type WorkbenchFault,
} from '../contract/workbenchControls';

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

function pick<K extends ChoiceKey>(key: K, raw: string | null): Scenario[K] {
  const allowed = CHOICES[key] as readonly string[];
  return (raw !== null && allowed.includes(raw) ? raw : DEFAULT_SCENARIO[key]) as Scenario[K];
}

/** Reads a scenario from a query string; anything missing or unrecognised keeps its default. */
export function scenarioFromSearch(search: string): Scenario {
  const params = new URLSearchParams(search);
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = params.get(name);
    return raw === null ? fallback : raw === '1' || raw === 'true';
  };
  const scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    item: params.get('item') ?? DEFAULT_SCENARIO.item,
    paneOpen: flag('pane', DEFAULT_SCENARIO.paneOpen),
    pinned: flag('pinned', DEFAULT_SCENARIO.pinned),
    userOption: flag('option', DEFAULT_SCENARIO.userOption),
    policyText: params.has('nopolicy') ? null : (params.get('policy') ?? DEFAULT_SCENARIO.policyText),
    person: params.get('person'),
  };
  for (const key of Object.keys(PARAM) as ChoiceKey[]) {
    (scenario as unknown as Record<string, string>)[key] = pick(key, params.get(PARAM[key]));
  }
  return scenario;
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
  const { item: _item, paneOpen: _open, pinned: _pinned, userOption: _option, consent: _consent, person: _person, ...rest } = scenario;
  return JSON.stringify(rest);
}
